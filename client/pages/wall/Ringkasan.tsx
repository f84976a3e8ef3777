// "Ringkasan Eksekutif": the executive summary wall. One query (dashboard.overview) feeds every
// tile. The page never goes blank (the wall frame keeps the last data with a "terputus" badge when
// the server drops, a skeleton while loading, a plain message when nothing came yet).

import { t } from '../../../shared/i18n';
import { FreshnessLine, TileSkeleton } from '../../components/Tile';
import { WallFrame } from '../../components/WallFrame';
import { useDisconnectedSince } from '../../hooks/useDisconnectedSince';
import { useLocale } from '../../hooks/useLocale';
import { useNow } from '../../hooks/useNow';
import { useOverview } from '../../hooks/useOverview';
import type { OverviewData, OverviewInput } from '../../trpc';
import { AlertsTile } from './ringkasan/AlertsTile';
import { BudgetTile } from './ringkasan/BudgetTile';
import { PillarTile } from './ringkasan/PillarTile';
import { ServicesTile } from './ringkasan/ServicesTile';
import { SpbeTile } from './ringkasan/SpbeTile';

const PILLAR_SLOTS = 6;

function Body({ data }: { data: OverviewData }) {
  const { locale } = useLocale();
  const now = useNow();
  const alertsFreshness = {
    period: data.asOf.slice(0, 7),
    updatedAt: data.generatedAt,
    source: t('alerts.source', locale),
    demo: data.demo,
  };
  return (
    <>
      <section className="row-pillars" data-testid="pillars">
        <div className="pillar-tiles">
          {data.pillars.items.map((p) => (
            <PillarTile key={p.code} pillar={p} now={now} locale={locale} />
          ))}
        </div>
        <FreshnessLine name="pillars" freshness={data.pillars.freshness} now={now} locale={locale} />
      </section>
      <div className="row-main">
        <BudgetTile budget={data.budget} year={data.year} now={now} locale={locale} />
        <SpbeTile spbe={data.spbe} now={now} locale={locale} />
        <ServicesTile
          services={data.services}
          complaints={data.complaints}
          ikm={data.ikm}
          now={now}
          locale={locale}
        />
      </div>
      <AlertsTile
        alerts={data.alerts}
        redZone={data.budget.redZone}
        freshness={alertsFreshness}
        now={now}
        locale={locale}
      />
    </>
  );
}

function Skeleton() {
  const { locale } = useLocale();
  return (
    <>
      <div className="row-pillars">
        <div className="pillar-tiles">
          {Array.from({ length: PILLAR_SLOTS }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
            <TileSkeleton key={i} title="" className="tile--pillar" lines={2} />
          ))}
        </div>
      </div>
      <div className="row-main">
        <TileSkeleton title={t('budget.title', locale)} className="tile--budget" />
        <TileSkeleton title={t('spbe.title', locale)} className="tile--spbe" />
        <TileSkeleton title={t('services.title', locale)} className="tile--services" />
      </div>
      <TileSkeleton title={t('alerts.title', locale)} className="tile--alerts" lines={1} />
    </>
  );
}

export function RingkasanPage({ input }: { input?: OverviewInput }) {
  const { locale } = useLocale();
  const query = useOverview(input);
  const failingSince = useDisconnectedSince(query);
  const data = query.data;
  return (
    <WallFrame
      name="ringkasan"
      title={t('app.title', locale)}
      meta={data ? { year: data.year, asOf: data.asOf, demo: data.demo } : null}
      queryFailingSince={failingSince}
      skeleton={<Skeleton />}
    >
      {data ? <Body data={data} /> : null}
    </WallFrame>
  );
}
