// The route table, in one screen. Wall routes (kiosk screens at a fixed 1920×1080 stage) load one
// URL and stay there; query parameters ?year=2025&asOf=2025-10-31 freeze the figures, ?lang=en
// switches language. Office routes (sign-in, OPD entry, verification, administration) are
// normal scrolling pages, each code-split so the wall's JavaScript does not grow.

import {
  type ComponentType,
  type LazyExoticComponent,
  lazy,
  type ReactNode,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useState,
} from 'react';
import { type Locale, t } from '../shared/i18n';
import { isValidDate } from '../shared/time';
import { Stage } from './components/Stage';
import { WallInputContext } from './components/wallInput';
import { initialLocale, LocaleContext, storeLocale, useLocale } from './hooks/useLocale';
import { WallLiveProvider } from './live/WallLive';
import { currentLocation, type Navigation, NavigationContext } from './navigation';
import { briefingMeetingId } from './pages/briefing/path';
import { chunk, Loaded } from './pages/wall/loadable';
import { RingkasanPage } from './pages/wall/Ringkasan';
import type { OverviewInput } from './trpc';

interface RouteProps {
  search: URLSearchParams;
}

function Ringkasan({ search }: RouteProps) {
  const input = useMemo(() => overviewInput(search), [search]);
  return <RingkasanPage input={input} />;
}

// Deeper wall screens, each in its own chunk so Ringkasan's first load does not pay for them.
// client/main.tsx starts the chunk of the screen in the URL before the first render
// (preloadWallRoute); a loaded chunk renders at once, without a Suspense round (see loadable.tsx).
const anggaranRoute = chunk(() => import('./pages/wall/Anggaran'));
const layananRoute = chunk(() => import('./pages/wall/Layanan'));
const spbeRoute = chunk(() => import('./pages/wall/Spbe'));
const kepatuhanRoute = chunk(() => import('./pages/wall/Kepatuhan'));
const pilarRoute = chunk(() => import('./pages/wall/Pilar'));
const tindakLanjutRoute = chunk(() => import('./pages/wall/TindakLanjut'));
const playerRoute = chunk(() => import('./pages/wall/player/Player'));

const WALL_CHUNKS: Record<string, () => Promise<unknown>> = {
  '/wall/anggaran': anggaranRoute.preload,
  '/wall/layanan': layananRoute.preload,
  '/wall/spbe': spbeRoute.preload,
  '/wall/kepatuhan': kepatuhanRoute.preload,
  '/wall/tindaklanjut': tindakLanjutRoute.preload,
  '/layar': playerRoute.preload,
};

/** /wall/pilar/<CODE>: one masterplan pillar; the code is the last path segment. */
export const PILAR_PREFIX = '/wall/pilar/';

/** Starts loading the code-split chunk of the wall screen at `path` (normalised), if it has one. */
export function preloadWallRoute(path: string): void {
  const preload = WALL_CHUNKS[path] ?? (path.startsWith(PILAR_PREFIX) ? pilarRoute.preload : undefined);
  // A failure is not handled here: the screen retries when it renders.
  preload?.().catch(() => {});
}

/** What a wall screen shows while its chunk loads (also any suspension inside it, e.g. the player's). */
const WALL_FALLBACK = <main className="wall-page" />;

function WallSuspense({ children }: { children: ReactNode }) {
  return <Suspense fallback={WALL_FALLBACK}>{children}</Suspense>;
}

/** ?opd=DINKES narrows a screen to one OPD; ?group=adminduk narrows Layanan to one service group. */
export function filterParam(search: URLSearchParams, name: 'opd' | 'group'): string | undefined {
  const value = search.get(name)?.trim();
  if (!value || value.length > 40) return undefined;
  return name === 'opd' ? value.toUpperCase() : value;
}

function Anggaran({ search }: RouteProps) {
  const input = useMemo(() => overviewInput(search), [search]);
  return (
    <WallSuspense>
      <Loaded
        chunk={anggaranRoute}
        props={{ input, opdCode: filterParam(search, 'opd') }}
        fallback={WALL_FALLBACK}
      />
    </WallSuspense>
  );
}

