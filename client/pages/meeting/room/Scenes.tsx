// The scenes of the room view, one per kind of agenda item and what the chair opened in it: the
// pillar review, one programme in detail, the OPD review, and the follow-ups carried over. Every
// figure comes from the meeting's frozen snapshot; every status has its word beside its colour.

import { useMemo } from 'react';
import {
  formatNumber,
  formatPct,
  formatPoin,
  formatRupiahShort,
  monthShort,
} from '../../../../shared/format';
import { type Locale, t } from '../../../../shared/i18n';
import { LazyEChart as EChart } from '../../../charts/LazyEChart';
import { PROGRAMME_STATUS } from '../../../charts/palette';
import { pillarCurveOption } from '../../../charts/pillarCurveOption';
import { sCurveOption } from '../../../charts/sCurveOption';
import { StatusValue } from '../../../components/Status';
import { StatusIcon } from '../../../components/StatusIcon';
import { Tile } from '../../../components/Tile';
import { FOLLOW_UP_COLOUR, FollowUpList, FollowUpRow } from './FollowUps';
import type {
  BudgetKpi,
  DecidedFollowUp,
  FollowUp,
  OpdReview,
  PillarReview,
  ProgrammeFocus,
  Snapshot,
} from './scene';

/** Rows each list shows before it counts the rest: what fits 1080 logical pixels at 4 m. */
export const ROOM_ROWS = {
  pillarProgrammes: 11,
  kendala: 4,
  pillarFollowUps: 4,
  opdProgrammes: 6,
  opdFollowUps: 4,
  programmeFollowUps: 5,
  carriedOver: 7,
} as const;

type Status = ProgrammeFocus['status'];

function StatusWord({ status, locale, testId }: { status: Status; locale: Locale; testId?: string }) {
  return (
    <span
      className="room-status"
      style={{ color: PROGRAMME_STATUS[status], borderColor: PROGRAMME_STATUS[status] }}
      data-status={status}
      data-testid={testId}
    >
      {t(`wall.pilar.status.${status}`, locale)}
    </span>
  );
}

function More({ n, locale, testId }: { n: number; locale: Locale; testId: string }) {
  if (n <= 0) return null;
  return (
    <span className="more-note" data-testid={testId}>
      {t('alerts.more', locale, { n: formatNumber(n, 0, locale) })}
    </span>
  );
}

/** Pagu, realisasi, serapan against target, deviation and fisik of one budget slice. */
function BudgetFigures({
  k,
  locale,
  prefix,
  wide = false,
}: {
  k: BudgetKpi;
  locale: Locale;
  prefix: string;
  wide?: boolean;
}) {
  return (
    <dl className={`room-kv${wide ? ' room-kv--wide' : ''}`}>
      <div>
        <dt>{t('budget.pagu', locale)}</dt>
        <dd data-testid={`${prefix}-pagu`}>{formatRupiahShort(k.paguRp, locale)}</dd>
      </div>
      <div>
        <dt>{t('room.realisasi', locale)}</dt>
        <dd data-testid={`${prefix}-realisasi`}>{formatRupiahShort(k.realKeuRp, locale)}</dd>
      </div>
      <div>
        <dt>{t('budget.serapan', locale)}</dt>
        <dd data-testid={`${prefix}-serapan`}>{formatPct(k.serapanPct, 2, locale)}</dd>
      </div>
      <div>
        <dt>{t('budget.target', locale)}</dt>
        <dd data-testid={`${prefix}-target`}>{formatPct(k.targetKeuPct, 2, locale)}</dd>
      </div>
      <div>
        <dt>{t('budget.deviasi', locale)}</dt>
        <dd>
          <StatusValue colour={k.colour} locale={locale} testId={`${prefix}-deviasi`}>
            {formatPoin(k.deviasiKeuPoin, 2, locale)}
          </StatusValue>
        </dd>
      </div>
      <div>
        <dt>{t('budget.fisikLabel', locale)}</dt>
        <dd data-testid={`${prefix}-fisik`}>{formatPct(k.fisikPct, 1, locale)}</dd>
      </div>
    </dl>
  );
}

