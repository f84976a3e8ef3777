// The root router only composes the domain routers and exports AppRouter for the client's types.
import { publicProcedure, router } from '../trpc';
import { adminRouter } from './admin';
import { authRouter } from './auth';
import { dashboardRouter } from './dashboard';
import { displaysRouter } from './displays';
import { entryRouter } from './entry';
import { budgetRouter, masterplanRouter, servicesRouter, spbeRouter } from './families';
import { liveRouter } from './live';
import { followUpRouter, meetingRouter } from './meetings';
import { auditRouter, complianceRouter } from './oversight';
import { referenceRouter } from './reference';
import { verifyRouter } from './verify';

export const appRouter = router({
  dashboard: dashboardRouter,
  masterplan: masterplanRouter,
  budget: budgetRouter,
  spbe: spbeRouter,
  services: servicesRouter,
  reference: referenceRouter,
  live: liveRouter,
  auth: authRouter,
  entry: entryRouter,
  verify: verifyRouter,
  audit: auditRouter,
  compliance: complianceRouter,
  admin: adminRouter,
  display: displaysRouter,
  meeting: meetingRouter,
  followUp: followUpRouter,
  system: router({
    /** The running build: a wall screen reloads itself when this changes. */
    version: publicProcedure.query(({ ctx }) => ({ buildId: ctx.buildId })),
  }),
});

export type AppRouter = typeof appRouter;