function Layanan({ search }: RouteProps) {
  const input = useMemo(() => overviewInput(search), [search]);
  return (
    <WallSuspense>
      <Loaded
        chunk={layananRoute}
        props={{ input, serviceGroup: filterParam(search, 'group') }}
        fallback={WALL_FALLBACK}
      />
    </WallSuspense>
  );
}

function Spbe({ search }: RouteProps) {
  const input = useMemo(() => overviewInput(search), [search]);
  return (
    <WallSuspense>
      <Loaded chunk={spbeRoute} props={{ input }} fallback={WALL_FALLBACK} />
    </WallSuspense>
  );
}

function KepatuhanWall({ search }: RouteProps) {
  const input = useMemo(() => overviewInput(search), [search]);
  return (
    <WallSuspense>
      <Loaded
        chunk={kepatuhanRoute}
        props={{ input, opdCode: filterParam(search, 'opd') }}
        fallback={WALL_FALLBACK}
      />
    </WallSuspense>
  );
}

function PilarWall({ search, code }: RouteProps & { code: string }) {
  const input = useMemo(() => overviewInput(search), [search]);
  return (
    <WallSuspense>
      <Loaded
        chunk={pilarRoute}
        props={{ input, code, opdCode: filterParam(search, 'opd') }}
        fallback={WALL_FALLBACK}
      />
    </WallSuspense>
  );
}

/** /wall/tindaklanjut: the open meeting follow-ups, late first (always as of today). */
function TindakLanjutWall() {
  return (
    <WallSuspense>
      <Loaded chunk={tindakLanjutRoute} props={{}} fallback={WALL_FALLBACK} />
    </WallSuspense>
  );
}

/** /layar?t=<token>: a display's player, turning through its playlist. */
function Layar({ search }: RouteProps) {
  const input = useMemo(() => overviewInput(search), [search]);
  return (
    <WallSuspense>
      <Loaded chunk={playerRoute} props={{ input }} fallback={WALL_FALLBACK} />
    </WallSuspense>
  );
}

export const ROUTES: Record<string, ComponentType<RouteProps>> = {
  '/': Ringkasan,
  '/wall/ringkasan': Ringkasan,
  '/wall/anggaran': Anggaran,
  '/wall/layanan': Layanan,
  '/wall/spbe': Spbe,
  '/wall/kepatuhan': KepatuhanWall,
  '/wall/tindaklanjut': TindakLanjutWall,
  '/layar': Layar,
};

/** The signed-in roles an office page admits; 'public' needs no session (the sign-in page). */
export type OfficeRole = 'admin' | 'verifier' | 'opd' | 'executive';

export interface OfficeRoute {
  page: LazyExoticComponent<ComponentType>;
  roles: readonly OfficeRole[] | 'public';
}

const ENTRY_READERS = ['opd', 'admin', 'verifier'] as const;
const WRITERS = ['opd', 'admin'] as const;
const EVERYONE = ['admin', 'verifier', 'opd', 'executive'] as const;
const MEETING_READERS = ['admin', 'executive', 'verifier'] as const;

/**
 * /rapat/<id>: one meeting (its id is the path segment). Only that exact shape: a deeper path such
 * as /rapat/<id>/briefing is another route's.
 */
export const MEETING_ROUTE: OfficeRoute = {
  page: lazy(() => import('./pages/meeting/MeetingPage')),
  roles: MEETING_READERS,
};
const MEETING_PATH = /^\/rapat\/\d+$/;

/** The office route of a path: the table above, then the routes with a parameter. */
export function officeRouteFor(path: string): OfficeRoute | undefined {
  return OFFICE_ROUTES[path] ?? (MEETING_PATH.test(path) ? MEETING_ROUTE : undefined);
}

