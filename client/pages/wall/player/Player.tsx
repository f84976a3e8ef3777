// The display player (/layar?t=<token>): reads its playlist with the display token and turns
// through the wall screens, each for its dwell time, looping. The wall frame's foot tells the room
// where the rotation stands; Space pauses, the arrow keys step. Playlist changes arrive live (the
// page's one live connection refetches display.config on topic 'display'); a new server build
// reloads the page (WallLiveProvider); a revoked token replaces everything with a clear message.
// While a meeting this display is in runs, the wall follows the chair (the room view of
// client/pages/meeting/room) and the playlist holds where it stood; it resumes when the meeting closes.

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { type Locale, t } from '../../../../shared/i18n';
import type { PlaylistItem } from '../../../../shared/schemas';
import { type PlayerStatus, PlayerStatusContext } from '../../../components/playerStatus';
import { WallFrame } from '../../../components/WallFrame';
import { useLocale } from '../../../hooks/useLocale';
import { type OverviewInput, type RouterOutputs, setDisplayToken, useTRPC } from '../../../trpc';
import { RingkasanPage } from '../Ringkasan';
import { advance, countdownSeconds, type Position, wrapIndex } from './rotation';
import { SlideBoundary, screenChunk } from './screens';
import { takeDisplayToken } from './token';
import './player.css';

const CHUNKS = {
  anggaran: screenChunk(() => import('../Anggaran')),
  layanan: screenChunk(() => import('../Layanan')),
  spbe: screenChunk(() => import('../Spbe')),
  kepatuhan: screenChunk(() => import('../Kepatuhan')),
  pilar: screenChunk(() => import('../Pilar')),
  tindaklanjut: screenChunk(() => import('../TindakLanjut')),
} satisfies Partial<Record<PlaylistItem['screen'], { preload: () => void }>>;
const AnggaranPage = CHUNKS.anggaran.Screen;
const LayananPage = CHUNKS.layanan.Screen;
const SpbePage = CHUNKS.spbe.Screen;
const KepatuhanPage = CHUNKS.kepatuhan.Screen;
const PilarPage = CHUNKS.pilar.Screen;
const TindakLanjutPage = CHUNKS.tindaklanjut.Screen;
// Fetched as soon as the player runs (a few kB), so the wall follows the chair within a second
// of a meeting's start instead of first downloading the room view.
const meetingModule = () => import('../../meeting/room/WallMeeting');
const WallMeeting = lazy(meetingModule);

type DisplayMeeting = NonNullable<RouterOutputs['display']['config']['meeting']>;

/** The player re-reads its configuration at this cadence even without a live push. */
export const CONFIG_REFRESH_MS = 60_000;
/** One interval drives the rotation and the countdown. */
export const TICK_MS = 250;
/** The playlist's other screens are fetched this long after the player starts (first paint first). */
export const PRELOAD_AFTER_MS = 3_000;
/** Answers that mean the token is revoked or was never a display's. */
const GONE = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND']);

export function isGone(code: string | undefined): boolean {
  return code !== undefined && GONE.has(code);
}

export function screenName(item: PlaylistItem, locale: Locale): string {
  return t(`player.screen.${item.screen}`, locale, { code: item.pillar ?? '' });
}

function Message({ testId, title, detail }: { testId: string; title: string; detail?: string }) {
  return (
    <main className="wall-page wall-page--center" data-testid={testId}>
      <div className="wall-message" role="alert">
        <div className="wall-message-title">{title}</div>
        {detail ? <div className="wall-message-detail">{detail}</div> : null}
      </div>
    </main>
  );
}

export default function Player({ input }: { input?: OverviewInput }) {
  const { locale } = useLocale();
  const [token] = useState(() => {
    const value = takeDisplayToken();
    // Set before the first query of the subtree goes out.
    setDisplayToken(value);
    return value;
  });
  useEffect(() => {
    setDisplayToken(token);
    return () => setDisplayToken(null);
  }, [token]);
  if (!token)
    return (
      <Message
        testId="player-no-token"
        title={t('player.noToken', locale)}
        detail={t('player.noTokenDetail', locale)}
      />
    );
  return <ConfiguredPlayer input={input} />;
}