function stageText(stage: 'murni' | 'perubahan', month: number | null, locale: Locale): string {
  const s = t(`budget.stage.${stage}`, locale);
  return month === null ? s : `${s} · ${t('budget.upTo', locale, { month: monthShort(month, locale) })}`;
}

// ── Pillar review ────────────────────────────────────────────────────────────────────────────

function PillarProgrammes({ pillar, now, locale }: { pillar: PillarReview; now: number; locale: Locale }) {
  const rows = pillar.programmes.slice(0, ROOM_ROWS.pillarProgrammes);
  const p = pillar.pillar;
  return (
    <Tile
      name="room-programmes"
      className="room-area-prog"
      title={t('room.programmes', locale)}
      freshness={pillar.freshness.pillars}
      now={now}
      locale={locale}
    >
      <div className="room-summary">
        <span className="figure figure--md" data-testid={`room-pillar-${p.code}-progress`}>
          {formatPct(p.weightedProgressPct, 1, locale)}
        </span>
        <span className="muted">
          {t('pillar.plan', locale, { value: formatPct(p.weightedPlanPct, 1, locale) })}
        </span>
        <StatusValue colour={p.colour} locale={locale} className="status--md" testId="room-pillar-deviasi">
          {formatPoin(p.deviationPoin, 1, locale)}
        </StatusValue>
        <span className="muted room-summary-end">
          {t('pillar.running', locale, {
            n: formatNumber(p.byStatus.berjalan + p.byStatus.selesai, 0, locale),
            total: formatNumber(p.programmes, 0, locale),
          })}
        </span>
      </div>
      <table className="room-table">
        <thead>
          <tr>
            <th scope="col" className="col-name">
              {t('room.col.programme', locale)}
            </th>
            <th scope="col" className="col-status">
              {t('room.col.status', locale)}
            </th>
            <th scope="col">{t('room.col.progress', locale)}</th>
            <th scope="col" className="col-dev">
              {t('room.col.deviasi', locale)}
            </th>
            <th scope="col">{t('room.col.serapan', locale)}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code} data-testid={`room-programme-${r.code}`} data-colour={r.colour}>
              <td className="col-name">
                <span className="room-cell-name">
                  {r.name} <span className="room-cell-opd">· {r.opdName}</span>
                </span>
              </td>
              <td className="col-status">
                <StatusWord status={r.status} locale={locale} testId={`room-programme-${r.code}-status`} />
              </td>
              <td>
                <span className="room-cell-figure" data-testid={`room-programme-${r.code}-progress`}>
                  {formatPct(r.physicalPct, 1, locale)}
                </span>
                <span className="room-cell-sub">
                  {t('room.planOf', locale, { value: formatPct(r.plannedPct, 1, locale) })}
                </span>
              </td>
              <td className="col-dev">
                <StatusValue colour={r.colour} locale={locale}>
                  {formatPoin(r.deviationPoin, 1, locale)}
                </StatusValue>
              </td>
              <td>
                <span className="room-cell-figure" data-testid={`room-programme-${r.code}-serapan`}>
                  {formatPct(r.budget.serapanPct, 1, locale)}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <More n={pillar.programmes.length - rows.length} locale={locale} testId="room-programmes-more" />
    </Tile>
  );
}

function PillarCurve({ pillar, now, locale }: { pillar: PillarReview; now: number; locale: Locale }) {
  const { curve } = pillar;
  const option = useMemo(
    () => pillarCurveOption(curve.points, locale, curve.asOfMonth),
    [curve.points, curve.asOfMonth, locale],
  );
  return (
    <Tile
      name="room-curve"
      className="room-area-curve"
      title={t('wall.pilar.curve', locale)}
      freshness={pillar.freshness.pillars}
      now={now}
      locale={locale}
    >
      <EChart
        option={option}
        testId="chart-room-curve"
        className="chart-fill"
        label={t('wall.pilar.curve', locale)}
      />
    </Tile>
  );
}

