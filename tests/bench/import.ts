// npx tsx tests/bench/import.ts [--rows=100000] [--worker]: import speed of service records.
// Generates the same deterministic layanan file as CSV and as XLSX (real service and kecamatan
// codes from the reference data), imports each into a fresh temporary database through
// parseFile → validateRows → applyImport, and prints per format: parse, validate, write and total
// seconds, rows per second, peak RSS (sampled every 50 ms) and peak heap. DESIGN.md: < 10 s each.
// --worker also times runImportInWorker (the production path) end to end. Each measurement runs
// in a child process of its own (--child=…, internal); KEEP=1 keeps the generated files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { openDb } from '../../server/db/connection';
import { migrate } from '../../server/db/migrate';
import { applyImport, importActor, parseFile, runImportInWorker, validateRows } from '../../server/imports';
import { loadReference } from '../../server/seed/reference';

const args = process.argv.slice(2);
const ROWS = Number(args.find((a) => a.startsWith('--rows='))?.slice(7) ?? 100_000);
const WITH_WORKER = args.includes('--worker');
const NOW = Date.parse('2026-11-23T03:00:00.000Z');
const HEADER = ['ID Sumber', 'Kode Layanan', 'Kode Kecamatan', 'Waktu Pengajuan', 'Waktu Selesai'];

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rec {
  id: string;
  service: string;
  kecamatan: string;
  submittedWib: Date; // wall clock WIB in the UTC fields
  completedWib: Date | null;
}

