import { formatIndex } from '../../../shared/format';
import { type Locale, t } from '../../../shared/i18n';
import type { RouterOutputs } from '../../trpc';

type Latest = RouterOutputs['dashboard']['overview']['spbe']['latest'];

/** The SPBE index as walls show it: the figure, its predikat, and which assessment it is. */
export function SpbeHeadline({ latest, locale }: { latest: Latest; locale: Locale }) {
  return (
    <>
      <div className="figure figure--xl" data-testid="value-spbe-index">
        {formatIndex(latest?.index ?? null, locale)}
      </div>
      <div className="spbe-meta">
        <div className="spbe-predikat" data-testid="value-spbe-predikat">
          {latest?.predikat ?? t('spbe.none', locale)}
        </div>
        {latest ? (
          <div className="muted" data-testid="value-spbe-kind">
            {t(`spbe.kind.${latest.kind}`, locale, { year: String(latest.year) })}
          </div>
        ) : null}
      </div>
    </>
  );
}