function PillarBudget({ pillar, now, locale }: { pillar: PillarReview; now: number; locale: Locale }) {
  const { budget } = pillar;
  return (
    <Tile
      name="room-budget"
      className="room-area-budget"
      title={t('room.budgetShort', locale)}
      freshness={pillar.freshness.budget}
      now={now}
      locale={locale}
    >
      {budget.subKegiatan === 0 ? (
        <div className="empty-note">{t('room.budgetNone', locale)}</div>
      ) : (
        <>
          <BudgetFigures k={budget.total} locale={locale} prefix="room-pillar-budget" />
          <div className="room-note" data-testid="room-pillar-budget-scope">
            {t('room.budgetScope', locale, {
              subs: formatNumber(budget.subKegiatan, 0, locale),
              programmes: formatNumber(budget.programmesWithBudget, 0, locale),
            })}
            {' · '}
            {stageText(budget.stage, budget.asOfMonth, locale)}
          </div>
        </>
      )}
    </Tile>
  );
}

function Kendala({
  programmes,
  now,
  locale,
  className,
}: {
  programmes: readonly ProgrammeFocus[];
  now: number;
  locale: Locale;
  className: string;
}) {
  const withKendala = programmes.filter((p) => p.kendala);
  const rows = withKendala.slice(0, ROOM_ROWS.kendala);
  return (
    <Tile
      name="room-kendala"
      className={className}
      title={t('room.kendala', locale)}
      now={now}
      locale={locale}
    >
      {rows.length === 0 ? (
        <div className="empty-note">{t('room.kendalaNone', locale)}</div>
      ) : (
        <ol className="room-kendala">
          {rows.map((p) => (
            <li key={p.code} data-testid={`room-kendala-${p.code}`}>
              <div className="room-kendala-head">
                <span className="room-kendala-name">{p.name}</span>
                <span className="muted">{p.opdName}</span>
              </div>
              <div className="room-kendala-text">{p.kendala}</div>
            </li>
          ))}
        </ol>
      )}
      <More n={withKendala.length - rows.length} locale={locale} testId="room-kendala-more" />
    </Tile>
  );
}

function FollowUpTile({
  title,
  carried,
  decided,
  rows,
  now,
  locale,
  className,
}: {
  title: string;
  carried: readonly FollowUp[];
  decided: readonly DecidedFollowUp[];
  rows: number;
  now: number;
  locale: Locale;
  className: string;
}) {
  return (
    <Tile name="room-followups" className={className} title={title} now={now} locale={locale}>
      <FollowUpList
        carried={carried}
        decided={decided}
        rows={rows}
        locale={locale}
        emptyText={t('room.fu.none', locale)}
      />
    </Tile>
  );
}

export function PillarScene({
  pillar,
  carried,
  decided,
  now,
  locale,
}: {
  pillar: PillarReview;
  carried: readonly FollowUp[];
  decided: readonly DecidedFollowUp[];
  now: number;
  locale: Locale;
}) {
  return (
    <div
      className="room-scene room-scene--pillar"
      data-testid="room-scene-pillar"
      data-code={pillar.pillar.code}
    >
      <PillarProgrammes pillar={pillar} now={now} locale={locale} />
      <PillarCurve pillar={pillar} now={now} locale={locale} />
      <PillarBudget pillar={pillar} now={now} locale={locale} />
      <Kendala programmes={pillar.programmes} now={now} locale={locale} className="room-area-kendala" />
      <FollowUpTile
        title={t('room.fu.title', locale)}
        carried={carried}
        decided={decided}
        rows={ROOM_ROWS.pillarFollowUps}
        now={now}
        locale={locale}
        className="room-area-fu"
      />
    </div>
  );
}

// ── One programme ────────────────────────────────────────────────────────────────────────────

function ProgressBar({ value, plan }: { value: number | null; plan: number | null }) {
  const clamp = (n: number | null) => Math.max(0, Math.min(100, n ?? 0));
  return (
    <div className="room-bar-track" aria-hidden="true">
      <div className="room-bar-fill" style={{ width: `${clamp(value)}%` }} />
      {plan !== null ? <div className="room-bar-plan" style={{ left: `${clamp(plan)}%` }} /> : null}
    </div>
  );
}

