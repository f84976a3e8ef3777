// One section per agenda pillar (its KPIs, plan-vs-progress curve, programme bars and programme
// table) and per agenda OPD (its serapan with the S-curve, the programmes it coordinates, its
// follow-ups from earlier meetings). Each starts on a new page.

import { type ReactNode, useMemo } from 'react';
import { formatNumber, formatPct, formatPoin, formatRupiahShort } from '../../../shared/format';
import { t } from '../../../shared/i18n';
import { barListOption } from '../../charts/barListOption';
import { PROGRAMME_STATUS } from '../../charts/palette';
import { pillarCurveOption } from '../../charts/pillarCurveOption';
import { sCurveOption } from '../../charts/sCurveOption';
import { PrintChart } from './PrintChart';
import { FollowUpTable, ProgrammeTable, Tone } from './Tables';
import type { OpdData, PillarData } from './types';
import { fill, programmeStatus, W } from './words';

/** Programmes drawn as bars (worst first); the table below lists every one. */
export const BAR_ROWS = 14;
const BAR_ROW_HEIGHT = 36;

function Kpi({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="b-kpi">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

export function PillarSection({ code, data }: { code: string; data: PillarData }) {
  const { pillar, programmes, curve, budget } = data;
  const curveOption = useMemo(
    () => pillarCurveOption(curve.points, 'id', curve.asOfMonth),
    [curve.points, curve.asOfMonth],
  );
  const bars = programmes.slice(0, BAR_ROWS);
  const barsOption = useMemo(
    () =>
      barListOption(
        programmes.slice(0, BAR_ROWS).map((p) => ({
          key: p.code,
          label: p.name,
          value: p.physicalPct,
          target: p.plannedPct,
          colour: p.colour,
          valueText: `${formatPct(p.physicalPct, 1)}  ${formatPoin(p.deviationPoin, 1)}`,
          tag: { text: programmeStatus(p.status), colour: PROGRAMME_STATUS[p.status] },
        })),
        {
          max: 100,
          labelWidth: 560,
          tagWidth: 146,
          valueRoom: 240,
          valueName: t('wall.pilar.progress', 'id'),
          targetName: t('wall.pilar.plan', 'id'),
        },
      ),
    [programmes],
  );
  const k = budget.total;
  return (
    <section className="b-section b-section--page" data-testid={`briefing-pillar-${code}`}>
      <h2>
        {fill(W.pillarSection, { name: pillar.name })} <span className="b-code">({code})</span>
      </h2>
      <dl className="b-kpis">
        <Kpi label={t('pillar.progress', 'id')} testId={`pillar-${code}-progress`}>
          {formatPct(pillar.weightedProgressPct, 1)}
        </Kpi>
        <Kpi label={W.plan}>{formatPct(pillar.weightedPlanPct, 1)}</Kpi>
        <Kpi label={W.deviation}>
          <Tone colour={pillar.colour}>{formatPoin(pillar.deviationPoin, 1)}</Tone>
        </Kpi>
        <Kpi label={W.programmes}>
          {t('pillar.running', 'id', {
            n: formatNumber(pillar.byStatus.berjalan + pillar.byStatus.selesai),
            total: formatNumber(pillar.programmes),
          })}
          <div className="b-muted">
            {t('pillar.behind', 'id', { n: formatNumber(pillar.behindPlanCount) })}
          </div>
        </Kpi>
        <Kpi label={W.budgetShort}>
          {budget.subKegiatan === 0 ? (
            <span className="b-muted">{W.noBudget}</span>
          ) : (
            <>
              <Tone colour={k.colour} word={false}>
                {formatPct(k.serapanPct, 2)}
              </Tone>{' '}
              <span className="b-muted">
                {W.target.toLowerCase()} {formatPct(k.targetKeuPct, 2)}
              </span>
              <div className="b-muted">
                {W.pagu} {formatRupiahShort(k.paguRp)} · {formatPoin(k.deviasiKeuPoin, 2)}
              </div>
            </>
          )}
        </Kpi>
      </dl>
      <div className="b-block">
        <h3 className="b-h3">
          {t('wall.pilar.curve', 'id')} <span className="b-muted">· {t('wall.pilar.curveNote', 'id')}</span>
        </h3>
        <PrintChart
          option={curveOption}
          height={260}
          testId={`chart-briefing-curve-${code}`}
          label={t('wall.pilar.curve', 'id')}
        />
      </div>
      <div className="b-block">
        <h3 className="b-h3">
          {t('wall.pilar.programmes', 'id')}{' '}
          <span className="b-muted">
            · <span className="b-swatch b-swatch--solid" /> {W.progress}{' '}
            <span className="b-swatch b-swatch--dashed" /> {W.plan}
          </span>
        </h3>
        <PrintChart
          option={barsOption}
          height={bars.length * BAR_ROW_HEIGHT + 8}
          testId={`chart-briefing-programmes-${code}`}
          label={t('wall.pilar.programmes', 'id')}
        />
        {programmes.length > bars.length ? (
          <p className="b-muted">
            {t('alerts.more', 'id', { n: formatNumber(programmes.length - bars.length) })}
          </p>
        ) : null}
      </div>
      <h3 className="b-h3">{W.programmeTable}</h3>
      <ProgrammeTable programmes={programmes} testId={`briefing-programmes-${code}`} />
    </section>
  );
}

export function OpdSection({
  code,
  data,
  year,
  asOfMonth,
}: {
  code: string;
  data: OpdData;
  year: number;
  asOfMonth: number | null;
}) {
  const b = data.budget;
  const curve = useMemo(() => (b ? sCurveOption(b.sCurve, 'id', asOfMonth) : null), [b, asOfMonth]);
  return (
    <section className="b-section b-section--page" data-testid={`briefing-opd-${code}`}>
      <h2>
        {fill(W.opdSection, { name: data.opdName })} <span className="b-code">({code})</span>
      </h2>
      {b && curve ? (
        <>
          <dl className="b-kpis">
            <Kpi label={W.pagu}>{formatRupiahShort(b.paguRp)}</Kpi>
            <Kpi label={W.realisasi}>{formatRupiahShort(b.realKeuRp)}</Kpi>
            <Kpi label={W.serapan}>
              {formatPct(b.serapanPct, 2)}
              <div className="b-muted">
                {W.target.toLowerCase()} {formatPct(b.targetKeuPct, 2)}
              </div>
            </Kpi>
            <Kpi label={W.deviation}>
              <Tone colour={b.colour}>{formatPoin(b.deviasiKeuPoin, 2)}</Tone>
            </Kpi>
            <Kpi label={W.fisik}>
              {formatPct(b.fisikPct, 1)}
              <div className="b-muted">
                {W.target.toLowerCase()} {formatPct(b.targetFisPct, 1)}
              </div>
            </Kpi>
          </dl>
          <div className="b-block">
            <h3 className="b-h3">
              {W.sCurve} <span className="b-muted">· {t(`budget.stage.${b.stage}`, 'id')}</span>
            </h3>
            <PrintChart option={curve} height={340} testId={`chart-briefing-opd-${code}`} label={W.sCurve} />
          </div>
        </>
      ) : (
        <p className="b-note">{fill(W.opdBudgetNone, { year })}</p>
      )}
      <h3 className="b-h3">{W.opdProgrammes}</h3>
      {data.programmes.length > 0 ? (
        <ProgrammeTable programmes={data.programmes} testId={`briefing-opd-programmes-${code}`} />
      ) : (
        <p className="b-note">{W.opdProgrammesNone}</p>
      )}
      {data.followUps.items.length > 0 ? (
        <>
          <h3 className="b-h3">{W.opdFollowUps}</h3>
          <FollowUpTable items={data.followUps.items} testId={`briefing-opd-followups-${code}`} showMeeting />
        </>
      ) : null}
    </section>
  );
}
