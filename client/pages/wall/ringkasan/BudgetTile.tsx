import { useMemo } from 'react';
import { formatPct, formatPoin, formatRupiahShort } from '../../../../shared/format';
import { type Locale, t } from '../../../../shared/i18n';
import { LazyEChart as EChart } from '../../../charts/LazyEChart';
import { sCurveOption } from '../../../charts/sCurveOption';
import { StatusValue } from '../../../components/Status';
import { Tile } from '../../../components/Tile';
import type { OverviewData } from '../../../trpc';

export function BudgetTile({
  budget,
  year,
  now,
  locale,
}: {
  budget: OverviewData['budget'];
  year: number;
  now: number;
  locale: Locale;
}) {
  const { total } = budget;
  const option = useMemo(
    () => sCurveOption(budget.sCurve, locale, budget.asOfMonth),
    [budget.sCurve, budget.asOfMonth, locale],
  );
  return (
    <Tile
      name="budget"
      className="tile--budget"
      title={t('budget.title', locale)}
      aside={
        <span className="tile-tag">
          {t(`budget.stage.${budget.stage}`, locale)} · {t('header.year', locale, { year: String(year) })}
        </span>
      }
      freshness={budget.freshness}
      now={now}
      locale={locale}
    >
      <div className="budget-layout">
        <div className="budget-figures">
          <div className="kpi-label">{t('budget.serapan', locale)}</div>
          <div className="figure figure--xl" data-testid="value-budget-serapan">
            {formatPct(total.serapanPct, 2, locale)}
          </div>
          <dl className="kv">
            <dt>{t('budget.target', locale)}</dt>
            <dd data-testid="value-budget-target">{formatPct(total.targetKeuPct, 2, locale)}</dd>
            <dt>{t('budget.deviasi', locale)}</dt>
            <dd>
              <StatusValue colour={total.colour} locale={locale} testId="value-budget-deviasi">
                {formatPoin(total.deviasiKeuPoin, 2, locale)}
              </StatusValue>
            </dd>
            <dt>{t('budget.pagu', locale)}</dt>
            <dd data-testid="value-budget-pagu">{formatRupiahShort(total.paguRp, locale)}</dd>
            <dt>{t('budget.fisikLabel', locale)}</dt>
            <dd>
              <span data-testid="value-budget-fisik">{formatPct(total.fisikPct, 2, locale)}</span>
              <span className="kv-note" data-testid="value-budget-fisik-deviasi">
                {formatPoin(total.deviasiFisPoin, 1, locale)}
              </span>
            </dd>
          </dl>
        </div>
        <EChart
          option={option}
          testId="chart-budget-scurve"
          className="chart-budget-scurve"
          label={t('budget.title', locale)}
        />
      </div>
    </Tile>
  );
}
