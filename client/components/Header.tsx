import { DAYS_EN, DAYS_ID, formatClockWib, formatDate, formatTimeWib } from '../../shared/format';
import { LOCALES, type Locale, t } from '../../shared/i18n';
import { wibParts } from '../../shared/time';
import { useLocale } from '../hooks/useLocale';
import { useNow } from '../hooks/useNow';

interface HeaderProps {
  loading: boolean;
  year: number | null;
  asOf: string | null;
  demo: boolean;
  disconnectedSince: number | null;
}

function Clock({ locale }: { locale: Locale }) {
  const now = useNow();
  const weekday = (locale === 'en' ? DAYS_EN : DAYS_ID)[wibParts(now).weekday];
  return (
    <div className="clock" data-testid="clock">
      <div className="clock-time">
        <span data-testid="clock-time">{formatClockWib(now, locale)}</span>
        <span className="clock-zone"> WIB</span>
      </div>
      <div className="clock-date" data-testid="clock-date">
        {weekday}, {formatDate(now, locale)}
      </div>
    </div>
  );
}

function LanguageToggle() {
  const { locale, setLocale } = useLocale();
  return (
    <fieldset className="lang-toggle" aria-label={t('header.lang', locale)}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          className="lang-option"
          aria-pressed={l === locale}
          data-testid={`lang-${l}`}
          onClick={() => setLocale(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </fieldset>
  );
}

export function Header({ loading, year, asOf, demo, disconnectedSince }: HeaderProps) {
  const { locale } = useLocale();
  return (
    <header className="wall-header">
      <div className="wall-heading">
        <h1 className="wall-title">
          {t('app.title', locale)}
          <span className="wall-title-sep"> · </span>
          <span className="wall-subtitle">{t('app.subtitle', locale)}</span>
        </h1>
        <div className="wall-meta">
          {loading ? <span data-testid="header-loading">{t('app.loading', locale)}</span> : null}
          {year !== null ? (
            <span data-testid="header-year">{t('header.year', locale, { year: String(year) })}</span>
          ) : null}
          {asOf !== null ? (
            <span data-testid="header-asof">
              {t('header.asOf', locale, { date: formatDate(asOf, locale) })}
            </span>
          ) : null}
          {demo ? (
            <span className="badge badge-demo" data-testid="badge-demo">
              {t('badge.demo', locale)}
            </span>
          ) : null}
          {disconnectedSince !== null ? (
            <span className="badge badge-disconnected" data-testid="badge-disconnected" role="status">
              {t('badge.disconnected', locale, { time: formatTimeWib(disconnectedSince, locale) })}
            </span>
          ) : null}
        </div>
      </div>
      <div className="wall-header-right">
        <LanguageToggle />
        <Clock locale={locale} />
      </div>
    </header>
  );
}
