// The briefing's first pages: the cover block (title, kind, date, chair, the date the figures are
// frozen at, the agenda) and the executive summary (pillar KPIs, serapan against target with the
// S-curve, SPBE, services, complaints and IKM, and what needs attention).

import { type ReactNode, useMemo } from 'react';
import {
  formatDate,
  formatIndex,
  formatNumber,
  formatPct,
  formatPeriod,
  formatPoin,
  formatRupiahShort,
  formatTimeWib,
} from '../../../shared/format';
import { t } from '../../../shared/i18n';
import { sCurveOption } from '../../charts/sCurveOption';
import { PrintChart } from './PrintChart';
import { Tone } from './Tables';
import type { AgendaItem, BriefingView, Overview, Snapshot } from './types';
import { fill, KIND_LABEL, longDate, STATE_LABEL, W } from './words';

/** What an agenda item is called in the document. */
export function itemLabel(item: AgendaItem, snapshot: Snapshot): string {
  if (item.kind === 'pillar') {
    const name = item.pillarCode ? snapshot.pillars[item.pillarCode]?.pillar.name : undefined;
    return fill(W.pillarSection, { name: name ?? item.pillarCode ?? '' });
  }
  if (item.kind === 'opd') return fill(W.opdSection, { name: item.opdName ?? item.opdCode ?? '' });
  return W.followUpsItem;
}

export function Cover({ view }: { view: BriefingView }) {
  const { meeting, items, frozen, snapshot } = view;
  return (
    <header className="b-cover" data-testid="briefing-cover">
      <div className="b-band">
        <span>{W.regency}</span>
        <span>{W.docKind}</span>
      </div>
      <h1 data-testid="briefing-title">{meeting.title}</h1>
      <dl className="b-facts">
        <div>
          <dt>{W.kind}</dt>
          <dd>{KIND_LABEL[meeting.kind] ?? meeting.kind}</dd>
        </div>
        <div>
          <dt>{W.date}</dt>
          <dd data-testid="briefing-date">{longDate(meeting.meetingDate)}</dd>
        </div>
        <div>
          <dt>{W.chair}</dt>
          <dd>{meeting.chair}</dd>
        </div>
        <div>
          <dt>{W.state}</dt>
          <dd>{STATE_LABEL[meeting.state] ?? meeting.state}</dd>
        </div>
      </dl>
      <div className={frozen ? 'b-asof' : 'b-asof b-asof--preview'} data-testid="briefing-asof">
        {frozen ? (
          <>
            <strong>{fill(W.figuresAt, { date: formatDate(snapshot.asOf) })}</strong>
            <span className="b-muted">
              {' · '}
              {fill(W.frozenAt, { time: formatTimeWib(Date.parse(snapshot.takenAt)) })}
            </span>
          </>
        ) : (
          <>
            <strong>{W.preview}</strong>
            <span className="b-muted"> · {W.previewNote}</span>
          </>
        )}
        {snapshot.overview.demo ? (
          <div className="b-demo" data-testid="briefing-demo">
            <strong>{W.demo}</strong> · {W.demoNote}
          </div>
        ) : null}
      </div>
      <h2 className="b-h3">{W.agenda}</h2>
      <ol className="b-agenda">
        {items.map((i) => (
          <li key={i.id}>{itemLabel(i, snapshot)}</li>
        ))}
      </ol>
    </header>
  );
}