function* records(n: number): Generator<Rec> {
  const ref = path.join(import.meta.dirname, '../../fixtures/reference');
  const services = (
    JSON.parse(fs.readFileSync(path.join(ref, 'services.json'), 'utf8')) as { code: string }[]
  ).map((s) => s.code);
  const kecamatan = (
    JSON.parse(fs.readFileSync(path.join(ref, 'kecamatan.json'), 'utf8')) as { code: string }[]
  ).map((k) => k.code);
  const r = rng(20250301);
  const start = Date.UTC(2025, 0, 2, 7, 30);
  for (let i = 0; i < n; i++) {
    const submitted = start + Math.floor(r() * 300) * 86_400_000 + Math.floor(r() * 8 * 60) * 60_000;
    const open = r() < 0.08;
    const completed = open ? null : submitted + Math.floor(r() * 3 * 24 * 60) * 60_000;
    yield {
      id: `BENCH-${String(i + 1).padStart(7, '0')}`,
      service: services[Math.floor(r() * services.length)] as string,
      kecamatan: kecamatan[Math.floor(r() * kecamatan.length)] as string,
      submittedWib: new Date(submitted),
      completedWib: completed === null ? null : new Date(completed),
    };
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
/** DD/MM/YYYY HH.MM, the notation an Indonesian Excel user types. */
const dmy = (d: Date) =>
  `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}.${pad(d.getUTCMinutes())}`;

function writeCsv(file: string): void {
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, `\uFEFF${HEADER.join(';')}\r\n`);
  let buf: string[] = [];
  for (const r of records(ROWS)) {
    buf.push(
      `${r.id};${r.service};${r.kecamatan};${dmy(r.submittedWib)};${r.completedWib ? dmy(r.completedWib) : ''}`,
    );
    if (buf.length === 10_000) {
      fs.writeSync(fd, `${buf.join('\r\n')}\r\n`);
      buf = [];
    }
  }
  if (buf.length) fs.writeSync(fd, `${buf.join('\r\n')}\r\n`);
  fs.closeSync(fd);
}

/** Real Excel date cells, as an OPD's export from its own application would have. */
async function writeXlsx(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  const ws = wb.addWorksheet('Layanan');
  ws.addRow(HEADER).commit();
  for (const r of records(ROWS)) {
    const row = ws.addRow([r.id, r.service, r.kecamatan, r.submittedWib, r.completedWib]);
    row.getCell(4).numFmt = 'dd/mm/yyyy hh:mm';
    row.getCell(5).numFmt = 'dd/mm/yyyy hh:mm';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

function freshDb(dir: string, label: string) {
  const file = path.join(dir, `${label}.db`);
  const db = openDb(file);
  migrate(db);
  loadReference(db, new Date(NOW).toISOString());
  return { db, file };
}

/** Peak RSS and heap while fn runs, sampled every 50 ms (plus before and after). */
async function sampled<T>(fn: () => Promise<T>): Promise<{ value: T; rssMb: number; heapMb: number }> {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 50);
  try {
    const value = await fn();
    sample();
    return { value, rssMb: rss / 1024 / 1024, heapMb: heap / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

interface Result {
  label: string;
  sizeMb: number;
  parse: number;
  validate: number;
  write: number;
  total: number;
  rssMb: number;
  heapMb: number;
  written: number;
}

async function measure(label: string, dir: string, file: string): Promise<Result> {
  const { db } = freshDb(dir, label);
  try {
    const yieldLoop = () => new Promise((r) => setImmediate(r)); // lets the 50 ms sampler run between phases
    const { value, rssMb, heapMb } = await sampled(async () => {
      const t0 = performance.now();
      const parsed = await parseFile({ name: path.basename(file), path: file });
      if (parsed.errors.length) throw new Error(`parse errors: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
      const t1 = performance.now();
      await yieldLoop();
      const t1b = performance.now();
      const v = validateRows('layanan', parsed, { db, canWrite: () => null });
      if (v.errors.length) throw new Error(`validation errors: ${JSON.stringify(v.errors.slice(0, 3))}`);
      const t2 = performance.now();
      await yieldLoop();
      const t2b = performance.now();
      const res = applyImport('layanan', v.valid, importActor(null, path.basename(file)), NOW, db);
      const t3 = performance.now();
      return { parse: t1 - t0, validate: t2 - t1b, write: t3 - t2b, written: res.written };
    });
    const total = value.parse + value.validate + value.write;
    return {
      label,
      sizeMb: fs.statSync(file).size / 1024 / 1024,
      parse: value.parse / 1000,
      validate: value.validate / 1000,
      write: value.write / 1000,
      total: total / 1000,
      rssMb,
      heapMb,
      written: value.written,
    };
  } finally {
    db.close();
  }
}

async function measureWorker(label: string, dir: string, file: string): Promise<Result> {
  const { db, file: dbPath } = freshDb(dir, `${label}-worker`);
  db.close();
  const { value, rssMb, heapMb } = await sampled(async () => {
    const t0 = performance.now();
    const out = await runImportInWorker({ name: path.basename(file), path: file }, 'layanan', {
      dbPath,
      actor: importActor(null, path.basename(file)),
      nowMs: NOW,
      canWrite: () => null,
    });
    if (out.errors.length) throw new Error(`errors: ${JSON.stringify(out.errors.slice(0, 3))}`);
    return { out, total: performance.now() - t0 };
  });
  const t = value.out.timings;
  return {
    label: `${label} (worker)`,
    sizeMb: fs.statSync(file).size / 1024 / 1024,
    parse: t.parseMs / 1000,
    validate: t.validateMs / 1000,
    write: t.writeMs / 1000,
    total: value.total / 1000,
    rssMb,
    heapMb,
    written: value.out.written,
  };
}

/** Each measurement in its own process, so one format's garbage does not inflate the next one's RSS. */
function inChild(mode: 'inline' | 'worker', label: string, dir: string, file: string): Result {
  const res = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      `--child=${mode}`,
      `--label=${label}`,
      `--dir=${dir}`,
      `--file=${file}`,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = res.stdout.split('\n').find((l) => l.startsWith('{'));
  if (res.status !== 0 || !line) throw new Error(`${label} (${mode}) failed:\n${res.stdout}`);
  return JSON.parse(line) as Result;
}

const child = args.find((a) => a.startsWith('--child='))?.slice(8);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? '';
if (child) {
  const r =
    child === 'worker'
      ? await measureWorker(arg('label'), arg('dir'), arg('file'))
      : await measure(arg('label'), arg('dir'), arg('file'));
  console.log(JSON.stringify(r));
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adiguna-import-bench-'));
  try {
    const csv = path.join(dir, 'layanan.csv');
    const xlsx = path.join(dir, 'layanan.xlsx');
    const t = performance.now();
    writeCsv(csv);
    await writeXlsx(xlsx);
    console.log(
      `Generated ${ROWS.toLocaleString('en')} rows as CSV and XLSX in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    const results: Result[] = [];
    for (const [label, file] of [
      ['CSV', csv],
      ['XLSX', xlsx],
    ] as const) {
      results.push(inChild('inline', label, dir, file));
      if (WITH_WORKER) results.push(inChild('worker', label, dir, file));
    }
    const f = (n: number, d = 2) => n.toFixed(d);
    console.log(
      `\nImport of ${ROWS.toLocaleString('en')} layanan rows (Node ${process.version}, ${os.cpus().length} CPUs, one process per row)\n`,
    );
    console.log(
      '| format | file MB | parse s | validate s | write s | total s | rows/s | peak RSS MB | peak heap MB |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      if (r.written !== ROWS) throw new Error(`${r.label}: wrote ${r.written} of ${ROWS}`);
      console.log(
        `| ${r.label} | ${f(r.sizeMb, 1)} | ${f(r.parse)} | ${f(r.validate)} | ${f(r.write)} | ${f(r.total)} | ${Math.round(ROWS / r.total).toLocaleString('en')} | ${f(r.rssMb, 0)} | ${f(r.heapMb, 0)} |`,
      );
    }
    if (WITH_WORKER)
      console.log(
        '\nWorker rows: total includes starting the thread; heap is the main thread only, RSS both threads.',
      );
    const slow = results.filter((r) => r.total >= 10);
    console.log(
      slow.length
        ? `\nOVER the 10 s bar: ${slow.map((r) => r.label).join(', ')}`
        : '\nAll under the 10 s bar.',
    );
    if (slow.length) process.exitCode = 1;
  } finally {
    if (process.env.KEEP) console.log(`Files kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}
