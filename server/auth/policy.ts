// Who may write which figure, and when: an OPD operator writes only its own OPD's figures and only
// until the period's deadline (unless an admin reopened it for that OPD); admins may correct any
// figure at any time but must give a reason. Enforced on the server for every write path.
import { TRPCError } from '@trpc/server';
import { formatDateTimeWib, formatPeriod } from '../../shared/format';
import { lastDayOfMonth, parseMonth, wibToMs } from '../../shared/time';
import type { Db } from '../db/connection';
import { deadlineOverride, type ReportFamily, reopenedUntil } from '../db/queries/periods';
import { setting } from '../settings';
import type { Principal } from '../trpc';

/** The reporting deadline of a period: the override, else day N of the next month, 23.59 WIB. */
export function deadlineOf(db: Db, family: ReportFamily, period: string): number {
  const override = deadlineOverride(db, family, period);
  if (override) return Date.parse(override);
  const { year, month } = parseMonth(period);
  const day = setting(db, 'reporting.deadline_day', year);
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  const last = Number(lastDayOfMonth(nextYear, nextMonth).slice(8));
  const d = `${nextYear}-${String(nextMonth).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
  return wibToMs(d, 23, 59) + 59_999;
}

/** Null when the period is open for this OPD now, else the Indonesian reason it is locked. */
export function lockReason(
  db: Db,
  family: ReportFamily,
  period: string,
  opdId: number,
  nowMs: number,
): string | null {
  const deadline = deadlineOf(db, family, period);
  if (nowMs <= deadline) return null;
  const reopened = reopenedUntil(db, family, period, opdId);
  if (reopened !== null && nowMs <= Date.parse(reopened)) return null;
  return `Periode ${formatPeriod(period)} sudah dikunci sejak ${formatDateTimeWib(deadline)}; minta admin membuka kembali untuk OPD Anda`;
}

/** Throws unless the principal may write a figure of `opdId` for `period` now. */
export function assertCanWrite(
  db: Db,
  principal: Principal | null,
  w: {
    opdId: number;
    opdCode: string;
    family: ReportFamily | null;
    period: string | null;
    reason: string | null;
  },
  nowMs: number,
): void {
  if (principal?.kind !== 'user')
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Silakan masuk terlebih dahulu' });
  const { user } = principal;
  if (user.role === 'admin') {
    if (
      w.family !== null &&
      w.period !== null &&
      lockReason(db, w.family, w.period, w.opdId, nowMs) !== null &&
      !w.reason
    ) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'Periode sudah dikunci: koreksi oleh admin wajib disertai alasan',
      });
    }
    return;
  }
  if (user.role !== 'opd')
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'Hanya operator OPD dan admin yang boleh mengisi data',
    });
  if (user.opdId !== w.opdId) {
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: `Akun ini hanya boleh mengisi data ${user.opdCode ?? 'OPD-nya sendiri'}, bukan ${w.opdCode}`,
    });
  }
  if (w.family !== null && w.period !== null) {
    const locked = lockReason(db, w.family, w.period, w.opdId, nowMs);
    if (locked) throw new TRPCError({ code: 'FORBIDDEN', message: locked });
  }
}

/** A save against a version the editor did not see is a conflict; the current value goes back. */
export function assertVersion(
  current: { version: number } | undefined,
  expected: number | null | undefined,
  currentValue: unknown,
): void {
  if (expected === undefined || expected === null) {
    if (current) {
      throw new TRPCError({
        code: 'CONFLICT',
        message: 'Data ini sudah diisi orang lain; periksa nilai terbaru sebelum menyimpan',
        cause: new ConflictError(currentValue, current.version),
      });
    }
    return;
  }
  if (!current || current.version !== expected) {
    throw new TRPCError({
      code: 'CONFLICT',
      message: 'Data ini diubah orang lain sejak Anda membukanya; periksa nilai terbaru sebelum menyimpan',
      cause: new ConflictError(currentValue, current?.version ?? 0),
    });
  }
}

export class ConflictError extends Error {
  constructor(
    readonly current: unknown,
    readonly version: number,
  ) {
    super('conflict');
  }
}

/** Periods as 'YYYY-MM' for a budget month of a year. */
export const budgetPeriod = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
