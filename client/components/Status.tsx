import type { Locale } from '../../shared/i18n';
import { t } from '../../shared/i18n';
import { type StatusColour, StatusIcon } from './StatusIcon';

/** A value in its status tone with the tone's icon; the word goes to screen readers and `title`. */
export function StatusValue({
  colour,
  locale,
  testId,
  children,
  className,
}: {
  colour: StatusColour;
  locale: Locale;
  testId?: string;
  children: string;
  className?: string;
}) {
  const word = t(`colour.${colour}`, locale);
  return (
    <span
      className={`status tone-${colour}${className ? ` ${className}` : ''}`}
      title={word}
      data-colour={colour}
    >
      <StatusIcon colour={colour} size={24} />
      <span data-testid={testId}>{children}</span>
      <span className="sr-only"> ({word})</span>
    </span>
  );
}
