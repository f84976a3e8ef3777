// Checks an .xlsx (a zip archive) before any XLSX library touches it, so a hostile upload cannot
// exhaust memory or disk ("zip bomb"). Reads the End Of Central Directory record and the central
// directory with node:fs, then:
//   - refuses a file that is not a zip, is split, encrypted, or uses a method other than
//     stored/deflate;
//   - refuses when the declared uncompressed sizes add up to more than maxUncompressedBytes, or
//     an entry larger than 1 MiB declares a compression ratio above 100:1;
//   - checks that the local entries tile the file exactly as the central directory says (a
//     streaming reader walks local headers, so a hidden entry must not exist), and
//   - inflates every entry once, counting bytes and discarding them, and refuses as soon as an
//     entry produces more than it declared (a lying header). Memory stays at one chunk.
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { ImportLimits } from './types';

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CD_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const MAX_ENTRIES = 10_000;
/** Entries below this size may compress better than 100:1 without harm (styles, empty sheets). */
const RATIO_FLOOR_BYTES = 1024 * 1024;
export const MAX_RATIO = 100;

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

class ZipRefused extends Error {}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

function u64(buf: Buffer, at: number): number {
  const v = buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER))
    throw new ZipRefused('Berkas XLSX rusak (ukuran tidak masuk akal)');
  return Number(v);
}

/** The central directory's entries, or a refusal. Reads only the directory, never entry data. */
export function readCentralDirectory(
  fd: number,
  fileSize: number,
): { entries: ZipEntry[]; cdOffset: number } {
  if (fileSize < 22) throw new ZipRefused('Berkas bukan XLSX yang sah (terlalu kecil untuk arsip zip)');
  const tailLen = Math.min(fileSize, 22 + 0xffff);
  const tail = readAt(fd, fileSize - tailLen, tailLen);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipRefused('Berkas XLSX rusak atau terpotong (akhir arsip zip tidak ditemukan)');
  const eocdPos = fileSize - tailLen + eocd;
  let disk = tail.readUInt16LE(eocd + 4);
  let cdDisk = tail.readUInt16LE(eocd + 6);
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocdPos >= 20 ? readAt(fd, eocdPos - 20, 20) : Buffer.alloc(0);
    if (loc.length < 20 || loc.readUInt32LE(0) !== ZIP64_LOCATOR_SIG)
      throw new ZipRefused('Berkas XLSX rusak (direktori zip64 tidak ditemukan)');
    const z = readAt(fd, u64(loc, 8), 56);
    if (z.length < 56 || z.readUInt32LE(0) !== ZIP64_EOCD_SIG)
      throw new ZipRefused('Berkas XLSX rusak (direktori zip64 tidak ditemukan)');
    disk = z.readUInt32LE(16);
    cdDisk = z.readUInt32LE(20);
    count = u64(z, 32);
    cdSize = u64(z, 40);
    cdOffset = u64(z, 48);
  }
  if (disk !== 0 || cdDisk !== 0) throw new ZipRefused('Arsip zip terpecah (multi-disk) tidak didukung');
  if (count > MAX_ENTRIES) throw new ZipRefused(`Berkas XLSX memuat terlalu banyak bagian (${count})`);
  if (cdOffset + cdSize > fileSize) throw new ZipRefused('Berkas XLSX rusak (direktori zip di luar berkas)');
  const cd = readAt(fd, cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CD_SIG)
      throw new ZipRefused('Berkas XLSX rusak (direktori zip)');
    const flags = cd.readUInt16LE(p + 8);
    const method = cd.readUInt16LE(p + 10);
    let compressedSize = cd.readUInt32LE(p + 20);
    let uncompressedSize = cd.readUInt32LE(p + 24);
    const nameLen = cd.readUInt16LE(p + 28);
    const extraLen = cd.readUInt16LE(p + 30);
    const commentLen = cd.readUInt16LE(p + 32);
    let localOffset = cd.readUInt32LE(p + 42);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLen);
    // ZIP64 extended sizes: present, in this order, only for the fields set to 0xFFFFFFFF.
    let x = p + 46 + nameLen;
    const extraEnd = x + extraLen;
    while (x + 4 <= extraEnd) {
      const id = cd.readUInt16LE(x);
      const size = cd.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        if (uncompressedSize === 0xffffffff) {
          uncompressedSize = u64(cd, f);
          f += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(cd, f);
          f += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(cd, f);
      }
      x += 4 + size;
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localOffset });
    p = extraEnd + commentLen;
  }
  return { entries, cdOffset };
}

