// The briefing's tables: programmes (status, progress against plan, deviation, serapan, kendala)
// and follow-ups (owner, due date, state, last report). Rows never break across pages (CSS);
// text an OPD typed (kendala, follow-up text, reports) is rendered as plain text by React.

import { formatDate, formatPct, formatPoin } from '../../../shared/format';
import type { FollowUp, PillarProgramme, Programme } from './types';
import { colourWord, followUpState, programmeStatus, W } from './words';

/** A value in its status tone, with the tone's word: never colour alone. */
export function Tone({
  colour,
  children,
  word = true,
}: {
  colour: string;
  children: string;
  word?: boolean;
}) {
  return (
    <span className={`b-tone b-tone--${colour}`} data-colour={colour}>
      <span className="b-dot" aria-hidden="true" />
      {children}
      {word ? <span className="b-tone-word"> {colourWord(colour)}</span> : null}
    </span>
  );
}

/** The serapan of the sub kegiatan behind a programme; null when none is linked. */
function budgetOf(p: Programme | PillarProgramme) {
  const b = 'budget' in p ? p.budget : null;
  return b && b.paguRp > 0 ? b : null;
}

export function ProgrammeTable({
  programmes,
  testId,
}: {
  programmes: readonly (Programme | PillarProgramme)[];
  testId: string;
}) {
  const withBudget = programmes.some((p) => budgetOf(p) !== null);
  return (
    <table className="b-table b-table--programmes" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{W.programmes}</th>
          <th scope="col">{W.status}</th>
          <th scope="col" className="num">
            {W.progress} / {W.plan.toLowerCase()}
          </th>
          <th scope="col" className="num">
            {W.deviation}
          </th>
          {withBudget ? (
            <th scope="col" className="num">
              {W.serapan}
            </th>
          ) : null}
          <th scope="col">{W.kendala}</th>
        </tr>
      </thead>
      <tbody>
        {programmes.map((p) => {
          const budget = budgetOf(p);
          return (
            <tr key={p.code} data-testid={`programme-row-${p.code}`}>
              <td>
                <span className="b-strong">{p.name}</span>{' '}
                <span className="b-muted b-nowrap">
                  {p.code} · {p.opdName}
                </span>
              </td>
              <td>{programmeStatus(p.status)}</td>
              <td className="num">
                {formatPct(p.physicalPct, 1)}
                <div className="b-muted">{formatPct(p.plannedPct, 1)}</div>
              </td>
              <td className="num">
                <Tone colour={p.colour}>{formatPoin(p.deviationPoin, 1)}</Tone>
              </td>
              {withBudget ? (
                <td className="num">
                  {budget ? (
                    <>
                      <Tone colour={budget.colour} word={false}>
                        {formatPct(budget.serapanPct, 1)}
                      </Tone>
                      <div className="b-muted">
                        {W.target.toLowerCase()} {formatPct(budget.targetKeuPct, 1)}
                      </div>
                    </>
                  ) : (
                    <span className="b-muted">—</span>
                  )}
                </td>
              ) : null}
              <td className="b-kendala">{p.kendala ?? <span className="b-muted">—</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** A follow-up's latest report: progress, what the OPD wrote, when. */
function LastReport({ f }: { f: FollowUp }) {
  if (!f.lastReport) return <span className="b-muted">—</span>;
  return (
    <>
      {f.progressPct !== null ? <span className="b-strong">{formatPct(f.progressPct, 0)} · </span> : null}
      {f.lastReport}
      {f.reportedAt ? <div className="b-muted">{formatDate(Date.parse(f.reportedAt))}</div> : null}
    </>
  );
}

const STATE_COLOUR = { selesai: 'hijau', dalam_proses: 'abu', terlambat: 'merah' } as const;

export function FollowUpTable({
  items,
  testId,
  showMeeting,
  decided = false,
}: {
  items: readonly FollowUp[];
  testId: string;
  /** The meeting that decided it (carried-over follow-ups come from several). */
  showMeeting: boolean;
  /** Decided in this meeting: its state is as of the meeting day, so a later completion is named. */
  decided?: boolean;
}) {
  return (
    <table className="b-table b-table--followups" data-testid={testId}>
      <colgroup>
        {(showMeeting ? [25, 16, 11, 13, 14, 21] : [32, 12, 14, 14, 28]).map((w, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns, never reordered
          <col key={i} style={{ width: `${w}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th scope="col">{W.followUp}</th>
          {showMeeting ? <th scope="col">{W.fromMeeting}</th> : null}
          <th scope="col">{W.owner}</th>
          <th scope="col">{W.due}</th>
          <th scope="col">{W.status}</th>
          <th scope="col">{W.lastReport}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((f) => {
          const doneLater = decided && f.state !== 'selesai' && f.doneAt !== null;
          const state = doneLater ? 'selesai' : f.state;
          return (
            <tr key={f.id} data-testid={`followup-${f.id}`} data-state={state}>
              <td>
                <div>{f.text}</div>
                {f.programmeName ? (
                  <div className="b-muted">
                    {f.programmeCode} · {f.programmeName}
                  </div>
                ) : null}
              </td>
              {showMeeting ? (
                <td>
                  {f.meetingTitle}
                  <div className="b-muted">{formatDate(f.meetingDate)}</div>
                </td>
              ) : null}
              <td className="b-strong" data-testid={`followup-${f.id}-owner`}>
                {f.ownerOpdName}
              </td>
              <td>{formatDate(f.dueDate)}</td>
              <td>
                <span className={`b-tone b-tone--${STATE_COLOUR[state]}`}>
                  <span className="b-dot" aria-hidden="true" />
                  {followUpState(state, f.daysLate)}
                </span>
                {doneLater && f.doneAt ? (
                  <div className="b-muted">{formatDate(Date.parse(f.doneAt))}</div>
                ) : null}
              </td>
              <td>
                <LastReport f={f} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
