// /opd: what the OPD owes this period (budget realisation and masterplan progress, with the
// deadline in WIB, how many figures are in, and whether the period is locked), the last three
// periods, every figure the verifier sent back with its note and a link to fix it, and the
// meeting follow-ups (tindak lanjut) still open, late ones counted.

import { skipToken, useQuery } from '@tanstack/react-query';
import { formatDateTimeWib, formatNumber, formatPeriod } from '../../../shared/format';
import { parseMonth } from '../../../shared/time';
import { Link, pathWith } from '../../navigation';
import type { OfficeKey } from '../../office/messages';
import { OpdPicker, useOpdChoice } from '../../office/OpdPicker';
import { Notice, PageHeader, QueryStatus } from '../../office/ui';
import { useT } from '../../office/useT';
import { type RouterOutputs, useTRPC } from '../../trpc';

type Home = RouterOutputs['entry']['home'];
type StatusRow = Home['status'][number];

const STATE_KEY: Record<StatusRow['state'], OfficeKey> = {
  lengkap: 'home.state.lengkap',
  belum: 'home.state.belum',
  terlambat: 'home.state.terlambat',
  tidak_wajib: 'home.state.tidak_wajib',
};
const STATE_TONE: Record<StatusRow['state'], string> = {
  lengkap: 'ok',
  belum: 'wait',
  terlambat: 'bad',
  tidak_wajib: 'none',
};
const FAMILY_KEY: Record<string, OfficeKey> = { budget: 'family.budget', masterplan: 'family.masterplan' };

/** The entry form of a family and period, keeping the admin's OPD choice. */
export function formPath(family: string, period: string, opd: string | null, code?: string): string {
  if (family === 'budget') {
    const { year, month } = parseMonth(period);
    return pathWith('/opd/realisasi', { year, month, opd, kode: code });
  }
  return pathWith('/opd/progres', { period, opd, kode: code });
}

/** The OPD's open meeting follow-ups: how many are late, how many in progress, and the way to report. */
function FollowUpsBlock({ input, opd }: { input: { opdCode?: string }; opd: string | null }) {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const q = useQuery(trpc.followUp.ofOpd.queryOptions(input));
  const c = q.data?.counts;
  return (
    <section className="section" aria-labelledby="followups-h" data-testid="home-followups">
      <h2 id="followups-h" className="section-heading">
        {t('home.tlTitle')}
      </h2>
      <QueryStatus isPending={q.isPending} error={q.error} onRetry={() => void q.refetch()} />
      {c ? (
        <div className="card-grid">
          <div className="card due-card">
            {c.terlambat > 0 ? (
              <div className="due-state">
                <span className="pill pill--bad">{t('tl.state.terlambat')}</span>
              </div>
            ) : null}
            <p data-testid="home-followups-counts">
              {c.terlambat + c.dalam_proses === 0
                ? t('home.tlNone')
                : t('home.tlCounts', {
                    late: formatNumber(c.terlambat, 0, locale),
                    open: formatNumber(c.dalam_proses, 0, locale),
                  })}
            </p>
            <Link
              className="btn btn--primary"
              to={pathWith('/opd/tindak-lanjut', { opd })}
              data-testid="home-followups-link"
            >
              {t('home.tlLink')}
            </Link>
          </div>
        </div>
      ) : null}
    </section>
  );
}

function StateWord({ state }: { state: StatusRow['state'] }) {
  const { t } = useT();
  return <span className={`pill pill--${STATE_TONE[state]}`}>{t(STATE_KEY[state])}</span>;
}

function DueCard({ row, opd }: { row: StatusRow; opd: string | null }) {
  const { t, locale } = useT();
  return (
    <section
      className="card due-card"
      data-testid={`due-${row.family}`}
      aria-labelledby={`due-${row.family}-h`}
    >
      <h3 id={`due-${row.family}-h`} className="card-title">
        {t(FAMILY_KEY[row.family] ?? 'family.budget')}
      </h3>
      <div className="due-state">
        <StateWord state={row.state} />
        {row.locked ? <span className="pill pill--locked">{t('home.locked')}</span> : null}
      </div>
      <dl className="kv-list">
        <div>
          <dt>{t('home.reported')}</dt>
          <dd data-testid={`due-${row.family}-count`}>
            {t('home.countOf', {
              n: formatNumber(row.reported, 0, locale),
              total: formatNumber(row.expected, 0, locale),
            })}
          </dd>
        </div>
        <div>
          <dt>{t('home.deadline')}</dt>
          <dd>{formatDateTimeWib(Date.parse(row.deadline), locale)}</dd>
        </div>
      </dl>
      <Link className="btn btn--primary" to={formPath(row.family, row.period, opd)}>
        {row.family === 'budget' ? t('home.fillBudget') : t('home.fillProgress')}
      </Link>
    </section>
  );
}

