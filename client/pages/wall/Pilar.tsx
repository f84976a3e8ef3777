// One masterplan pillar on the wall (/wall/pilar/<CODE>): every programme against its plan with its
// status word, the pillar's cumulative plan-vs-progress curve, the serapan of the sub kegiatan
// behind its programmes, and the programmes behind plan by name and OPD.
// One query (masterplan.pillar); an unknown pillar code gets a message instead of tiles.

import { useMemo } from 'react';
import { formatNumber, formatPct, formatPoin, formatRupiahShort, monthShort } from '../../../shared/format';
import { type Locale, t } from '../../../shared/i18n';
import { wibDate } from '../../../shared/time';
import { barListOption } from '../../charts/barListOption';
import { LazyEChart as EChart } from '../../charts/LazyEChart';
import { PROGRAMME_STATUS } from '../../charts/palette';
import { pillarCurveOption } from '../../charts/pillarCurveOption';
import { StatusValue } from '../../components/Status';
import { Tile } from '../../components/Tile';
import { useLocale } from '../../hooks/useLocale';
import { useNow } from '../../hooks/useNow';
import { isNotFound, usePillar } from '../../hooks/usePillar';
import type { OverviewInput, RouterOutputs } from '../../trpc';
import { BEHIND_ROWS, PROGRAMME_ROWS } from './pilarRows';
import { WallScreen } from './screen/WallScreen';

type Data = RouterOutputs['masterplan']['pillar'];
type Programme = Data['programmes'][number];

const statusWord = (p: Programme, locale: Locale) => t(`wall.pilar.status.${p.status}`, locale);

function ProgressTile({ data, now, locale }: { data: Data; now: number; locale: Locale }) {
  const { pillar, programmes } = data;
  const rows = programmes.slice(0, PROGRAMME_ROWS);
  const hidden = programmes.length - rows.length;
  // Keyed on the query's own array (stable until the data changes), not on the slice made above,
  // so the clock's re-renders never hand the chart a new option.
  const option = useMemo(
    () =>
      barListOption(
        programmes.slice(0, PROGRAMME_ROWS).map((p) => ({
          key: p.code,
          label: p.name,
          value: p.physicalPct,
          target: p.plannedPct,
          colour: p.colour,
          valueText: `${formatPct(p.physicalPct, 1, locale)}  ${formatPoin(p.deviationPoin, 1, locale)}`,
          tag: { text: statusWord(p, locale), colour: PROGRAMME_STATUS[p.status] },
        })),
        {
          max: 100,
          labelWidth: 540,
          tagWidth: 146,
          valueRoom: 210,
          valueName: t('wall.pilar.progress', locale),
          targetName: t('wall.pilar.plan', locale),
        },
      ),
    [programmes, locale],
  );
  return (
    <Tile
      name="pilar-programmes"
      className="tile--p-programmes"
      title={t('wall.pilar.programmes', locale)}
      aside={
        <span className="tile-tag legend-note">
          <span className="swatch swatch--solid" /> {t('wall.pilar.progress', locale)}{' '}
          <span className="swatch swatch--dashed" /> {t('wall.pilar.plan', locale)}
        </span>
      }
      freshness={data.freshness.pillars}
      now={now}
      locale={locale}
    >
      <div className="p-summary">
        <span className="figure figure--md" data-testid={`value-pilar-${pillar.code}-progress`}>
          {formatPct(pillar.weightedProgressPct, 1, locale)}
        </span>
        <span className="muted" data-testid={`value-pilar-${pillar.code}-plan`}>
          {t('pillar.plan', locale, { value: formatPct(pillar.weightedPlanPct, 1, locale) })}
        </span>
        <StatusValue
          colour={pillar.colour}
          locale={locale}
          className="status--md"
          testId={`value-pilar-${pillar.code}-deviasi`}
        >
          {formatPoin(pillar.deviationPoin, 1, locale)}
        </StatusValue>
        <span className="muted p-summary-running" data-testid={`value-pilar-${pillar.code}-running`}>
          {t('pillar.running', locale, {
            n: formatNumber(pillar.byStatus.berjalan + pillar.byStatus.selesai, 0, locale),
            total: formatNumber(pillar.programmes, 0, locale),
          })}
        </span>
      </div>
      <EChart
        option={option}
        testId="chart-pilar-programmes"
        className="chart-fill"
        label={t('wall.pilar.programmes', locale)}
      />
      {/* What the chart draws, for screen readers (and the browser tests): name, status, figures. */}
      <ul className="sr-only">
        {rows.map((p) => (
          <li key={p.code} data-testid={`programme-${p.code}`} data-status={p.status} data-colour={p.colour}>
            {p.name}: <span data-testid={`programme-${p.code}-status`}>{statusWord(p, locale)}</span>,{' '}
            {formatPct(p.physicalPct, 1, locale)}, {formatPoin(p.deviationPoin, 1, locale)}
          </li>
        ))}
      </ul>
      {hidden > 0 ? (
        <span className="more-note" data-testid="programmes-more">
          {t('alerts.more', locale, { n: formatNumber(hidden, 0, locale) })}
        </span>
      ) : null}
    </Tile>
  );
}

