import { wibParts } from '../../shared/time';
import {
  complaintCodes,
  listHolidays,
  listIkmElements,
  listKecamatan,
  listOpds,
  listPillars,
  listServiceTypes,
} from '../db/queries/reference';
import { publicProcedure, router } from '../trpc';

export const referenceRouter = router({
  opds: publicProcedure.query(({ ctx }) => listOpds(ctx.db)),
  kecamatan: publicProcedure.query(({ ctx }) => listKecamatan(ctx.db)),
  pillars: publicProcedure.query(({ ctx }) => listPillars(ctx.db, wibParts(ctx.clock()).year)),
  holidays: publicProcedure.query(({ ctx }) => listHolidays(ctx.db)),
  services: publicProcedure.query(({ ctx }) => listServiceTypes(ctx.db)),
  complaintCodes: publicProcedure.query(({ ctx }) => complaintCodes(ctx.db)),
  ikmElements: publicProcedure.query(({ ctx }) => listIkmElements(ctx.db)),
});