export default function OpdHomePage() {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const choice = useOpdChoice();
  const opdParam = choice.fixed ? null : choice.code;
  const home = useQuery(trpc.entry.home.queryOptions(choice.code ? choice.input : skipToken));
  const opds = useQuery({ ...trpc.reference.opds.queryOptions(), staleTime: 10 * 60_000 });
  const data = home.data;
  const opdName = opds.data?.find((o) => o.code === data?.opd.code)?.name ?? data?.opd.code ?? '';
  const current = data?.status.filter((s) => s.period === data.currentPeriod) ?? [];

  return (
    <>
      <PageHeader
        title={t('home.title')}
        lead={
          data
            ? t('home.lead', { opd: opdName, period: formatPeriod(data.currentPeriod, locale) })
            : undefined
        }
      />
      {!choice.fixed ? (
        <div className="toolbar">
          <OpdPicker choice={choice} />
        </div>
      ) : null}
      {!choice.code ? <Notice tone="info">{t('opd.pickFirst')}</Notice> : null}
      <QueryStatus
        isPending={home.isPending && !!choice.code}
        error={home.error}
        onRetry={() => void home.refetch()}
      />
      {data ? (
        <>
          <section className="section" aria-labelledby="due-h">
            <h2 id="due-h" className="section-heading">
              {t('home.dueTitle', { period: formatPeriod(data.currentPeriod, locale) })}
            </h2>
            <div className="card-grid">
              {current.map((row) => (
                <DueCard key={row.family} row={row} opd={opdParam} />
              ))}
            </div>
          </section>

          <FollowUpsBlock input={choice.input} opd={opdParam} />

          <section className="section" aria-labelledby="history-h">
            <h2 id="history-h" className="section-heading">
              {t('home.historyTitle')}
            </h2>
            <table className="table" data-testid="home-periods">
              <thead>
                <tr>
                  <th scope="col">{t('field.period')}</th>
                  <th scope="col">{t('field.family')}</th>
                  <th scope="col" className="num">
                    {t('home.reported')}
                  </th>
                  <th scope="col">{t('home.deadline')}</th>
                  <th scope="col">{t('field.state')}</th>
                  <th scope="col">{t('home.lockCol')}</th>
                </tr>
              </thead>
              <tbody>
                {data.status.map((row) => (
                  <tr
                    key={`${row.family}-${row.period}`}
                    data-testid={`home-status-${row.family}-${row.period}`}
                  >
                    <td>
                      <Link to={formPath(row.family, row.period, opdParam)}>
                        {formatPeriod(row.period, locale)}
                      </Link>
                    </td>
                    <td>{t(FAMILY_KEY[row.family] ?? 'family.budget')}</td>
                    <td className="num">
                      {t('home.countOf', {
                        n: formatNumber(row.reported, 0, locale),
                        total: formatNumber(row.expected, 0, locale),
                      })}
                    </td>
                    <td>{formatDateTimeWib(Date.parse(row.deadline), locale)}</td>
                    <td>
                      <StateWord state={row.state} />
                    </td>
                    <td>{row.locked ? t('home.locked') : t('home.open')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <section className="section" aria-labelledby="returned-h">
            <h2 id="returned-h" className="section-heading">
              {t('home.returnedTitle')}
            </h2>
            {data.returned.length === 0 ? (
              <p className="muted" data-testid="returned-none">
                {t('home.returnedNone')}
              </p>
            ) : (
              <table className="table" data-testid="returned-list">
                <thead>
                  <tr>
                    <th scope="col">{t('field.family')}</th>
                    <th scope="col">{t('field.code')}</th>
                    <th scope="col">{t('field.name')}</th>
                    <th scope="col">{t('field.period')}</th>
                    <th scope="col">{t('home.note')}</th>
                    <th scope="col">{t('home.returnedAt')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('field.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.returned.map((r) => (
                    <tr key={`${r.family}-${r.id}`} data-testid="returned-item">
                      <td>{t(FAMILY_KEY[r.family] ?? 'family.budget')}</td>
                      <td className="code">{r.code}</td>
                      <td>{r.name}</td>
                      <td>{formatPeriod(r.period, locale)}</td>
                      <td className="note-text">{r.note ?? '—'}</td>
                      <td>{r.at ? formatDateTimeWib(Date.parse(r.at), locale) : '—'}</td>
                      <td>
                        <Link className="btn btn--small" to={formPath(r.family, r.period, opdParam, r.code)}>
                          {t('home.fix')}
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      ) : null}
    </>
  );
}
