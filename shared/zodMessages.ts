// Indonesian defaults for zod's own messages. Every schema that states its message keeps it; this
// covers the checks that do not (an enum without `error`, `.max(200)`, `.int()`, an unknown key),
// which zod would otherwise answer in English. The field is not named here: the server's error
// formatter puts the field's path in front ("Masukan tidak valid: password: Harus berupa teks").
import { z } from 'zod';

type Issue = Parameters<z.core.$ZodErrorMap>[0];

const TYPE_WORD: Record<string, string> = {
  string: 'Harus berupa teks',
  number: 'Harus berupa angka',
  int: 'Harus bilangan bulat',
  bigint: 'Harus bilangan bulat',
  boolean: 'Harus bernilai true atau false',
  object: 'Harus berupa objek',
  array: 'Harus berupa daftar',
  date: 'Harus berupa tanggal',
  null: 'Harus bernilai null',
};

const show = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : String(v));

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const max = String(issue.maximum);
  switch (issue.origin) {
    case 'string':
      return `Paling panjang ${max} karakter`;
    case 'array':
    case 'set':
      return `Paling banyak ${max} butir`;
    case 'number':
    case 'int':
    case 'bigint':
      return issue.inclusive === false ? `Harus kurang dari ${max}` : `Paling besar ${max}`;
    default:
      return 'Terlalu besar';
  }
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const min = Number(issue.minimum);
  switch (issue.origin) {
    case 'string':
      return min <= 1 ? 'Wajib diisi' : `Minimal ${min} karakter`;
    case 'array':
    case 'set':
      return min <= 1 ? 'Minimal berisi satu butir' : `Minimal ${min} butir`;
    case 'number':
    case 'int':
    case 'bigint':
      return issue.inclusive === false ? `Harus lebih dari ${min}` : `Paling kecil ${min}`;
    default:
      return 'Terlalu kecil';
  }
}

/** zod's locale hook: the Indonesian message of an issue its schema gave no message for. */
export function indonesianZodMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'Wajib diisi';
      return TYPE_WORD[issue.expected] ?? 'Jenis nilainya tidak sesuai';
    case 'invalid_value':
      return issue.values.length === 1
        ? `Harus bernilai ${show(issue.values[0])}`
        : `Harus salah satu dari: ${issue.values.map(show).join(', ')}`;
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_format':
      if (issue.format === 'url') return 'Harus berupa URL lengkap (https://…)';
      if (issue.format === 'email') return 'Harus berupa alamat email';
      return 'Formatnya tidak sesuai';
    case 'not_multiple_of':
      return `Harus kelipatan ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? `Kolom tidak dikenal: ${issue.keys[0]}`
        : `Kolom tidak dikenal: ${issue.keys.join(', ')}`;
    default:
      return 'Nilainya tidak valid';
  }
}

z.config({ localeError: indonesianZodMessage });
