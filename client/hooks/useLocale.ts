import { createContext, useContext } from 'react';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../shared/i18n';

const STORAGE_KEY = 'adiguna.locale';

export const LocaleContext = createContext<{ locale: Locale; setLocale: (l: Locale) => void }>({
  locale: DEFAULT_LOCALE,
  setLocale: () => {},
});

/** ?lang=en in the wall URL wins, then the last choice on this screen, then Indonesian. */
export function initialLocale(): Locale {
  const fromUrl = new URLSearchParams(window.location.search).get('lang');
  if (isLocale(fromUrl)) return fromUrl;
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be disabled on locked-down kiosks; the default is fine then.
  }
  return DEFAULT_LOCALE;
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // See initialLocale.
  }
}

export function useLocale() {
  return useContext(LocaleContext);
}
