// Which queries a committed change makes stale, by its topic: a saved realisation refetches the
// budget screens and the summary, not the SPBE screen. A topic not listed here (a rebuild, a
// resync after a long outage) refetches everything: being late is worse than refetching too much.

/** Query paths ('router.procedure') each topic of live.changes touches. */
export const TOPIC_QUERIES: Readonly<Record<string, readonly string[]>> = {
  budget: [
    'dashboard.overview',
    'dashboard.ticker',
    'budget.absorption',
    'masterplan.programmes',
    'masterplan.pillar',
    'compliance.byPeriod',
  ],
  masterplan: [
    'dashboard.overview',
    'dashboard.ticker',
    'masterplan.programmes',
    'masterplan.pillar',
    'compliance.byPeriod',
  ],
  services: ['dashboard.overview', 'dashboard.ticker', 'services.summary'],
  complaints: ['dashboard.overview', 'dashboard.ticker', 'services.summary'],
  ikm: ['dashboard.overview', 'services.summary'],
  spbe: ['dashboard.overview', 'spbe.results'],
  display: ['display.config'],
  meeting: ['meeting.list', 'meeting.get', 'meeting.view', 'display.config'],
  followup: [
    'followUp.board',
    'followUp.ofOpd',
    'followUp.history',
    'meeting.get',
    'meeting.view',
    'dashboard.ticker',
  ],
};

/** The query paths to refetch for a burst of topics, or 'all' when any topic is unknown. */
export function pathsForTopics(topics: Iterable<string>): Set<string> | 'all' {
  const paths = new Set<string>();
  for (const topic of topics) {
    const list = TOPIC_QUERIES[topic];
    if (!list) return 'all';
    for (const p of list) paths.add(p);
  }
  return paths;
}

/** 'router.procedure' of a tRPC react-query key ([['budget', 'absorption'], { input, type }]). */
export function queryPath(queryKey: readonly unknown[]): string | null {
  const head = queryKey[0];
  return Array.isArray(head) && head.every((s) => typeof s === 'string') ? head.join('.') : null;
}