function ConfiguredPlayer({ input }: { input?: OverviewInput }) {
  const { locale } = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // A screen's figures stay in the cache while other screens are on (react-query would drop them
  // five minutes after the screen went off): a long playlist then comes round to its last data at
  // once, and during an outage every screen still has its last figures to show. The playlist
  // bounds what is kept.
  useState(() => keepScreensCached(queryClient));
  useEffect(() => {
    void meetingModule();
    return () => keepScreensCached(queryClient, false);
  }, [queryClient]);
  const config = useQuery(
    trpc.display.config.queryOptions(undefined, {
      refetchInterval: CONFIG_REFRESH_MS,
      staleTime: 0,
      retry: (count, error) => !isGone(error.data?.code) && count < 3,
    }),
  );
  // A meeting took the wall: its figures are asked for at once, while the room view mounts.
  const meetingId = config.data?.meeting?.id;
  useEffect(() => {
    if (meetingId !== undefined)
      void queryClient.prefetchQuery(trpc.meeting.view.queryOptions({ id: meetingId }));
  }, [meetingId, queryClient, trpc]);
  if (isGone(config.error?.data?.code) || config.data?.revoked)
    return (
      <Message
        testId="player-revoked"
        title={t('player.revoked', locale)}
        detail={t('player.revokedDetail', locale)}
      />
    );
  if (!config.data)
    return (
      <Message
        testId="player-loading"
        title={t(config.isError ? 'app.errorNoData' : 'app.loading', locale)}
        detail={config.isError ? t('app.errorRetrying', locale) : undefined}
      />
    );
  return <Rotation playlist={config.data.playlist} input={input} meeting={config.data.meeting ?? null} />;
}

function keepScreensCached(queryClient: ReturnType<typeof useQueryClient>, on = true): void {
  const defaults = queryClient.getDefaultOptions();
  const queries = { ...defaults.queries };
  if (on) queries.gcTime = Number.POSITIVE_INFINITY;
  else delete queries.gcTime;
  queryClient.setDefaultOptions({ ...defaults, queries });
}

interface RotationState extends Position {
  /** When Space paused the rotation; null while it runs. */
  pausedAt: number | null;
  /** When a meeting took the wall; null while none does. */
  heldAt: number | null;
  now: number;
}

type Action =
  | { type: 'tick'; now: number; playlist: readonly PlaylistItem[] }
  | { type: 'step'; delta: 1 | -1; now: number; length: number }
  | { type: 'pause'; now: number }
  | { type: 'hold'; on: boolean; now: number };

function reduce(state: RotationState, action: Action): RotationState {
  switch (action.type) {
    case 'tick': {
      if (state.pausedAt !== null || state.heldAt !== null) return { ...state, now: action.now };
      // A shortened playlist may no longer hold the current index: start over from the top.
      const from = state.index < action.playlist.length ? state : { index: 0, enteredAt: action.now };
      return { ...state, ...advance(action.playlist, from, action.now), now: action.now };
    }
    case 'step':
      return {
        ...state,
        index: wrapIndex(state.index, action.delta, action.length),
        enteredAt: action.now,
        pausedAt: state.pausedAt === null ? null : action.now,
        now: action.now,
      };
    case 'pause':
      return state.pausedAt === null
        ? { ...state, pausedAt: action.now, now: action.now }
        : // Resume where it stopped: the time spent paused does not count against the dwell.
          {
            ...state,
            enteredAt: state.enteredAt + (action.now - state.pausedAt),
            pausedAt: null,
            now: action.now,
          };
    case 'hold':
      if (action.on) return state.heldAt === null ? { ...state, heldAt: action.now, now: action.now } : state;
      if (state.heldAt === null) return state;
      // The meeting is over: the playlist goes on where it stood, the time held not counted (a
      // Space pause from before the meeting still covers it, and is resumed by Space as ever).
      return {
        ...state,
        enteredAt: state.pausedAt === null ? state.enteredAt + (action.now - state.heldAt) : state.enteredAt,
        heldAt: null,
        now: action.now,
      };
  }
}

function initialState(): RotationState {
  const now = Date.now();
  return { index: 0, enteredAt: now, pausedAt: null, heldAt: null, now };
}

