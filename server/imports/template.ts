// The blank workbook an OPD downloads for a form: the header row (bold, frozen), one example row in
// grey italics (its first cell starts with "Contoh:", so the importer skips it), rows pre-filled
// with the OPD's own sub kegiatan or programmes, and a "Petunjuk" sheet explaining every column.
import ExcelJS from 'exceljs';
import type { Db } from '../db/connection';
import { type CellType, FORMS } from './forms';
import { opdName, programmesCoordinatedBy, subKegiatanOfOpd } from './queries';
import { DEFAULT_LIMITS, type FormKind } from './types';

const FORMAT_HELP: Record<CellType, string> = {
  code: 'Kode, huruf besar/kecil tidak dibedakan',
  text: 'Teks',
  int: 'Bilangan bulat',
  rupiah: 'Rupiah tanpa desimal: 1.250.000, Rp1.250.000 atau 1250000',
  pct: 'Persen 0–100: 45,5 atau 45.5 (boleh dengan %)',
  decimal: 'Angka: 87,5 atau 87.5',
  datetime: 'DD/MM/YYYY HH.MM atau YYYY-MM-DD HH:MM (WIB), ISO 8601 dengan zona, atau sel tanggal Excel',
  period: 'YYYY-MM, mis. 2025-09',
  status: 'belum mulai, berjalan, selesai, tertunda',
  info: 'Keterangan (tidak diimpor)',
};

/** Excel number formats per column: text columns stay text, so "2025-09" and codes are not turned into dates. */
const NUM_FMT: Partial<Record<CellType, string>> = {
  code: '@',
  text: '@',
  info: '@',
  period: '@',
  rupiah: '#,##0',
  datetime: 'dd/mm/yyyy hh:mm',
};

const GREY = { argb: 'FF7F7F7F' };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

export async function templateXlsx(kind: FormKind, db: Db, opdId: number, year: number): Promise<Buffer> {
  const form = FORMS[kind];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Adiguna';
  const ws = wb.addWorksheet(form.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = form.columns.map((c) => ({
    key: c.key,
    width: Math.min(50, Math.max(c.header.length, c.example.length + 8) + 2),
    style: NUM_FMT[c.type] ? { numFmt: NUM_FMT[c.type] } : {},
  }));

  const head = ws.addRow(form.columns.map((c) => c.header));
  head.font = { bold: true };
  form.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.fill = HEADER_FILL;
    cell.note = `${c.required ? 'Wajib. ' : ''}${c.help}`;
  });

  const example = ws.addRow(form.columns.map((c, i) => (i === 0 ? `Contoh: ${c.example}` : c.example)));
  example.font = { italic: true, color: GREY };

  const name = opdName(db, opdId) ?? '';
  if (kind === 'realisasi') {
    for (const s of subKegiatanOfOpd(db, opdId, year))
      ws.addRow({ subKegiatanCode: s.code, subKegiatanName: s.name, year });
  } else if (kind === 'progres') {
    for (const p of programmesCoordinatedBy(db, opdId, year))
      ws.addRow({ programmeCode: p.code, programmeName: p.name });
  }

  const help = wb.addWorksheet('Petunjuk');
  help.columns = [{ width: 30 }, { width: 8 }, { width: 60 }, { width: 28 }, { width: 60 }];
  const title = help.addRow([`Petunjuk pengisian: ${form.title}`]);
  title.font = { bold: true, size: 14 };
  help.addRow([
    `Templat untuk ${name || 'OPD'}${kind === 'realisasi' || kind === 'progres' ? `, tahun ${year}` : ''}.`,
  ]);
  help.addRow([]);
  const th = help.addRow(['Kolom', 'Wajib', 'Format', 'Contoh', 'Keterangan']);
  th.font = { bold: true };
  th.eachCell((c) => {
    c.fill = HEADER_FILL;
  });
  for (const c of form.columns)
    help.addRow([c.header, c.required ? 'Ya' : 'Tidak', FORMAT_HELP[c.type], c.example, c.help]);
  help.addRow([]);
  const rules = [
    'Isi lembar pertama; judul kolom di baris 1 jangan diubah. Urutan kolom bebas; kolom yang tidak dikenal ditolak.',
    'Baris contoh (sel pertamanya diawali "Contoh:") diabaikan saat impor dan boleh dihapus.',
    kind === 'realisasi' || kind === 'progres'
      ? 'Baris yang hanya berisi kode dan nama (tanpa angka) dilewati; isi hanya yang ingin dilaporkan.'
      : 'Setiap baris satu catatan; ID Sumber tidak boleh berulang. Impor ulang ID yang sama tidak menggandakan data.',
    'Angka: titik pemisah ribuan dan koma desimal (1.250.000; 84,80) atau tanpa pemisah (1250000; 84.8). Bila ada titik dan koma, yang terakhir adalah desimal.',
    'Waktu dalam WIB: DD/MM/YYYY HH.MM (03/03/2025 08.15) atau YYYY-MM-DD HH:MM (2025-03-03 08:15), sel tanggal Excel, atau ISO 8601 dengan zona (2025-03-03T08:15:00+07:00).',
    'Jangan memakai rumus; sel berisi rumus ditolak. Salin lalu tempel sebagai nilai (Paste Values).',
    'Impor berlaku semua-atau-tidak-sama-sekali: bila ada satu kesalahan, tidak ada data yang disimpan dan setiap kesalahan ditampilkan dengan nomor baris dan nama kolomnya.',
    `Batas: ${Math.round(DEFAULT_LIMITS.maxBytes / 1024 / 1024)} MB per berkas, ${DEFAULT_LIMITS.maxRows.toLocaleString('id-ID')} baris. Format .xlsx atau .csv (pemisah ; atau ,).`,
  ];
  const rh = help.addRow(['Aturan umum']);
  rh.font = { bold: true };
  for (const r of rules) help.addRow([`• ${r}`]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
