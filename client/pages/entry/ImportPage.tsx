// /opd/impor: bring in the spreadsheet an OPD already keeps. Download the template (pre-filled with
// the OPD's sub kegiatan or programmes), upload XLSX or CSV with a progress bar, then either the
// summary of what was written or every rejected row and column. All or nothing: one bad row and
// nothing is written.

import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { formatNumber, formatPct } from '../../../shared/format';
import {
  fetchJob,
  IMPORT_KINDS,
  type ImportJob,
  type ImportKind,
  isFinished,
  isImportKind,
  JOB_POLL_MS,
  jobFraction,
  templateUrl,
  uploadImport,
} from '../../forms/upload';
import { wibYear } from '../../forms/wib';
import { focusField, SelectField } from '../../office/fields';
import type { OfficeKey } from '../../office/messages';
import { OpdPicker, useOpdChoice } from '../../office/OpdPicker';
import { Notice, PageHeader } from '../../office/ui';
import { useSearch } from '../../office/useSearch';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';

const KIND_KEY: Record<ImportKind, OfficeKey> = {
  realisasi: 'import.kind.realisasi',
  progres: 'import.kind.progres',
  layanan: 'import.kind.layanan',
  aduan: 'import.kind.aduan',
};
const STATE_KEY: Record<ImportJob['state'], OfficeKey> = {
  parsing: 'import.state.parsing',
  validating: 'import.state.validating',
  writing: 'import.state.writing',
  done: 'import.state.done',
  failed: 'import.state.failed',
};

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; loaded: number; total: number }
  | { kind: 'job'; job: ImportJob }
  | { kind: 'error'; message: string };

