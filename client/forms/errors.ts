// What a failed save means for a form: the message to show, the field errors to put next to each
// input (from the shared zod schema in the browser, or the server's error.data.fieldErrors) and,
// when someone saved first, the current value from error.data.conflict.

export type FieldErrors = Record<string, string[]>;

export interface Conflict {
  current: unknown;
  version: number;
}

export interface ErrorInfo {
  /** tRPC error code ('BAD_REQUEST', 'CONFLICT', …); null when the server was not reached. */
  code: string | null;
  /** The server's message (already Indonesian), or the fallback when there is none. */
  message: string;
  fieldErrors: FieldErrors;
  conflict: Conflict | null;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asFieldErrors(v: unknown): FieldErrors {
  if (!isRecord(v)) return {};
  const out: FieldErrors = {};
  for (const [k, list] of Object.entries(v)) {
    if (Array.isArray(list)) {
      const msgs = list.filter((m): m is string => typeof m === 'string');
      if (msgs.length > 0) out[k] = msgs;
    }
  }
  return out;
}

function asConflict(v: unknown): Conflict | null {
  if (!isRecord(v) || typeof v.version !== 'number') return null;
  return { current: v.current ?? null, version: v.version };
}

/**
 * Reads a TRPCClientError (or anything thrown) without trusting its shape. `networkMessage` is
 * used when no server answer came back (offline, server restarting).
 */
export function describeError(err: unknown, networkMessage: string): ErrorInfo {
  const data = isRecord(err) && isRecord(err.data) ? err.data : null;
  if (!data) return { code: null, message: networkMessage, fieldErrors: {}, conflict: null };
  const message =
    isRecord(err) && typeof err.message === 'string' && err.message ? err.message : networkMessage;
  return {
    code: typeof data.code === 'string' ? data.code : null,
    message,
    fieldErrors: asFieldErrors(data.fieldErrors),
    conflict: asConflict(data.conflict),
  };
}

/** zod issues keyed like the server's formatter: the path joined with dots, '(input)' for the whole. */
export function issuesToFieldErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)';
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

/** The first message for a field, for the line under its input. */
export function fieldError(errors: FieldErrors, field: string): string | undefined {
  return errors[field]?.[0];
}

/** Messages about fields the form does not show (they go into the form's summary instead). */
export function otherFieldMessages(errors: FieldErrors, shown: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([k]) => !shown.includes(k))
    .flatMap(([, msgs]) => msgs);
}

/** The first of `order` that has an error: the field to focus. */
export function firstInvalid<T extends string>(errors: FieldErrors, order: readonly T[]): T | null {
  return order.find((f) => (errors[f]?.length ?? 0) > 0) ?? null;
}
