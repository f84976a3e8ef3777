// Shared by the IKM and overview tests: the SKM grade table and the nine standard elements.
import type { IkmGrade } from '../../../server/kpi/types';

// PermenPANRB 14/2017 grades (DOMAIN.md §4)
export const GRADES: IkmGrade[] = [
  { grade: 'A', label: 'Sangat Baik', min: 88.31, max: 100 },
  { grade: 'B', label: 'Baik', min: 76.61, max: 88.3 },
  { grade: 'C', label: 'Kurang Baik', min: 65, max: 76.6 },
  { grade: 'D', label: 'Tidak Baik', min: 25, max: 64.99 },
];

// The nine elements as the standard words them
export const STANDARD = [
  'Persyaratan',
  'Sistem, Mekanisme, dan Prosedur',
  'Waktu Penyelesaian',
  'Biaya/Tarif',
  'Produk Spesifikasi Jenis Pelayanan',
  'Kompetensi Pelaksana',
  'Perilaku Pelaksana',
  'Penanganan Pengaduan, Saran dan Masukan',
  'Sarana dan Prasarana',
];