export default function ImportPage() {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const choice = useOpdChoice();
  const [search, setSearch] = useSearch();
  const kindParam = search.get('jenis');
  const kind: ImportKind = isImportKind(kindParam) ? kindParam : 'realisasi';
  const [now] = useState(Date.now);
  const [year, setYear] = useState(String(wibYear(now)));
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => () => abort.current?.abort(), []);

  const busy = phase.kind === 'uploading' || (phase.kind === 'job' && !isFinished(phase.job));

  const start = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setFileError(t('import.noFile'));
      focusField('import-file');
      return;
    }
    setFileError(null);
    abort.current?.abort();
    const ac = new AbortController();
    abort.current = ac;
    const networkMessage = t('error.network');
    setPhase({ kind: 'uploading', loaded: 0, total: file.size });
    try {
      const { jobId } = await uploadImport(kind, file, {
        networkMessage,
        signal: ac.signal,
        onProgress: (loaded, total) => setPhase({ kind: 'uploading', loaded, total }),
      });
      let job: ImportJob = { state: 'parsing', done: 0, total: null };
      setPhase({ kind: 'job', job });
      while (!isFinished(job)) {
        await new Promise((r) => setTimeout(r, JOB_POLL_MS));
        if (ac.signal.aborted) return;
        job = await fetchJob(jobId, networkMessage, ac.signal);
        setPhase({ kind: 'job', job });
      }
      if (job.state === 'done') void queryClient.invalidateQueries(trpc.entry.pathFilter());
    } catch (err) {
      if (ac.signal.aborted) return;
      setPhase({ kind: 'error', message: err instanceof Error ? err.message : networkMessage });
    }
  };

  const reset = () => {
    setPhase({ kind: 'idle' });
    setFile(null);
    if (fileRef.current) fileRef.current.value = '';
  };

  const y = wibYear(now);
  return (
    <>
      <PageHeader title={t('import.title')} lead={t('import.lead')} />
      <Notice tone="info" title={t('import.allOrNothingTitle')} testId="import-all-or-nothing">
        {t('import.allOrNothing')}
      </Notice>

      <section className="card" aria-labelledby="import-template-h">
        <h2 className="section-heading" id="import-template-h">
          {t('import.step1')}
        </h2>
        <div className="toolbar">
          <SelectField
            id="import-kind"
            label={t('import.kind')}
            value={kind}
            onChange={(v) => {
              setSearch({ jenis: v });
              reset();
            }}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: t(KIND_KEY[k]) }))}
            testId="import-kind"
            disabled={busy}
          />
          <OpdPicker choice={choice} id="import-opd" />
          <SelectField
            id="import-year"
            label={t('field.year')}
            value={year}
            onChange={setYear}
            options={[y - 1, y, y + 1].map((x) => ({ value: String(x), label: String(x) }))}
            testId="import-year"
          />
          <a
            className="btn"
            href={templateUrl(kind, Number(year), choice.code)}
            download
            data-testid="import-template"
          >
            {t('import.template', { kind: t(KIND_KEY[kind]) })}
          </a>
        </div>
        <p className="field-hint">{t(`import.templateHint.${kind}`)}</p>
      </section>

      <section className="card" aria-labelledby="import-upload-h">
        <h2 className="section-heading" id="import-upload-h">
          {t('import.step2')}
        </h2>
        <form onSubmit={start} noValidate>
          <div className="field">
            <label className="field-label" htmlFor="import-file">
              {t('import.file', { kind: t(KIND_KEY[kind]) })}
            </label>
            <input
              id="import-file"
              ref={fileRef}
              type="file"
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setFileError(null);
                if (!busy) setPhase({ kind: 'idle' });
              }}
              disabled={busy}
              aria-invalid={fileError ? true : undefined}
              aria-describedby={`import-file-hint${fileError ? ' import-file-error' : ''}`}
              data-testid="import-file"
            />
            <div className="field-hint" id="import-file-hint">
              {t('import.fileHint')}
            </div>
            {fileError ? (
              <div className="field-error" id="import-file-error">
                {fileError}
              </div>
            ) : null}
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn--primary" disabled={busy} data-testid="import-submit">
              {busy ? t('import.busy') : t('import.submit')}
            </button>
          </div>
        </form>

        {phase.kind === 'uploading' ? (
          <div className="progress-block" role="status">
            <label htmlFor="import-progress">
              {t('import.uploading', {
                pct: formatPct(phase.total > 0 ? (phase.loaded / phase.total) * 100 : 0, 0, locale),
              })}
            </label>
            <progress
              id="import-progress"
              max={phase.total || 1}
              value={phase.loaded}
              data-testid="import-progress"
            />
          </div>
        ) : null}

        {phase.kind === 'job' && !isFinished(phase.job) ? <JobProgress job={phase.job} /> : null}

        {phase.kind === 'error' ? (
          <Notice tone="error" live="assertive" title={t('import.failedTitle')} testId="import-failed">
            {phase.message}
          </Notice>
        ) : null}

        {phase.kind === 'job' && phase.job.state === 'done' ? (
          <Notice tone="success" live="polite" title={t('import.doneTitle')} testId="import-result">
            {t('import.done', {
              written: formatNumber(phase.job.result?.written ?? 0, 0, locale),
              unchanged: formatNumber(phase.job.result?.unchanged ?? 0, 0, locale),
            })}
          </Notice>
        ) : null}

        {phase.kind === 'job' && phase.job.state === 'failed' ? <JobErrors job={phase.job} /> : null}
      </section>
    </>
  );
}

function JobProgress({ job }: { job: ImportJob }) {
  const { t, locale } = useT();
  const fraction = jobFraction(job);
  return (
    <div className="progress-block" role="status">
      <label htmlFor="import-job-progress">
        {t(STATE_KEY[job.state])}
        {job.total !== null
          ? ` · ${t('import.rows', { done: formatNumber(job.done, 0, locale), total: formatNumber(job.total, 0, locale) })}`
          : ''}
      </label>
      {fraction === null ? (
        <progress id="import-job-progress" data-testid="import-progress" />
      ) : (
        <progress id="import-job-progress" max={1} value={fraction} data-testid="import-progress" />
      )}
    </div>
  );
}

function JobErrors({ job }: { job: ImportJob }) {
  const { t, locale } = useT();
  const errors = job.errors ?? [];
  return (
    <Notice tone="error" title={t('import.failedTitle')} testId="import-failed">
      <p role="alert">{job.error ?? t('import.nothingWritten')}</p>
      {errors.length > 0 ? (
        <>
          <p>{t('import.errorCount', { n: formatNumber(errors.length, 0, locale) })}</p>
          <div className="table-wrap table-wrap--scroll">
            <table className="table" data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {t('import.row')}
                  </th>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.message')}</th>
                </tr>
              </thead>
              <tbody>
                {errors.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: errors are a fixed list; one row may have several
                  <tr key={i} data-testid="import-error">
                    <td className="num">
                      {e.row === 0 ? t('import.wholeFile') : formatNumber(e.row, 0, locale)}
                    </td>
                    <td>{e.column || '—'}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </Notice>
  );
}
