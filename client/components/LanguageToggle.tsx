// The ID | EN switch, one component for the walls and the office pages (each passes its own
// look and its own label, since their strings live in different message tables).
import { LOCALES } from '../../shared/i18n';
import { useLocale } from '../hooks/useLocale';

export function LanguageToggle({
  label,
  className,
  buttonClassName,
}: {
  /** Accessible name of the group ("Bahasa"). */
  label: string;
  className: string;
  buttonClassName: string;
}) {
  const { locale, setLocale } = useLocale();
  return (
    <fieldset className={className}>
      <legend className="sr-only">{label}</legend>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          className={buttonClassName}
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
