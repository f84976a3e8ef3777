// The follow-ups carried over from earlier meetings with their state on this meeting's day, and
// what this meeting decided: arahan, keputusan (each under its agenda item) and the follow-ups
// with their owner OPD and due date.

import { formatNumber } from '../../../shared/format';
import { itemLabel } from './Front';
import { FollowUpTable } from './Tables';
import type { BriefingView } from './types';
import { fill, W } from './words';

export function CarriedOver({ view }: { view: BriefingView }) {
  const { items, counts } = view.snapshot.carriedOver;
  return (
    <section className="b-section b-section--page" data-testid="briefing-carried">
      <h2>{W.carried}</h2>
      {items.length === 0 ? (
        <p className="b-note">{W.carriedNone}</p>
      ) : (
        <>
          <p data-testid="briefing-carried-counts">
            {fill(W.carriedCounts, {
              total: formatNumber(counts.total),
              terlambat: formatNumber(counts.terlambat),
              dalam_proses: formatNumber(counts.dalam_proses),
              selesai: formatNumber(counts.selesai),
            })}
          </p>
          <FollowUpTable items={items} testId="briefing-carried-table" showMeeting />
        </>
      )}
    </section>
  );
}

/** `newPage`: start on a page of its own, unless nothing is decided yet (then it follows on). */
export function Decided({ view, newPage }: { view: BriefingView; newPage: boolean }) {
  const { notes, followUps } = view.decided;
  const label = (itemId: number | null) => {
    const item = itemId === null ? undefined : view.items.find((i) => i.id === itemId);
    return item ? itemLabel(item, view.snapshot) : W.general;
  };
  const kinds = [
    ['arahan', W.arahan],
    ['keputusan', W.keputusan],
  ] as const;
  const empty = notes.length === 0 && followUps.items.length === 0;
  return (
    <section
      className={newPage && !empty ? 'b-section b-section--page' : 'b-section'}
      data-testid="briefing-decided"
    >
      <h2>{W.decided}</h2>
      {empty ? <p className="b-note">{W.decidedNone}</p> : null}
      {kinds.map(([kind, title]) => {
        const list = notes.filter((n) => n.kind === kind);
        if (list.length === 0) return null;
        return (
          <div className="b-notes" key={kind}>
            <h3 className="b-h3">{title}</h3>
            <ol data-testid={`briefing-${kind}`}>
              {list.map((n) => (
                <li key={n.id}>
                  {n.text}
                  <span className="b-muted"> · {label(n.itemId)}</span>
                </li>
              ))}
            </ol>
          </div>
        );
      })}
      {followUps.items.length > 0 ? (
        <>
          <h3 className="b-h3">{W.decidedFollowUps}</h3>
          <FollowUpTable
            items={followUps.items}
            testId="briefing-decided-followups"
            showMeeting={false}
            decided
          />
        </>
      ) : null}
    </section>
  );
}
