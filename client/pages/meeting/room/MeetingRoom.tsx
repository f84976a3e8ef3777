// The room view of a meeting on the wall canvas (1920×1080 logical, wider on a 32:9 wall): the
// shared wall frame (clock, header, ticker), a bar saying where the agenda stands and, clearly, the
// date the figures are frozen at ("Angka per 12 Mei 2026", or "Pratinjau" before the start), and
// the scene for the item under the chair's cursor. The walls of the room show it while the meeting
// runs; the chair's page shows it as a preview; a past meeting shows it exactly as the room saw it.

import { formatDate } from '../../../../shared/format';
import { type Locale, t } from '../../../../shared/i18n';
import { WallFrame } from '../../../components/WallFrame';
import { useLocale } from '../../../hooks/useLocale';
import { useNow } from '../../../hooks/useNow';
import { FollowUpsScene, OpdScene, PillarScene, ProgrammeScene } from './Scenes';
import {
  decidedFor,
  followUpsFor,
  indexOfItem,
  itemName,
  type MeetingView,
  neighbours,
  type Scene,
  sceneFor,
} from './scene';
import './room.css';

function LockIcon() {
  return (
    <svg
      className="room-lock"
      width={26}
      height={26}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path
        fill="currentColor"
        d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5zm-3 8V7a3 3 0 0 1 6 0v3z"
      />
    </svg>
  );
}

/** "Angka per 12 Mei 2026" once frozen; the preview warning before the meeting starts. */
export function FrozenLabel({ view, locale }: { view: MeetingView; locale: Locale }) {
  return view.frozen ? (
    <span
      className="room-frozen"
      data-testid="room-asof"
      data-frozen="true"
      title={t('room.frozenNote', locale)}
    >
      <LockIcon />
      {t('room.frozen', locale, { date: formatDate(view.snapshot.asOf, locale) })}
    </span>
  ) : (
    <span className="room-frozen room-frozen--preview" data-testid="room-asof" data-frozen="false">
      {t('room.preview', locale)}
    </span>
  );
}

function focusName(scene: Scene): string | null {
  // The programme's name is the scene's own headline; the bar says which one by its code.
  if (scene.kind === 'programme') return scene.programme.code;
  if (scene.kind === 'opd' && scene.item.kind === 'pillar') return scene.opd.opdName;
  return null;
}

function AgendaBar({
  view,
  scene,
  itemId,
  onWall,
  locale,
}: {
  view: MeetingView;
  scene: Scene;
  itemId: number | null;
  onWall: boolean;
  locale: Locale;
}) {
  const { items, snapshot } = view;
  const item = scene.kind === 'empty' ? null : scene.item;
  const { next } = neighbours(items, itemId);
  const focus = focusName(scene);
  return (
    <div className="room-agenda" data-testid="room-bar">
      <div className="room-agenda-where">
        {item ? (
          <>
            <span className="room-agenda-pos" data-testid="room-position">
              {t('room.position', locale, {
                n: String(indexOfItem(items, itemId) + 1),
                total: String(items.length),
              })}
            </span>
            {item.kind === 'followups' ? null : (
              <span className="room-agenda-kind">{t(`room.kind.${item.kind}`, locale)}</span>
            )}
            <span className="room-agenda-name" data-testid="room-item-name">
              {itemName(item, snapshot, locale)}
            </span>
            {focus ? (
              <span className="room-agenda-focus" data-testid="room-focus-name">
                › {focus}
              </span>
            ) : null}
          </>
        ) : (
          <span className="room-agenda-name">{t('room.empty', locale)}</span>
        )}
      </div>
      {item ? (
        <span className="room-agenda-next" data-testid="room-next">
          {next
            ? t('room.next', locale, { name: itemName(next, snapshot, locale) })
            : t('room.lastItem', locale)}
        </span>
      ) : null}
      {onWall ? (
        <span className="room-agenda-paused" data-testid="room-playlist-paused">
          {t('room.paused', locale)}
        </span>
      ) : null}
      <FrozenLabel view={view} locale={locale} />
    </div>
  );
}

function SceneBody({ view, scene, locale }: { view: MeetingView; scene: Scene; locale: Locale }) {
  const now = useNow();
  const { snapshot } = view;
  const decided = decidedFor(view.decided.followUps.items, scene);
  switch (scene.kind) {
    case 'pillar':
      return (
        <PillarScene
          pillar={scene.pillar}
          carried={followUpsFor(snapshot, scene)}
          decided={decided}
          now={now}
          locale={locale}
        />
      );
    case 'programme':
      return (
        <ProgrammeScene
          programme={scene.programme}
          pillar={scene.pillar}
          carried={followUpsFor(snapshot, scene)}
          decided={decided}
          now={now}
          locale={locale}
        />
      );
    case 'opd':
      return (
        <OpdScene
          opd={scene.opd}
          asOfMonth={snapshot.overview.budget.asOfMonth}
          decided={decided}
          now={now}
          locale={locale}
        />
      );
    case 'followups':
      return <FollowUpsScene snapshot={snapshot} decided={decided} now={now} locale={locale} />;
    case 'missing':
      return (
        <div className="room-scene room-scene--message" data-testid="room-scene-missing">
          <div className="wall-message-title">{t('room.missing', locale, { name: scene.name })}</div>
        </div>
      );
    case 'empty':
      return <div className="room-scene room-scene--message" data-testid="room-scene-empty" />;
  }
}

export function MeetingRoom({
  view,
  itemId,
  focus,
  onWall = false,
  failingSince = null,
}: {
  /** meeting.view of this meeting; null while it loads. */
  view: MeetingView | null;
  /** Where the chair stands (the display config's cursor is fresher than the view's own). */
  itemId: number | null;
  focus: string | null;
  /** On a wall display: says the playlist is paused. */
  onWall?: boolean;
  failingSince?: number | null;
}) {
  const { locale } = useLocale();
  const scene = view ? sceneFor(view, itemId, focus, locale) : null;
  return (
    <WallFrame
      name="rapat"
      title={view?.meeting.title ?? t('app.loading', locale)}
      meta={view ? { year: view.snapshot.year, asOf: null, demo: view.snapshot.overview.demo } : null}
      queryFailingSince={failingSince}
      skeleton={<div className="room-skeleton" />}
      landmark={onWall}
    >
      {view && scene ? (
        <div
          className="room"
          data-testid="room"
          data-meeting={view.meeting.id}
          data-item={scene.kind === 'empty' ? '' : scene.item.id}
          data-focus={focus ?? ''}
          data-scene={scene.kind}
          data-frozen={view.frozen}
        >
          <AgendaBar view={view} scene={scene} itemId={itemId} onWall={onWall} locale={locale} />
          <SceneBody view={view} scene={scene} locale={locale} />
        </div>
      ) : null}
    </WallFrame>
  );
}
