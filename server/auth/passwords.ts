// Passwords are hashed with Argon2id (memory-hard; @node-rs/argon2 with OWASP's defaults:
// 19 MiB, 2 passes). Policy: at least 12 characters, not all one class of character.
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(plain: string): Promise<string> {
  return hash(plain);
}

export async function verifyPassword(stored: string | null, plain: string): Promise<boolean> {
  // An unknown account is verified against a throwaway hash, so timing does not reveal it.
  const target = stored ?? (await dummyHash());
  try {
    return (await verify(target, plain)) && stored !== null;
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;
const dummyHash = () => {
  dummy ??= hash('akun-yang-tidak-ada-0');
  return dummy;
};

/** An Indonesian reason the password is too weak, or null. */
export function passwordProblem(plain: string): string | null {
  if (plain.length < MIN_PASSWORD_LENGTH) return `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter`;
  if (plain.length > 200) return 'Kata sandi paling panjang 200 karakter';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(plain)).length;
  if (classes < 2) return 'Kata sandi harus memuat paling sedikit dua jenis karakter (huruf, angka, simbol)';
  return null;
}