export function ProgrammeScene({
  programme: p,
  pillar,
  carried,
  decided,
  now,
  locale,
}: {
  programme: ProgrammeFocus;
  pillar: PillarReview | null;
  carried: readonly FollowUp[];
  decided: readonly DecidedFollowUp[];
  now: number;
  locale: Locale;
}) {
  return (
    <div className="room-scene room-scene--programme" data-testid="room-scene-programme" data-code={p.code}>
      <Tile
        name="room-programme"
        className="room-area-main"
        title={t('room.programme.code', locale, { code: p.code })}
        aside={<StatusWord status={p.status} locale={locale} testId="room-programme-status" />}
        freshness={pillar?.freshness.pillars}
        now={now}
        locale={locale}
      >
        <div className="room-programme-name" data-testid="room-programme-name">
          {p.name}
        </div>
        <div className="room-programme-sub">
          {p.opdName}
          {pillar ? ` · ${pillar.pillar.name}` : ''}
        </div>
        <div className="room-programme-figures">
          <div>
            <div className="kpi-label">{t('room.programme.progress', locale)}</div>
            <div className="figure figure--xl" data-testid="room-programme-progress">
              {formatPct(p.physicalPct, 1, locale)}
            </div>
          </div>
          <div>
            <div className="kpi-label">{t('wall.pilar.plan', locale)}</div>
            <div className="figure room-figure-plan" data-testid="room-programme-plan">
              {formatPct(p.plannedPct, 1, locale)}
            </div>
          </div>
          <div>
            <div className="kpi-label">{t('budget.deviasi', locale)}</div>
            <StatusValue
              colour={p.colour}
              locale={locale}
              className="room-figure-dev"
              testId="room-programme-deviasi"
            >
              {formatPoin(p.deviationPoin, 1, locale)}
            </StatusValue>
          </div>
        </div>
        <ProgressBar value={p.physicalPct} plan={p.plannedPct} />
        <div className="legend-note room-legend">
          <span className="swatch swatch--solid" /> {t('wall.pilar.progress', locale)}
          <span className="room-legend-plan" /> {t('wall.pilar.plan', locale)}
        </div>
      </Tile>
      <Tile
        name="room-programme-budget"
        className="room-area-budget"
        title={t('room.budget', locale)}
        freshness={pillar?.freshness.budget}
        now={now}
        locale={locale}
      >
        {p.budget.paguRp > 0 ? (
          <BudgetFigures k={p.budget} locale={locale} prefix="room-programme-budget" wide />
        ) : (
          <div className="empty-note">{t('room.budgetNone', locale)}</div>
        )}
      </Tile>
      <Tile
        name="room-programme-kendala"
        className="room-area-kendala"
        title={t('room.programme.kendala', locale)}
        now={now}
        locale={locale}
      >
        {p.kendala ? (
          <div className="room-kendala-big" data-testid="room-programme-kendala">
            {p.kendala}
          </div>
        ) : (
          <div className="empty-note">{t('room.programme.kendalaNone', locale)}</div>
        )}
      </Tile>
      <FollowUpTile
        title={t('room.programme.followUps', locale)}
        carried={carried}
        decided={decided}
        rows={ROOM_ROWS.programmeFollowUps}
        now={now}
        locale={locale}
        className="room-area-fu"
      />
    </div>
  );
}

// ── One OPD ──────────────────────────────────────────────────────────────────────────────────

function OpdBudget({
  opd,
  asOfMonth,
  now,
  locale,
}: {
  opd: OpdReview;
  asOfMonth: number | null;
  now: number;
  locale: Locale;
}) {
  const b = opd.budget;
  const points = b?.sCurve;
  const option = useMemo(
    () => (points ? sCurveOption(points, locale, asOfMonth) : null),
    [points, locale, asOfMonth],
  );
  return (
    <Tile
      name="room-opd-budget"
      className="room-area-scurve"
      title={t('room.opd.scurve', locale)}
      aside={b ? <span className="tile-tag">{stageText(b.stage, asOfMonth, locale)}</span> : undefined}
      now={now}
      locale={locale}
    >
      {b && option ? (
        <>
          <BudgetFigures k={b} locale={locale} prefix="room-opd-budget" wide />
          <EChart
            option={option}
            testId="chart-room-scurve"
            className="chart-fill"
            label={t('room.opd.scurve', locale)}
          />
        </>
      ) : (
        <div className="empty-note" data-testid="room-opd-nobudget">
          {t('room.opd.noBudget', locale)}
        </div>
      )}
    </Tile>
  );
}