function CurveTile({ data, now, locale }: { data: Data; now: number; locale: Locale }) {
  const { curve } = data;
  const option = useMemo(
    () => pillarCurveOption(curve.points, locale, curve.asOfMonth),
    [curve.points, curve.asOfMonth, locale],
  );
  return (
    <Tile
      name="pilar-curve"
      className="tile--p-curve"
      title={t('wall.pilar.curve', locale)}
      aside={<span className="tile-tag">{t('wall.pilar.curveNote', locale)}</span>}
      freshness={data.freshness.pillars}
      now={now}
      locale={locale}
    >
      <EChart
        option={option}
        testId="chart-pilar-curve"
        className="chart-fill"
        label={t('wall.pilar.curve', locale)}
      />
      <table className="sr-only">
        <tbody>
          {curve.points.map((p) => (
            <tr key={p.month}>
              <th scope="row">{monthShort(p.month, locale)}</th>
              <td data-testid={`curve-${p.month}-plan`}>{formatPct(p.planPct, 1, locale)}</td>
              <td data-testid={`curve-${p.month}-actual`}>{formatPct(p.actualPct, 1, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Tile>
  );
}

function BudgetTile({ data, now, locale }: { data: Data; now: number; locale: Locale }) {
  const { budget } = data;
  const k = budget.total;
  const stage = t(`budget.stage.${budget.stage}`, locale);
  const upTo =
    budget.asOfMonth === null
      ? null
      : t('budget.upTo', locale, { month: monthShort(budget.asOfMonth, locale) });
  return (
    <Tile
      name="pilar-budget"
      className="tile--p-budget"
      title={t('wall.pilar.budget', locale)}
      aside={
        <span className="tile-tag" data-testid="value-pilar-budget-stage">
          {upTo ? `${stage} · ${upTo}` : stage}
        </span>
      }
      freshness={data.freshness.budget}
      now={now}
      locale={locale}
    >
      {budget.subKegiatan === 0 ? (
        <div className="empty-note" data-testid="pilar-budget-none">
          {t('wall.pilar.budgetNone', locale)}
        </div>
      ) : (
        <>
          <dl className="p-budget">
            <div>
              <dt>{t('budget.pagu', locale)}</dt>
              <dd data-testid="value-pilar-budget-pagu">{formatRupiahShort(k.paguRp, locale)}</dd>
            </div>
            <div>
              <dt>{t('budget.serapan', locale)}</dt>
              <dd data-testid="value-pilar-budget-serapan">{formatPct(k.serapanPct, 2, locale)}</dd>
            </div>
            <div>
              <dt>{t('budget.target', locale)}</dt>
              <dd data-testid="value-pilar-budget-target">{formatPct(k.targetKeuPct, 2, locale)}</dd>
            </div>
            <div>
              <dt>{t('budget.deviasi', locale)}</dt>
              <dd>
                <StatusValue colour={k.colour} locale={locale} testId="value-pilar-budget-deviasi">
                  {formatPoin(k.deviasiKeuPoin, 2, locale)}
                </StatusValue>
              </dd>
            </div>
          </dl>
          <div className="p-budget-note">
            <span>
              {t('budget.fisikLabel', locale)}{' '}
              <strong data-testid="value-pilar-budget-fisik">{formatPct(k.fisikPct, 1, locale)}</strong>{' '}
              <span className="muted">
                ({t('budget.target', locale).toLowerCase()} {formatPct(k.targetFisPct, 1, locale)},{' '}
                {formatPoin(k.deviasiFisPoin, 1, locale)})
              </span>
            </span>
            <span className="muted" data-testid="value-pilar-budget-scope">
              {t('wall.pilar.budgetScope', locale, {
                subs: formatNumber(budget.subKegiatan, 0, locale),
                programmes: formatNumber(budget.programmesWithBudget, 0, locale),
              })}
            </span>
          </div>
        </>
      )}
    </Tile>
  );
}

function BehindTile({ data, now, locale }: { data: Data; now: number; locale: Locale }) {
  const { pillar } = data;
  const rows = pillar.behindPlan.slice(0, BEHIND_ROWS);
  const hidden = pillar.behindPlan.length - rows.length;
  return (
    <Tile
      name="pilar-behind"
      className="tile--p-behind"
      title={t('wall.pilar.behind', locale)}
      aside={
        <span className="tile-tag">
          {t('pillar.behind', locale, { n: formatNumber(pillar.behindPlanCount, 0, locale) })}
        </span>
      }
      freshness={data.freshness.pillars}
      now={now}
      locale={locale}
    >
      {rows.length === 0 ? (
        <div className="empty-note">{t('wall.pilar.behindNone', locale)}</div>
      ) : (
        <ol className="p-behind">
          {rows.map((p) => (
            <li key={p.code} data-testid={`behind-${p.code}`} data-colour={p.colour}>
              <span className="p-behind-name" title={p.name}>
                {p.name}
              </span>
              <span className="muted p-behind-opd" data-testid={`behind-${p.code}-opd`}>
                {p.opdName}
              </span>
              <StatusValue colour={p.colour} locale={locale} testId={`behind-${p.code}-deviasi`}>
                {formatPoin(p.deviationPoin, 1, locale)}
              </StatusValue>
            </li>
          ))}
        </ol>
      )}
      {hidden > 0 ? (
        <span className="more-note" data-testid="behind-more">
          {t('alerts.more', locale, { n: formatNumber(hidden, 0, locale) })}
        </span>
      ) : null}
    </Tile>
  );
}

function Body({ data }: { data: Data }) {
  const { locale } = useLocale();
  const now = useNow();
  return (
    <>
      <ProgressTile data={data} now={now} locale={locale} />
      <CurveTile data={data} now={now} locale={locale} />
      <BudgetTile data={data} now={now} locale={locale} />
      <BehindTile data={data} now={now} locale={locale} />
    </>
  );
}

function Unknown({ code, opdCode }: { code: string; opdCode?: string }) {
  const { locale } = useLocale();
  return (
    <div className="wall-message" role="alert" data-testid="pilar-unknown">
      <div className="wall-message-title">
        {opdCode
          ? t('wall.pilar.noneForOpd', locale, { code, opd: opdCode })
          : t('wall.pilar.unknown', locale, { code })}
      </div>
    </div>
  );
}

/** What the screen shows: the pillar, or the answer that there is no such pillar. */
type View = { kind: 'pillar'; data: Data } | { kind: 'unknown'; year: number };

export default function PilarPage({
  input,
  code,
  opdCode,
}: {
  input?: OverviewInput;
  code: string;
  /** Narrowed to the programmes one OPD coordinates. */
  opdCode?: string;
}) {
  const query = usePillar(code, input, opdCode);
  const now = useNow();
  const { data } = query;
  // While switching pillars the previous one's data is kept as a placeholder: never show it under
  // this pillar's title.
  const current =
    data !== undefined && data.pillar.code === code && (data.opdCode ?? undefined) === opdCode
      ? data
      : undefined;
  const opdName = current?.programmes[0]?.opdName;
  // An unknown code is a settled answer, not a lost connection: no "terputus" badge, no retries.
  const unknown = current === undefined && isNotFound(query.error);
  const view: View | undefined = unknown
    ? { kind: 'unknown', year: input?.year ?? Number(wibDate(now).slice(0, 4)) }
    : current
      ? { kind: 'pillar', data: current }
      : undefined;
  const shown = unknown
    ? { data: view, failureCount: 0, isError: false }
    : { data: view, failureCount: query.failureCount, isError: query.isError };
  return (
    <WallScreen
      name="pilar"
      title={
        opdCode && opdName ? `${current?.pillar.name ?? code} · ${opdName}` : (current?.pillar.name ?? code)
      }
      query={shown}
      meta={(v) =>
        v.kind === 'pillar'
          ? { year: v.data.year, asOf: v.data.asOf, demo: v.data.freshness.pillars.demo }
          : { year: v.year, demo: false }
      }
      skeleton={['tile--p-programmes', 'tile--p-curve', 'tile--p-budget', 'tile--p-behind']}
    >
      {(v) => (v.kind === 'pillar' ? <Body data={v.data} /> : <Unknown code={code} opdCode={opdCode} />)}
    </WallScreen>
  );
}
