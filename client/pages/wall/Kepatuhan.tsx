// "Kepatuhan Pelaporan": which OPDs sent last month's budget realisation by the deadline, late, or
// not at all. "Last month" is the month before the server's as-of date (budget.absorption gives it,
// and whether the figures are sample data); compliance.byPeriod gives the states.

import { formatDate, formatNumber, formatPeriod } from '../../../shared/format';
import { type Locale, t } from '../../../shared/i18n';
import { type StatusColour, StatusIcon } from '../../components/StatusIcon';
import { Tile, type TileFreshness } from '../../components/Tile';
import { useBudgetAbsorption } from '../../hooks/useBudgetAbsorption';
import { useCompliance } from '../../hooks/useCompliance';
import { useLocale } from '../../hooks/useLocale';
import { useNow } from '../../hooks/useNow';
import type { OverviewInput, RouterOutputs } from '../../trpc';
import { previousMonth } from './period';
import { WallScreen } from './screen/WallScreen';

type Compliance = RouterOutputs['compliance']['byPeriod'];
type State = Compliance['rows'][number]['state'];

export const STATES: readonly { state: State; colour: StatusColour }[] = [
  { state: 'tepat_waktu', colour: 'hijau' },
  { state: 'terlambat', colour: 'kuning' },
  { state: 'belum_melapor', colour: 'merah' },
  { state: 'belum', colour: 'abu' },
];

export { previousMonth };

function StateTile({
  state,
  colour,
  data,
  freshness,
  focus,
  now,
  locale,
}: {
  /** The OPD the screen is narrowed to, marked wherever it stands. */
  focus?: string;
  state: State;
  colour: StatusColour;
  data: Compliance;
  freshness: TileFreshness;
  now: number;
  locale: Locale;
}) {
  const rows = data.rows.filter((r) => r.state === state).sort((a, b) => a.opdName.localeCompare(b.opdName));
  return (
    <Tile
      name={`kepatuhan-${state}`}
      className={`tile--k-state edge-${colour}`}
      title={
        <span className={`k-title tone-${colour}`}>
          <StatusIcon colour={colour} size={28} />
          {t(`wall.kepatuhan.state.${state}`, locale)}
        </span>
      }
      freshness={freshness}
      now={now}
      locale={locale}
    >
      <div className={`k-count tone-${colour}`} data-testid={`value-kepatuhan-${state}`}>
        {t('wall.kepatuhan.count', locale, { n: formatNumber(rows.length, 0, locale) })}
      </div>
      {rows.length === 0 ? (
        <div className="empty-note">{t('wall.kepatuhan.none', locale)}</div>
      ) : (
        <ul className="k-names">
          {rows.map((r) => (
            <li
              key={r.opdCode}
              data-testid={`kepatuhan-opd-${r.opdCode}`}
              className={r.opdCode === focus ? 'is-focus' : undefined}
            >
              {r.opdName}
            </li>
          ))}
        </ul>
      )}
    </Tile>
  );
}

function Body({ data, demo, focus }: { data: Compliance; demo: boolean; focus?: string }) {
  const { locale } = useLocale();
  const now = useNow();
  const updatedAt = data.rows.reduce<string | null>(
    (last, r) => (r.lastAt !== null && (last === null || r.lastAt > last) ? r.lastAt : last),
    null,
  );
  const freshness: TileFreshness = {
    period: data.period,
    updatedAt,
    source: t('wall.kepatuhan.source', locale),
    demo,
  };
  return (
    <>
      <div className="k-caption" data-testid="kepatuhan-caption">
        {t('wall.kepatuhan.family', locale, { period: formatPeriod(data.period, locale) })} ·{' '}
        {t('wall.kepatuhan.deadline', locale, { date: formatDate(Date.parse(data.deadline), locale) })}
      </div>
      <div className="k-states">
        {STATES.map((s) => (
          <StateTile
            key={s.state}
            state={s.state}
            colour={s.colour}
            data={data}
            freshness={freshness}
            focus={focus}
            now={now}
            locale={locale}
          />
        ))}
      </div>
    </>
  );
}

export default function KepatuhanPage({ input, opdCode }: { input?: OverviewInput; opdCode?: string }) {
  const { locale } = useLocale();
  const budget = useBudgetAbsorption(input);
  const period = budget.data ? previousMonth(budget.data.asOf) : null;
  const compliance = useCompliance('budget', period);
  const focusName = compliance.data?.rows.find((r) => r.opdCode === opdCode)?.opdName;
  const query = {
    data: compliance.data,
    failureCount: Math.max(budget.failureCount, compliance.failureCount),
    isError: budget.isError || compliance.isError,
  };
  return (
    <WallScreen
      name="kepatuhan"
      title={
        focusName ? `${t('wall.kepatuhan.title', locale)} · ${focusName}` : t('wall.kepatuhan.title', locale)
      }
      query={query}
      meta={() => ({
        year: budget.data?.year ?? 0,
        asOf: budget.data?.asOf,
        demo: budget.data?.freshness.demo ?? false,
      })}
      skeleton={['k-caption', 'k-states']}
    >
      {(data) => <Body data={data} demo={budget.data?.freshness.demo ?? false} focus={opdCode} />}
    </WallScreen>
  );
}
