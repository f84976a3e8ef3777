// /kepatuhan: reporting discipline for one family and period: which OPDs reported on time, late,
// not at all after the deadline, or not yet. Each state has a colour and a word (never colour alone).

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { formatDateTimeWib, formatNumber, formatPeriod } from '../../../shared/format';
import { previousMonth, validPeriod } from '../../forms/wib';
import { SelectField, TextField } from '../../office/fields';
import type { OfficeKey } from '../../office/messages';
import { ExportLinks, PageHeader, QueryStatus } from '../../office/ui';
import { useSearch } from '../../office/useSearch';
import { useT } from '../../office/useT';
import { type RouterOutputs, useTRPC } from '../../trpc';

type State = RouterOutputs['compliance']['byPeriod']['rows'][number]['state'];
export const COMPLIANCE_STATES: readonly State[] = ['tepat_waktu', 'terlambat', 'belum_melapor', 'belum'];
const STATE_KEY: Record<State, OfficeKey> = {
  tepat_waktu: 'kepatuhan.state.tepat_waktu',
  terlambat: 'kepatuhan.state.terlambat',
  belum_melapor: 'kepatuhan.state.belum_melapor',
  belum: 'kepatuhan.state.belum',
};
const STATE_TONE: Record<State, string> = {
  tepat_waktu: 'ok',
  terlambat: 'warn',
  belum_melapor: 'bad',
  belum: 'none',
};

function at(iso: string | null, locale: 'id' | 'en'): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatDateTimeWib(ms, locale);
}

export default function KepatuhanPage() {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const [search, setSearch] = useSearch();
  const [now] = useState(Date.now);
  const family = search.get('jenis') === 'masterplan' ? 'masterplan' : 'budget';
  const period = validPeriod(search.get('period')) ?? previousMonth(now).period;
  const q = useQuery(trpc.compliance.byPeriod.queryOptions({ family, period }));
  const rows = q.data?.rows ?? [];
  const counts = Object.fromEntries(
    COMPLIANCE_STATES.map((s) => [s, rows.filter((r) => r.state === s).length]),
  );

  return (
    <>
      <PageHeader
        title={t('kepatuhan.title')}
        lead={t('kepatuhan.lead', {
          family: t(family === 'budget' ? 'family.budget' : 'family.masterplan'),
          period: formatPeriod(period, locale),
        })}
      >
        <ExportLinks table="kepatuhan" params={{ family, period }} />
      </PageHeader>
      <form className="toolbar" onSubmit={(e) => e.preventDefault()} aria-label={t('form.filters')}>
        <SelectField
          id="kepatuhan-family"
          label={t('field.family')}
          value={family}
          onChange={(v) => setSearch({ jenis: v })}
          options={[
            { value: 'budget', label: t('family.budget') },
            { value: 'masterplan', label: t('family.masterplan') },
          ]}
          testId="kepatuhan-family"
        />
        <TextField
          id="kepatuhan-period"
          type="month"
          label={t('field.period')}
          value={period}
          onChange={(v) => {
            if (validPeriod(v)) setSearch({ period: v });
          }}
          testId="kepatuhan-period"
        />
        {q.data ? (
          <div className="field">
            <span className="field-label">{t('home.deadline')}</span>
            <span className="field-static" data-testid="kepatuhan-deadline">
              {at(q.data.deadline, locale)}
            </span>
          </div>
        ) : null}
      </form>
      <QueryStatus isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} />
      {q.data ? (
        <>
          <ul className="summary" data-testid="kepatuhan-summary" aria-label={t('kepatuhan.summary')}>
            {COMPLIANCE_STATES.map((s) => (
              <li key={s} className={`summary-item tone--${STATE_TONE[s]}`}>
                <span className="summary-count">{formatNumber(counts[s] ?? 0, 0, locale)}</span>
                <span className={`pill pill--${STATE_TONE[s]}`}>{t(STATE_KEY[s])}</span>
              </li>
            ))}
          </ul>
          <div className="table-wrap">
            <table className="table" data-testid="kepatuhan-table">
              <caption className="table-caption">
                {t('kepatuhan.caption', { n: formatNumber(rows.length, 0, locale) })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('field.opd')}</th>
                  <th scope="col">{t('field.state')}</th>
                  <th scope="col">{t('kepatuhan.firstAt')}</th>
                  <th scope="col">{t('kepatuhan.lastAt')}</th>
                  <th scope="col" className="num">
                    {t('home.reported')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.opdId} data-testid={`kepatuhan-row-${r.opdCode}`}>
                    <td>
                      {r.opdName} <span className="code muted">({r.opdCode})</span>
                    </td>
                    <td>
                      <span className={`pill pill--${STATE_TONE[r.state]}`} data-testid="kepatuhan-state">
                        {t(STATE_KEY[r.state])}
                      </span>
                    </td>
                    <td>{at(r.firstAt, locale)}</td>
                    <td>{at(r.lastAt, locale)}</td>
                    <td className="num">
                      {t('home.countOf', {
                        n: formatNumber(r.rows, 0, locale),
                        total: formatNumber(r.expected, 0, locale),
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