function Rotation({
  playlist,
  input,
  meeting,
}: {
  playlist: readonly PlaylistItem[];
  input?: OverviewInput;
  /** The running meeting this display is in: it takes the wall, the playlist holds. */
  meeting: DisplayMeeting | null;
}) {
  const { locale } = useLocale();
  const [state, dispatch] = useReducer(reduce, undefined, initialState);
  const playlistRef = useRef(playlist);
  playlistRef.current = playlist;
  const held = meeting !== null;
  const heldRef = useRef(held);
  heldRef.current = held;

  useEffect(() => {
    dispatch({ type: 'hold', on: held, now: Date.now() });
  }, [held]);

  useEffect(() => {
    const id = window.setInterval(
      () => dispatch({ type: 'tick', now: Date.now(), playlist: playlistRef.current }),
      TICK_MS,
    );
    return () => window.clearInterval(id);
  }, []);

  // Every chunk the playlist needs, fetched once the first screen is up: a server that goes away
  // later must not leave a screen the rotation had not reached yet with nothing to show.
  const screens = [...new Set(playlist.map((i) => i.screen))].join(',');
  useEffect(() => {
    const id = window.setTimeout(() => {
      for (const screen of screens.split(',')) CHUNKS[screen as keyof typeof CHUNKS]?.preload();
    }, PRELOAD_AFTER_MS);
    return () => window.clearTimeout(id);
  }, [screens]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // The chair drives the wall during a meeting; the keys wait until it closes.
      if (heldRef.current) return;
      const now = Date.now();
      const length = playlistRef.current.length;
      if (e.key === ' ' || e.code === 'Space') {
        e.preventDefault();
        dispatch({ type: 'pause', now });
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        dispatch({ type: 'step', delta: 1, now, length });
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        dispatch({ type: 'step', delta: -1, now, length });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const index = state.index < playlist.length ? state.index : 0;
  const item = playlist[index] as PlaylistItem;
  const paused = state.pausedAt !== null;
  const seconds = countdownSeconds(item, state.enteredAt, state.pausedAt ?? state.now);
  const name = screenName(item, locale);
  const status = useMemo<PlayerStatus>(
    () => ({ position: index + 1, total: playlist.length, screen: item.screen, name, seconds, paused }),
    [index, playlist.length, item.screen, name, seconds, paused],
  );
  return (
    <div
      className="player"
      data-testid="player"
      data-index={index}
      data-paused={paused || held}
      data-meeting={meeting?.id ?? ''}
      data-entered-at={state.enteredAt}
    >
      {meeting ? (
        // The room view says itself that the playlist is paused; the foot shows no rotation.
        <div className="player-slide" key={`meeting:${meeting.id}`}>
          <Suspense fallback={<main className="wall-page" />}>
            <WallMeeting meeting={meeting} />
          </Suspense>
        </div>
      ) : (
        <PlayerStatusContext.Provider value={status}>
          <div className="player-slide" key={`${index}:${item.screen}:${item.pillar ?? ''}`}>
            <SlideBoundary fallback={<UnavailableSlide item={item} locale={locale} />}>
              <Suspense fallback={<main className="wall-page" />}>
                <ScreenFor item={item} input={input} />
              </Suspense>
            </SlideBoundary>
          </div>
        </PlayerStatusContext.Provider>
      )}
    </div>
  );
}

/** A slide whose screen could not load (its chunk unreachable): the frame and "no data, retrying". */
function UnavailableSlide({ item, locale }: { item: PlaylistItem; locale: Locale }) {
  return (
    <WallFrame
      name={item.screen}
      title={screenName(item, locale)}
      meta={null}
      queryFailingSince={Date.now()}
      skeleton={null}
    >
      {null}
    </WallFrame>
  );
}

function ScreenFor({ item, input }: { item: PlaylistItem; input?: OverviewInput }): ReactNode {
  switch (item.screen) {
    case 'ringkasan':
      return <RingkasanPage input={input} />;
    case 'anggaran':
      return <AnggaranPage input={input} opdCode={item.opdCode} />;
    case 'layanan':
      return <LayananPage input={input} serviceGroup={item.serviceGroup} />;
    case 'spbe':
      return <SpbePage input={input} />;
    case 'kepatuhan':
      return <KepatuhanPage input={input} opdCode={item.opdCode} />;
    case 'pilar':
      return <PilarPage input={input} code={item.pillar ?? 'GOV'} opdCode={item.opdCode} />;
    case 'tindaklanjut':
      return <TindakLanjutPage />;
  }
}