function OpdProgrammes({ opd, now, locale }: { opd: OpdReview; now: number; locale: Locale }) {
  const rows = opd.programmes.slice(0, ROOM_ROWS.opdProgrammes);
  return (
    <Tile
      name="room-opd-programmes"
      className="room-area-prog"
      title={t('room.opd.programmes', locale)}
      now={now}
      locale={locale}
    >
      {rows.length === 0 ? (
        <div className="empty-note">{t('room.opd.noProgrammes', locale)}</div>
      ) : (
        <ol className="room-opd-programmes">
          {rows.map((p) => (
            <li key={p.code} data-testid={`room-programme-${p.code}`} data-colour={p.colour}>
              <div className="room-opd-prog-head">
                <span className="room-cell-name">{p.name}</span>
                <StatusWord status={p.status} locale={locale} testId={`room-programme-${p.code}-status`} />
                <span className="room-cell-figure" data-testid={`room-programme-${p.code}-progress`}>
                  {formatPct(p.physicalPct, 1, locale)}
                </span>
                <StatusValue colour={p.colour} locale={locale} className="room-opd-dev">
                  {formatPoin(p.deviationPoin, 1, locale)}
                </StatusValue>
              </div>
              {p.kendala ? (
                <div className="room-opd-prog-kendala">
                  {t('room.programme.kendala', locale)}: {p.kendala}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <More n={opd.programmes.length - rows.length} locale={locale} testId="room-opd-programmes-more" />
    </Tile>
  );
}

export function OpdScene({
  opd,
  asOfMonth,
  decided,
  now,
  locale,
}: {
  opd: OpdReview;
  asOfMonth: number | null;
  decided: readonly DecidedFollowUp[];
  now: number;
  locale: Locale;
}) {
  return (
    <div className="room-scene room-scene--opd" data-testid="room-scene-opd" data-code={opd.opdCode}>
      <OpdBudget opd={opd} asOfMonth={asOfMonth} now={now} locale={locale} />
      <OpdProgrammes opd={opd} now={now} locale={locale} />
      <FollowUpTile
        title={t('room.opd.followUps', locale)}
        carried={opd.followUps.items}
        decided={decided}
        rows={ROOM_ROWS.opdFollowUps}
        now={now}
        locale={locale}
        className="room-area-fu"
      />
    </div>
  );
}

// ── Follow-ups carried over ──────────────────────────────────────────────────────────────────

const STATES = ['terlambat', 'dalam_proses', 'selesai'] as const;

export function FollowUpsScene({
  snapshot,
  decided,
  now,
  locale,
}: {
  snapshot: Snapshot;
  decided: readonly DecidedFollowUp[];
  now: number;
  locale: Locale;
}) {
  const { items, counts } = snapshot.carriedOver;
  const rows = items.slice(0, ROOM_ROWS.carriedOver);
  return (
    <div className="room-scene room-scene--followups" data-testid="room-scene-followups">
      <Tile
        name="room-carried"
        className="room-area-main"
        title={t('room.fu.title', locale)}
        aside={<span className="tile-tag">{t('room.fu.lateFirst', locale)}</span>}
        now={now}
        locale={locale}
      >
        <ul className="room-fu-counts" data-testid="room-fu-counts">
          {STATES.map((s) => (
            <li key={s} className={`tone-${FOLLOW_UP_COLOUR[s]}`}>
              <StatusIcon colour={FOLLOW_UP_COLOUR[s]} size={32} />
              <span className="room-fu-count" data-testid={`room-fu-count-${s}`}>
                {formatNumber(counts[s], 0, locale)}
              </span>
              <span>{t(`room.fu.state.${s}`, locale)}</span>
            </li>
          ))}
        </ul>
        {rows.length === 0 ? (
          <div className="empty-note">{t('room.fu.none', locale)}</div>
        ) : (
          <ol className="room-fu-list room-fu-list--wide" data-testid="room-fu-list">
            {rows.map((f) => (
              <FollowUpRow key={f.id} f={f} locale={locale} prefix="room-fu" report />
            ))}
          </ol>
        )}
        <More n={items.length - rows.length} locale={locale} testId="room-fu-more" />
        {decided.length > 0 ? (
          <div className="room-note">
            {t('room.fu.decided', locale)}: {formatNumber(decided.length, 0, locale)}
          </div>
        ) : null}
      </Tile>
    </div>
  );
}
