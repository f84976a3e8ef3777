import { useCallback } from 'react';
import { interpolate } from '../../shared/i18n';
import { useLocale } from '../hooks/useLocale';
import { type OfficeKey, officeMessages } from './messages';

export type TFn = (key: OfficeKey, params?: Record<string, string | number>) => string;

/** Office words in the current language; numbers in params must already be formatted text or counts. */
export function useT() {
  const { locale, setLocale } = useLocale();
  const t = useCallback<TFn>(
    (key, params) =>
      interpolate(
        officeMessages[locale][key],
        params && Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
      ),
    [locale],
  );
  return { t, locale, setLocale };
}
