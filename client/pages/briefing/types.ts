// The shapes the briefing reads, inferred from meeting.view (never restated).
import type { RouterOutputs } from '../../trpc';

export type BriefingView = RouterOutputs['meeting']['view'];
export type Snapshot = BriefingView['snapshot'];
export type Overview = Snapshot['overview'];
export type PillarData = Snapshot['pillars'][string];
export type OpdData = Snapshot['opds'][string];
export type FollowUp = Snapshot['carriedOver']['items'][number];
export type AgendaItem = BriefingView['items'][number];
export type Note = BriefingView['decided']['notes'][number];
export type Programme = OpdData['programmes'][number];
export type PillarProgramme = PillarData['programmes'][number];
