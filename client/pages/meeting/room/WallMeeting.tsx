// A wall display in a running meeting (loaded by the player in its own chunk): the room view of
// that meeting, following the chair. Where the chair stands comes with the display's config (it
// is refetched on every 'meeting' change); the frozen figures come from meeting.view, refetched on
// the same changes (new follow-ups the secretary records show as they are added).

import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { WallInputContext } from '../../../components/wallInput';
import { useDisconnectedSince } from '../../../hooks/useDisconnectedSince';
import { type RouterOutputs, useTRPC } from '../../../trpc';
import { MeetingRoom } from './MeetingRoom';

export type DisplayMeeting = NonNullable<RouterOutputs['display']['config']['meeting']>;

export default function WallMeeting({ meeting }: { meeting: DisplayMeeting }) {
  const trpc = useTRPC();
  // Kept current by the live connection (every 'meeting' change refetches it), so a view the
  // player prefetched a moment ago is not asked for twice.
  const view = useQuery(trpc.meeting.view.queryOptions({ id: meeting.id }));
  const failingSince = useDisconnectedSince(view);
  // Never another meeting's figures under this one's title (the wall keeps previous data while
  // a query for a new key loads).
  const data = view.data?.meeting.id === meeting.id ? view.data : null;
  // The ticker along the foot reads the alerts of the meeting's date too.
  const input = useMemo(
    () => (data ? { year: data.snapshot.year, asOf: data.snapshot.asOf } : undefined),
    [data],
  );
  return (
    <WallInputContext.Provider value={input}>
      <MeetingRoom
        view={data}
        itemId={meeting.itemId}
        focus={meeting.focus}
        onWall
        failingSince={failingSince}
      />
    </WallInputContext.Provider>
  );
}