export const OFFICE_ROUTES: Record<string, OfficeRoute> = {
  '/masuk': { page: lazy(() => import('./pages/auth/LoginPage')), roles: 'public' },
  '/opd': { page: lazy(() => import('./pages/entry/OpdHomePage')), roles: ENTRY_READERS },
  '/opd/realisasi': { page: lazy(() => import('./pages/entry/RealisasiPage')), roles: ENTRY_READERS },
  '/opd/progres': { page: lazy(() => import('./pages/entry/ProgresPage')), roles: ENTRY_READERS },
  '/opd/layanan': { page: lazy(() => import('./pages/entry/LayananPage')), roles: WRITERS },
  '/opd/impor': { page: lazy(() => import('./pages/entry/ImportPage')), roles: WRITERS },
  '/opd/tindak-lanjut': { page: lazy(() => import('./pages/entry/TindakLanjutPage')), roles: EVERYONE },
  '/verifikasi': { page: lazy(() => import('./pages/verify/VerifyPage')), roles: ['admin', 'verifier'] },
  '/admin': { page: lazy(() => import('./pages/admin/AdminPage')), roles: ['admin'] },
  '/audit': { page: lazy(() => import('./pages/oversight/AuditPage')), roles: EVERYONE },
  '/kepatuhan': { page: lazy(() => import('./pages/oversight/KepatuhanPage')), roles: EVERYONE },
  '/spbe': { page: lazy(() => import('./pages/spbe/SpbePage')), roles: ['admin', 'verifier', 'executive'] },
  '/rapat': { page: lazy(() => import('./pages/meeting/MeetingsPage')), roles: MEETING_READERS },
};

const OfficeShell = lazy(() => import('./office/OfficeShell'));
/** /rapat/<id>/briefing: the A4 print view (and the PDF's source); matched before any /rapat/<id> route. */
const BriefingPage = lazy(() => import('./pages/briefing/BriefingPage'));

/** year and asOf from the URL when they are valid; anything else falls back to the server's "now". */
export function overviewInput(search: URLSearchParams): OverviewInput {
  const input: { year?: number; asOf?: string } = {};
  const year = Number(search.get('year'));
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) input.year = year;
  const asOf = search.get('asOf');
  if (asOf && isValidDate(asOf)) input.asOf = asOf;
  return Object.keys(input).length > 0 ? input : undefined;
}

export function normalisePath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

function NotFound() {
  const { locale } = useLocale();
  return (
    <main className="wall-page wall-page--center">
      <div className="wall-message" role="alert">
        <div className="wall-message-title">{t('app.notFound', locale)}</div>
      </div>
    </main>
  );
}

function OfficeLoading() {
  const { locale } = useLocale();
  return (
    <p role="status" style={{ padding: 24 }}>
      {t('app.loading', locale)}
    </p>
  );
}

export function App() {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    storeLocale(l);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const localeValue = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);

  const [location, setLocation] = useState(currentLocation);
  useEffect(() => {
    const onPop = () => setLocation(currentLocation());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const navigate = useCallback((to: string, opts?: { replace?: boolean }) => {
    if (opts?.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setLocation(currentLocation());
  }, []);
  const navigation = useMemo<Navigation>(() => ({ location, navigate }), [location, navigate]);

  const path = normalisePath(location.pathname);
  const wallInput = useMemo(() => overviewInput(location.search), [location.search]);
  const briefingId = briefingMeetingId(path);
  const office = officeRouteFor(path);
  const Screen = ROUTES[path] ?? NotFound;
  const pilarCode = path.startsWith(PILAR_PREFIX) ? path.slice(PILAR_PREFIX.length).toUpperCase() : null;
  return (
    <LocaleContext.Provider value={localeValue}>
      <NavigationContext.Provider value={navigation}>
        {briefingId !== null ? (
          <Suspense fallback={<OfficeLoading />}>
            <BriefingPage id={briefingId} />
          </Suspense>
        ) : office ? (
          <Suspense fallback={<OfficeLoading />}>
            <OfficeShell route={office} path={path} />
          </Suspense>
        ) : (
          <WallLiveProvider>
            <WallInputContext.Provider value={wallInput}>
              <Stage>
                {pilarCode && !ROUTES[path] ? (
                  <PilarWall search={location.search} code={pilarCode} />
                ) : (
                  <Screen search={location.search} />
                )}
              </Stage>
            </WallInputContext.Provider>
          </WallLiveProvider>
        )}
      </NavigationContext.Provider>
    </LocaleContext.Provider>
  );
}
