// The route table, in one screen. Routing is by location.pathname only: walls load one URL and
// stay there. Query parameters: ?year=2025&asOf=2025-10-31 freeze the figures, ?lang=en switches language.

import { type ComponentType, useCallback, useEffect, useMemo, useState } from 'react';
import { type Locale, t } from '../shared/i18n';
import { isValidDate } from '../shared/time';
import { initialLocale, LocaleContext, storeLocale, useLocale } from './hooks/useLocale';
import { RingkasanPage } from './pages/wall/Ringkasan';
import type { OverviewInput } from './trpc';

interface RouteProps {
  search: URLSearchParams;
}

function Ringkasan({ search }: RouteProps) {
  const input = useMemo(() => overviewInput(search), [search]);
  return <RingkasanPage input={input} />;
}

export const ROUTES: Record<string, ComponentType<RouteProps>> = {
  '/': Ringkasan,
  '/wall/ringkasan': Ringkasan,
};

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
  const search = useMemo(() => new URLSearchParams(window.location.search), []);
  const Screen = ROUTES[normalisePath(window.location.pathname)] ?? NotFound;
  return (
    <LocaleContext.Provider value={localeValue}>
      <Screen search={search} />
    </LocaleContext.Provider>
  );
}
