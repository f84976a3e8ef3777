-- 0007 indexes the verification queue and the "returned to you" list can use. 0002's partial
-- indexes (WHERE verification <> 'verified') were never chosen: SQLite uses a partial index only
-- when the query's WHERE implies the index's, and `verification = 'submitted'` does not imply
-- `<> 'verified'` to its planner. So the verifier's queue scanned and sorted every realisation
-- (245 ms at `stress`, found by `npm run bench`'s procedure sweep) and every OPD home page scanned
-- them for returned figures (201 ms). (verification, entered_at) serves both: an equality range,
-- already in the queue's order.
DROP INDEX IF EXISTS budget_realisation_verification;
DROP INDEX IF EXISTS programme_progress_verification;
CREATE INDEX budget_realisation_state ON budget_realisation(verification, entered_at);
CREATE INDEX programme_progress_state ON programme_progress(verification, entered_at);
