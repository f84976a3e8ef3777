// /opd/realisasi: the monthly budget realisation of an OPD's sub kegiatan. Pick the year and
// month (default: last month), type SP2D, SPJ and fisik per row and save that row. A locked
// period shows why and disables the inputs; an admin may still correct it with a reason.

import { skipToken, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { formatPeriod, monthName } from '../../../shared/format';
import { previousMonth, wibYear } from '../../forms/wib';
import { TextField } from '../../office/fields';
import { OpdPicker, useOpdChoice } from '../../office/OpdPicker';
import { canWrite, useSession } from '../../office/session';
import { ExportLinks, Notice, PageHeader, QueryStatus } from '../../office/ui';
import { intParam, useSearch } from '../../office/useSearch';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';
import { RealisasiRow } from './RealisasiRow';

export function yearOptions(nowMs: number, selected: number): number[] {
  const y = wibYear(nowMs);
  const years = new Set([y - 4, y - 3, y - 2, y - 1, y, y + 1, selected]);
  return [...years].sort((a, b) => b - a);
}

export default function RealisasiPage() {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const { user } = useSession();
  const choice = useOpdChoice();
  const [search, setSearch] = useSearch();
  const [now] = useState(Date.now);
  const fallback = previousMonth(now);
  const year = intParam(search.get('year'), 2000, 2100) ?? fallback.year;
  const month = intParam(search.get('month'), 1, 12) ?? fallback.month;
  const highlight = search.get('kode');
  const queryInput = { ...choice.input, year, month };
  const q = useQuery(trpc.entry.subKegiatan.queryOptions(choice.code ? queryInput : skipToken));
  const [reason, setReason] = useState('');
  const reasonRef = useRef<HTMLInputElement>(null);

  const locked = q.data?.locked ?? null;
  const writer = canWrite(user.role);
  const adminOverride = user.role === 'admin' && locked !== null;
  const editable = writer && (locked === null || adminOverride);
  const rows = q.data?.rows ?? [];

  return (
    <>
      <PageHeader
        title={t('realisasi.title')}
        lead={
          q.data
            ? t('realisasi.lead', { period: formatPeriod(q.data.period, locale) })
            : t('realisasi.leadEmpty')
        }
      >
        <ExportLinks table="realisasi" params={{ year, month, opd: choice.code }} disabled={!choice.code} />
      </PageHeader>
      <form className="toolbar" onSubmit={(e) => e.preventDefault()} aria-label={t('form.filters')}>
        <OpdPicker choice={choice} />
        <div className="field">
          <label className="field-label" htmlFor="realisasi-year">
            {t('field.year')}
          </label>
          <select
            id="realisasi-year"
            value={year}
            onChange={(e) => setSearch({ year: e.target.value, kode: null })}
            data-testid="select-year"
          >
            {yearOptions(now, year).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="realisasi-month">
            {t('field.month')}
          </label>
          <select
            id="realisasi-month"
            value={month}
            onChange={(e) => setSearch({ month: e.target.value, kode: null })}
            data-testid="select-month"
          >
            {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
              <option key={m} value={m}>
                {monthName(m, locale)}
              </option>
            ))}
          </select>
        </div>
        {q.data ? (
          <div className="field">
            <span className="field-label">{t('realisasi.stage')}</span>
            <span className="field-static">
              {q.data.stage === 'perubahan' ? t('realisasi.stagePerubahan') : t('realisasi.stageMurni')}
            </span>
          </div>
        ) : null}
      </form>

      {!choice.code ? <Notice tone="info">{t('opd.pickFirst')}</Notice> : null}
      <QueryStatus
        isPending={q.isPending && !!choice.code}
        error={q.error}
        onRetry={() => void q.refetch()}
      />

      {locked !== null ? (
        <Notice tone="warning" title={t('entry.lockedTitle')}>
          <p data-testid="locked-reason">{locked}</p>
          {adminOverride ? <p>{t('entry.adminOverride')}</p> : null}
        </Notice>
      ) : null}
      {!writer && q.data ? <Notice tone="info">{t('entry.readOnly')}</Notice> : null}
      {adminOverride ? (
        <div className="toolbar">
          <TextField
            id="correction-reason"
            inputRef={reasonRef}
            className="field--wide"
            label={t('entry.reason')}
            hint={t('entry.reasonHint')}
            value={reason}
            onChange={setReason}
            maxLength={500}
            required
            testId="input-reason"
          />
        </div>
      ) : null}

      {q.data ? (
        rows.length === 0 ? (
          <Notice tone="info">{t('realisasi.empty')}</Notice>
        ) : (
          <>
            <p className="table-hint">{t('realisasi.hint')}</p>
            <div className="table-wrap">
              <table className="table table--entry" data-testid="realisasi-table">
                <caption className="sr-only">
                  {t('realisasi.caption', { period: formatPeriod(q.data.period, locale) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('field.code')}</th>
                    <th scope="col">{t('realisasi.subKegiatan')}</th>
                    <th scope="col" className="num">
                      {t('realisasi.pagu')}
                    </th>
                    <th scope="col">{t('realisasi.sp2d')}</th>
                    <th scope="col">{t('realisasi.spj')}</th>
                    <th scope="col">{t('realisasi.fisik')}</th>
                    <th scope="col">{t('field.verification')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('field.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <RealisasiRow
                      key={`${q.data.period}-${row.id}`}
                      row={row}
                      month={month}
                      editable={editable}
                      reason={reason}
                      reasonRequired={adminOverride}
                      onNeedReason={() => reasonRef.current?.focus()}
                      queryInput={queryInput}
                      highlight={highlight !== null && highlight === row.code}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )
      ) : null}
    </>
  );
}
