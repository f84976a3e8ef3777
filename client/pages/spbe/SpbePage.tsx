// /spbe: Dinkominfo's SPBE self-assessment for a year. The 47 indicators of the framework in force,
// grouped by domain and aspect, each with its maturity level (0–5) and evidence, saved per row.
// Above the table, the index as the page can estimate it from the levels shown (saved or not);
// the official figure is the server's. Verifiers and executives see the same table, read-only.

import './spbe.css';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { formatIndex } from '../../../shared/format';
import { wibYear } from '../../forms/wib';
import type { OfficeKey } from '../../office/messages';
import { useSession } from '../../office/session';
import { ExportLinks, Notice, PageHeader, QueryStatus } from '../../office/ui';
import { intParam, useSearch } from '../../office/useSearch';
import { type TFn, useT } from '../../office/useT';
import { useTRPC } from '../../trpc';
import { estimateSpbeIndex } from './estimate';
import { levelOfDraft, type SpbeDraft, SpbeRow, type SpbeRowData } from './SpbeRow';

const FIRST_YEAR = 2018;

function yearChoices(nowMs: number, selected: number): number[] {
  const y = wibYear(nowMs);
  const years = new Set([y - 4, y - 3, y - 2, y - 1, y, selected].filter((v) => v >= FIRST_YEAR));
  return [...years].sort((a, b) => b - a);
}

const DOMAIN_NAMES: Record<number, OfficeKey> = {
  1: 'spbe.domain.1',
  2: 'spbe.domain.2',
  3: 'spbe.domain.3',
  4: 'spbe.domain.4',
};

function domainTitle(no: number, t: TFn): string {
  const key = DOMAIN_NAMES[no];
  return key ? t('spbe.domain', { no, name: t(key) }) : t('spbe.domainNoName', { no });
}

export default function SpbePage() {
  const { t } = useT();
  const trpc = useTRPC();
  const { user } = useSession();
  const [search, setSearch] = useSearch();
  const [now] = useState(Date.now);
  const year = intParam(search.get('year'), FIRST_YEAR, 2100) ?? wibYear(now);
  const q = useQuery(trpc.entry.spbe.queryOptions({ year }));
  const editable = user.role === 'admin';

  return (
    <>
      <PageHeader title={t('spbe.title')} lead={t('spbe.lead', { year })}>
        <ExportLinks table="spbe" params={{ year }} />
      </PageHeader>
      <form className="toolbar" onSubmit={(e) => e.preventDefault()} aria-label={t('form.filters')}>
        <div className="field">
          <label className="field-label" htmlFor="spbe-year">
            {t('field.year')}
          </label>
          <select
            id="spbe-year"
            value={year}
            onChange={(e) => setSearch({ year: e.target.value })}
            data-testid="select-year"
          >
            {yearChoices(now, year).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
      </form>

      <QueryStatus isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} />
      {!editable && q.data ? <Notice tone="info">{t('entry.readOnly')}</Notice> : null}
      {q.data ? (
        q.data.rows.length === 0 ? (
          <Notice tone="info">{t('spbe.empty')}</Notice>
        ) : (
          // Keyed by year: unsaved levels of one year never leak into another.
          <SpbeTable key={q.data.year} year={q.data.year} rows={q.data.rows} editable={editable} />
        )
      ) : null}
    </>
  );
}

function SpbeTable({ year, rows, editable }: { year: number; rows: SpbeRowData[]; editable: boolean }) {
  const { t, locale } = useT();
  const [drafts, setDrafts] = useState<Record<number, SpbeDraft>>({});
  const setDraft = (no: number) => (draft: SpbeDraft | undefined) =>
    setDrafts((old) => {
      const next = { ...old };
      if (draft === undefined) delete next[no];
      else next[no] = draft;
      return next;
    });

  const estimate = estimateSpbeIndex(
    rows.map((r) => {
      const d = drafts[r.no];
      return { level: d ? levelOfDraft(d.level) : r.level, weightPct: r.weightPct };
    }),
  );
  const columns = editable ? 7 : 6;

  return (
    <>
      <div className="spbe-estimate" data-testid="spbe-estimate" role="status">
        <div className="spbe-estimate-label">{t('spbe.estimateLabel')}</div>
        <div className="spbe-estimate-value" data-testid="spbe-estimate-value">
          {formatIndex(estimate.index, locale)}
        </div>
        <div className="spbe-estimate-scored" data-testid="spbe-estimate-scored">
          {t('spbe.estimateScored', { n: estimate.scored, total: estimate.total })}
        </div>
        <div className="spbe-estimate-hint">{t('spbe.estimateHint')}</div>
      </div>
      {editable ? <p className="table-hint">{t('spbe.hint')}</p> : null}
      <div className="table-wrap">
        <table className="table table--entry spbe-table" data-testid="spbe-table">
          <caption className="sr-only">{t('spbe.caption', { year })}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('spbe.no')}
              </th>
              <th scope="col">{t('spbe.indicator')}</th>
              <th scope="col" className="num">
                {t('spbe.weight')}
              </th>
              <th scope="col">{t('spbe.level')}</th>
              <th scope="col">{t('spbe.evidence')}</th>
              <th scope="col">{t('field.state')}</th>
              {editable ? (
                <th scope="col">
                  <span className="sr-only">{t('field.actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const prev = i > 0 ? rows[i - 1] : undefined;
              const newDomain = prev?.domainNo !== row.domainNo;
              const newAspect = newDomain || prev?.aspectNo !== row.aspectNo;
              return (
                <Fragment key={row.no}>
                  {newDomain ? (
                    <tr className="spbe-domain" data-testid={`spbe-domain-${row.domainNo}`}>
                      <th scope="colgroup" colSpan={columns}>
                        {domainTitle(row.domainNo, t)}
                      </th>
                    </tr>
                  ) : null}
                  {newAspect ? (
                    <tr className="spbe-aspect" data-testid={`spbe-aspect-${row.aspectNo}`}>
                      <th scope="colgroup" colSpan={columns}>
                        {t('spbe.aspect', { no: row.aspectNo, name: row.aspectName })}
                      </th>
                    </tr>
                  ) : null}
                  <SpbeRow
                    row={row}
                    year={year}
                    editable={editable}
                    draft={drafts[row.no]}
                    onDraft={setDraft(row.no)}
                  />
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