function Card({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <section className="b-card" data-testid={testId}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}

function PillarsTable({ overview }: { overview: Overview }) {
  return (
    <table className="b-table" data-testid="briefing-summary-pillars">
      <thead>
        <tr>
          <th scope="col">{W.pillar}</th>
          <th scope="col" className="num">
            {W.programmes}
          </th>
          <th scope="col" className="num">
            {W.running}
          </th>
          <th scope="col" className="num">
            {W.progress}
          </th>
          <th scope="col" className="num">
            {W.plan}
          </th>
          <th scope="col" className="num">
            {W.deviation}
          </th>
          <th scope="col" className="num">
            {W.behind}
          </th>
        </tr>
      </thead>
      <tbody>
        {overview.pillars.items.map((p) => (
          <tr key={p.code}>
            <td className="b-strong">{p.name}</td>
            <td className="num">{formatNumber(p.programmes)}</td>
            <td className="num">{formatNumber(p.byStatus.berjalan + p.byStatus.selesai)}</td>
            <td className="num">{formatPct(p.weightedProgressPct, 1)}</td>
            <td className="num">{formatPct(p.weightedPlanPct, 1)}</td>
            <td className="num">
              <Tone colour={p.colour}>{formatPoin(p.deviationPoin, 1)}</Tone>
            </td>
            <td className="num">{formatNumber(p.behindPlanCount)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Summary({ overview }: { overview: Overview }) {
  const { budget, spbe, services, complaints, ikm } = overview;
  const k = budget.total;
  const curve = useMemo(
    () => sCurveOption(budget.sCurve, 'id', budget.asOfMonth),
    [budget.sCurve, budget.asOfMonth],
  );
  const stage = t(`budget.stage.${budget.stage}`, 'id');
  const alerts = overview.alerts.slice(0, 5);
  return (
    <section className="b-section" data-testid="briefing-summary">
      <h2>{W.summary}</h2>
      <div className="b-cards">
        <Card title={`${W.budget} · ${fill(W.budgetOf, { year: overview.year })}`} testId="summary-budget">
          <div className="b-figure" data-testid="summary-serapan">
            {formatPct(k.serapanPct, 2)}
          </div>
          <div>
            {W.target} {formatPct(k.targetKeuPct, 2)} ·{' '}
            <Tone colour={k.colour}>{formatPoin(k.deviasiKeuPoin, 2)}</Tone>
          </div>
          <div className="b-muted">
            {W.realisasi} {formatRupiahShort(k.realKeuRp)} {W.pagu.toLowerCase()}{' '}
            {formatRupiahShort(k.paguRp)} · {stage}
          </div>
          <div className="b-muted">
            {W.fisik} {formatPct(k.fisikPct, 1)} ({W.target.toLowerCase()} {formatPct(k.targetFisPct, 1)})
          </div>
        </Card>
        <Card title={W.spbe} testId="summary-spbe">
          {spbe.latest ? (
            <>
              <div className="b-figure">{formatIndex(spbe.latest.index)}</div>
              <div>{spbe.latest.predikat ?? '—'}</div>
              <div className="b-muted">
                {t(`spbe.kind.${spbe.latest.kind}`, 'id', { year: String(spbe.latest.year) })}
              </div>
            </>
          ) : (
            <div className="b-muted">{t('spbe.none', 'id')}</div>
          )}
        </Card>
        <Card title={W.services} testId="summary-services">
          <div className="b-figure">{formatPct(services.onTimePct, 1)}</div>
          <div>
            {W.onTime} · {formatPeriod(services.period)}
          </div>
          <div className="b-muted">
            {formatNumber(services.submitted)} {W.requests} · {formatNumber(services.backlog)} {W.backlog}
          </div>
        </Card>
        <Card title={`${W.complaints} · ${W.ikm}`} testId="summary-complaints">
          <div className="b-figure">{formatNumber(complaints.total.received)}</div>
          <div>
            {t('complaints.received', 'id').toLowerCase()} ·{' '}
            {t('complaints.firstResponse', 'id', { hours: String(complaints.responseTargetHours) })}{' '}
            {formatPct(complaints.total.firstResponseWithinTargetPct, 1)}
          </div>
          <div className="b-muted">
            {W.ikm} {formatIndex(ikm.value)}
            {ikm.grade ? ` (${ikm.grade}, ${ikm.gradeLabel ?? ''})` : ''}
            {ikm.period ? ` · ${formatPeriod(ikm.period)}` : ''}
          </div>
        </Card>
      </div>
      <div className="b-block">
        <h3 className="b-h3">{W.pillarsTitle}</h3>
        <PillarsTable overview={overview} />
      </div>
      <div className="b-block">
        <h3 className="b-h3">{W.sCurve}</h3>
        <PrintChart option={curve} height={260} testId="chart-briefing-budget" label={W.sCurve} />
      </div>
      {alerts.length > 0 ? (
        <div className="b-block">
          <h3 className="b-h3">{W.attention}</h3>
          <ul className="b-alerts" data-testid="briefing-alerts">
            {alerts.map((a) => (
              <li key={`${a.family}-${a.name}`}>
                <span className="b-strong">{a.name}</span>
                {a.opdCode ? <span className="b-muted"> · {a.opdCode}</span> : null} — {a.detail}{' '}
                <Tone colour={a.colour}>
                  {a.unit === 'poin' ? formatPoin(a.value, 1) : formatPct(a.value, 1)}
                </Tone>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