/** Declared sizes and ratios: refuses a bomb from the directory alone, before reading any data. */
export function checkDeclared(entries: ZipEntry[], limits: ImportLimits): void {
  let total = 0;
  for (const e of entries) {
    if (e.flags & 0x1)
      throw new ZipRefused('Berkas XLSX terenkripsi atau dilindungi kata sandi tidak didukung');
    if (e.method !== 0 && e.method !== 8)
      throw new ZipRefused(`Berkas XLSX memakai metode kompresi yang tidak didukung (${e.method})`);
    if (e.method === 0 && e.compressedSize !== e.uncompressedSize)
      throw new ZipRefused('Berkas XLSX rusak (ukuran bagian tidak konsisten)');
    total += e.uncompressedSize;
    if (total > limits.maxUncompressedBytes)
      throw new ZipRefused(
        `Isi berkas XLSX setelah dibuka melebihi batas ${mb(limits.maxUncompressedBytes)} (kemungkinan "zip bomb")`,
      );
    if (
      e.uncompressedSize > RATIO_FLOOR_BYTES &&
      e.uncompressedSize > MAX_RATIO * Math.max(e.compressedSize, 1)
    )
      throw new ZipRefused(
        `Bagian "${e.name}" mengembang lebih dari ${MAX_RATIO}:1 saat dibuka (kemungkinan "zip bomb")`,
      );
  }
}

/** Where each entry's data starts, after checking that local headers tile the file with no gaps. */
function dataOffsets(fd: number, entries: ZipEntry[], cdOffset: number): Map<ZipEntry, number> {
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  const out = new Map<ZipEntry, number>();
  let expected = 0;
  // A data descriptor (flag bit 3) may follow an entry's data: 12–24 bytes. Any other gap could
  // hide an entry that a streaming reader would inflate although the directory does not list it.
  const checkGap = (next: number) => {
    const gap = next - expected;
    if (gap !== 0 && !(gap >= 12 && gap <= 24))
      throw new ZipRefused('Berkas XLSX rusak (bagian zip tersembunyi)');
  };
  for (const e of sorted) {
    checkGap(e.localOffset);
    const h = readAt(fd, e.localOffset, 30);
    if (h.length < 30 || h.readUInt32LE(0) !== LOCAL_SIG)
      throw new ZipRefused('Berkas XLSX rusak (header bagian zip)');
    const nameLen = h.readUInt16LE(26);
    const extraLen = h.readUInt16LE(28);
    const localName = readAt(fd, e.localOffset + 30, nameLen).toString('utf8');
    if (localName !== e.name || h.readUInt16LE(8) !== e.method)
      throw new ZipRefused('Berkas XLSX rusak (header bagian zip tidak cocok dengan direktori)');
    const start = e.localOffset + 30 + nameLen + extraLen;
    if (start + e.compressedSize > cdOffset) throw new ZipRefused('Berkas XLSX rusak (bagian zip terpotong)');
    out.set(e, start);
    expected = start + e.compressedSize;
  }
  checkGap(cdOffset);
  return out;
}

/** Inflates one entry into nothing, failing once it produces more bytes than it declared. */
function inflateCounting(path: string, start: number, e: ZipEntry): Promise<void> {
  return new Promise((resolve, reject) => {
    if (e.compressedSize === 0) return resolve();
    const src = fs.createReadStream(path, { start, end: start + e.compressedSize - 1 });
    const sink = e.method === 8 ? zlib.createInflateRaw() : null;
    let produced = 0;
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      src.destroy();
      sink?.destroy();
      if (err) reject(err);
      else resolve();
    };
    const count = (chunk: Buffer | string) => {
      produced += chunk.length;
      if (produced > e.uncompressedSize)
        finish(
          new ZipRefused(`Bagian "${e.name}" lebih besar daripada yang dinyatakan (kemungkinan "zip bomb")`),
        );
    };
    src.on('error', finish);
    if (!sink) {
      src.on('data', count);
      src.on('end', () => finish());
      return;
    }
    sink.on('data', count);
    sink.on('error', () => finish(new ZipRefused(`Bagian "${e.name}" rusak (data terkompresi tidak sah)`)));
    sink.on('end', () => finish());
    src.pipe(sink);
  });
}

/**
 * Null when the .xlsx at `path` is a well-formed zip within the limits, else an Indonesian reason.
 */
export async function inspectXlsxZip(path: string, limits: ImportLimits): Promise<string | null> {
  try {
    const fd = fs.openSync(path, 'r');
    let entries: ZipEntry[];
    let offsets: Map<ZipEntry, number>;
    try {
      const size = fs.fstatSync(fd).size;
      const head = readAt(fd, 0, 4);
      if (head.length < 4 || head.readUInt32LE(0) !== LOCAL_SIG)
        throw new ZipRefused('Berkas bukan XLSX yang sah (bukan arsip zip; mungkin dilindungi kata sandi)');
      const cd = readCentralDirectory(fd, size);
      entries = cd.entries;
      checkDeclared(entries, limits);
      offsets = dataOffsets(fd, entries, cd.cdOffset);
    } finally {
      fs.closeSync(fd);
    }
    if (!entries.some((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)))
      throw new ZipRefused('Berkas XLSX tidak memuat lembar kerja');
    for (const e of entries) await inflateCounting(path, offsets.get(e) ?? 0, e);
    return null;
  } catch (err) {
    if (err instanceof ZipRefused) return err.message;
    throw err;
  }
}
