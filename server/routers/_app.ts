// The root router only composes the domain routers and exports AppRouter for the client's types.
import { publicProcedure, router } from '../trpc';
import { dashboardRouter } from './dashboard';
import { budgetRouter, masterplanRouter, servicesRouter, spbeRouter } from './families';
import { liveRouter } from './live';
import { referenceRouter } from './reference';

export const appRouter = router({
  dashboard: dashboardRouter,
  masterplan: masterplanRouter,
  budget: budgetRouter,
  spbe: spbeRouter,
  services: servicesRouter,
  reference: referenceRouter,
  live: liveRouter,
  system: router({
    /** The running build: a wall screen reloads itself when this changes. */
    version: publicProcedure.query(({ ctx }) => ({ buildId: ctx.buildId })),
  }),
});

export type AppRouter = typeof appRouter;
