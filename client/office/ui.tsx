// Small parts every office page uses: page heading, notices, a modal dialog, the loading and
// error states of a query, verification badges and export links.

import { type ReactNode, useEffect, useRef } from 'react';
import { describeError } from '../forms/errors';
import { type ExportTable, exportUrl } from '../forms/upload';
import type { OfficeKey } from './messages';
import { useT } from './useT';

export function PageHeader({
  title,
  lead,
  children,
}: {
  title: string;
  lead?: ReactNode;
  children?: ReactNode;
}) {
  const { t } = useT();
  useEffect(() => {
    document.title = `${title} · ${t('shell.brand')}`;
  }, [title, t]);
  return (
    <div className="page-header">
      <div>
        <h1 className="page-title">{title}</h1>
        {lead ? <p className="page-lead">{lead}</p> : null}
      </div>
      {children ? <div className="page-actions">{children}</div> : null}
    </div>
  );
}

export type Tone = 'info' | 'success' | 'warning' | 'error';

export function Notice({
  tone,
  title,
  children,
  testId,
  live,
}: {
  tone: Tone;
  title?: ReactNode;
  children?: ReactNode;
  testId?: string;
  /** Announce to screen readers: 'assertive' for errors that block, 'polite' for results. */
  live?: 'polite' | 'assertive';
}) {
  const role = live === 'assertive' ? 'alert' : live === 'polite' ? 'status' : undefined;
  return (
    <div className={`notice notice--${tone}`} role={role} data-testid={testId}>
      {title ? <div className="notice-title">{title}</div> : null}
      {children ? <div className="notice-body">{children}</div> : null}
    </div>
  );
}

/** The common states of a query: loading text, or the server's message with a retry button. */
export function QueryStatus({
  isPending,
  error,
  onRetry,
}: {
  isPending: boolean;
  error: unknown;
  onRetry?: () => void;
}) {
  const { t } = useT();
  if (error) {
    const info = describeError(error, t('error.network'));
    return (
      <Notice tone="error" live="assertive" title={t('error.load')}>
        <p>{info.message}</p>
        {onRetry ? (
          <button type="button" className="btn" onClick={onRetry}>
            {t('action.retry')}
          </button>
        ) : null}
      </Notice>
    );
  }
  if (isPending) {
    return (
      <p className="loading" role="status">
        {t('state.loading')}
      </p>
    );
  }
  return null;
}

/** A modal dialog (native <dialog>): focus moves in, Escape closes, focus returns on close. */
export function Dialog({
  open,
  onClose,
  title,
  children,
  testId,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  const titleId = `${testId ?? 'dialog'}-title`;
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <>
          <h2 className="dialog-title" id={titleId}>
            {title}
          </h2>
          {children}
        </>
      ) : null}
    </dialog>
  );
}

const VERIFICATION_KEY: Record<string, OfficeKey> = {
  submitted: 'verification.submitted',
  verified: 'verification.verified',
  returned: 'verification.returned',
};

/** terverifikasi / menunggu / dikembalikan (+ the verifier's note); "belum diisi" without a figure. */
export function VerificationBadge({
  state,
  note,
}: {
  state: string | null | undefined;
  note?: string | null;
}) {
  const { t } = useT();
  const key = state ? VERIFICATION_KEY[state] : undefined;
  const tone = state === 'verified' ? 'ok' : state === 'returned' ? 'bad' : state ? 'wait' : 'none';
  return (
    <span className="verification">
      <span className={`pill pill--${tone}`}>{key ? t(key) : state ? state : t('verification.none')}</span>
      {state === 'returned' && note ? <span className="verification-note">{note}</span> : null}
    </span>
  );
}

export function ExportLinks({
  table,
  params,
  disabled,
}: {
  table: ExportTable;
  params: Record<string, string | number | null | undefined>;
  disabled?: boolean;
}) {
  const { t } = useT();
  if (disabled) return null;
  return (
    <div className="export-links">
      <span className="export-label">{t('export.label')}</span>
      <a
        className="btn btn--small"
        href={exportUrl(table, 'xlsx', params)}
        download
        data-testid="export-xlsx"
      >
        {t('export.xlsx')}
      </a>
      <a className="btn btn--small" href={exportUrl(table, 'csv', params)} download data-testid="export-csv">
        {t('export.csv')}
      </a>
    </div>
  );
}
