// /audit: the append-only trail: who changed what, when, from which value to which, why, and from
// where (manual, import, feed). Per OPD, or per figure. Every value is rendered as text: whatever
// an OPD typed stays inert.

import { skipToken, useQuery } from '@tanstack/react-query';
import { formatDateTimeWib, formatNumber } from '../../../shared/format';
import { auditChanges } from '../../forms/audit';
import { Link, pathWith } from '../../navigation';
import { SelectField, TextField } from '../../office/fields';
import type { OfficeKey } from '../../office/messages';
import { OpdPicker, useOpdChoice } from '../../office/OpdPicker';
import { ExportLinks, Notice, PageHeader, QueryStatus } from '../../office/ui';
import { intParam, useSearch } from '../../office/useSearch';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';

export const FIGURE_ENTITIES = [
  'budget_realisation',
  'programme_progress',
  'index_score',
  'service_record',
  'complaint',
  'ikm_survey',
] as const;
type FigureEntity = (typeof FIGURE_ENTITIES)[number];

const ENTITY_KEY: Record<string, OfficeKey> = {
  budget_realisation: 'audit.entity.budget_realisation',
  programme_progress: 'audit.entity.programme_progress',
  index_score: 'audit.entity.index_score',
  service_record: 'audit.entity.service_record',
  complaint: 'audit.entity.complaint',
  ikm_survey: 'audit.entity.ikm_survey',
  app_user: 'audit.entity.app_user',
  api_token: 'audit.entity.api_token',
  reporting_deadline: 'audit.entity.reporting_deadline',
  period_reopen: 'audit.entity.period_reopen',
};
const ACTION_KEY: Record<string, OfficeKey> = {
  insert: 'audit.action.insert',
  update: 'audit.action.update',
  delete: 'audit.action.delete',
  verify: 'audit.action.verify',
  return: 'audit.action.return',
  revoke: 'audit.action.revoke',
};
const SOURCE_KEY: Record<string, OfficeKey> = {
  manual: 'audit.source.manual',
  import: 'audit.source.import',
  feed: 'audit.source.feed',
};

/** An audit row (the server returns it untyped, so each field is checked). */
export interface AuditRow {
  id: number;
  at: string;
  entity: string | null;
  entityId: string | null;
  user: string | null;
  action: string;
  oldJson: unknown;
  newJson: unknown;
  reason: string | null;
  source: string | null;
}

const str = (v: unknown) => (typeof v === 'string' ? v : null);

export function toAuditRow(
  r: Record<string, unknown>,
  figure?: { entity: string; entityId: string },
): AuditRow {
  return {
    id: typeof r.id === 'number' ? r.id : 0,
    at: str(r.at) ?? '',
    entity: str(r.entity) ?? figure?.entity ?? null,
    entityId:
      str(r.entityId) ?? (typeof r.entityId === 'number' ? String(r.entityId) : (figure?.entityId ?? null)),
    user: str(r.displayName) ?? str(r.username),
    action: str(r.action) ?? '',
    oldJson: r.oldJson,
    newJson: r.newJson,
    reason: str(r.reason),
    source: str(r.source),
  };
}

function isFigureEntity(v: string | null): v is FigureEntity {
  return v !== null && (FIGURE_ENTITIES as readonly string[]).includes(v);
}

function AuditTable({ rows, showEntity }: { rows: AuditRow[]; showEntity: boolean }) {
  const { t, locale } = useT();
  return (
    <div className="table-wrap">
      <table className="table table--audit" data-testid="audit-table">
        <caption className="table-caption">
          {t('audit.count', { n: formatNumber(rows.length, 0, locale) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.time')}</th>
            <th scope="col">{t('audit.user')}</th>
            <th scope="col">{t('audit.action')}</th>
            {showEntity ? <th scope="col">{t('audit.data')}</th> : null}
            <th scope="col">{t('audit.change')}</th>
            <th scope="col">{t('audit.reason')}</th>
            <th scope="col">{t('audit.source')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const ms = Date.parse(r.at);
            const changes = auditChanges(r.oldJson, r.newJson, locale);
            const entityKey = r.entity ? ENTITY_KEY[r.entity] : undefined;
            const actionKey = ACTION_KEY[r.action];
            const sourceKey = r.source ? SOURCE_KEY[r.source] : undefined;
            return (
              <tr key={r.id} data-testid="audit-row">
                <td className="nowrap">{Number.isNaN(ms) ? r.at : formatDateTimeWib(ms, locale)}</td>
                <td>{r.user ?? t('audit.system')}</td>
                <td>{actionKey ? t(actionKey) : r.action}</td>
                {showEntity ? (
                  <td>
                    <div>{entityKey ? t(entityKey) : r.entity}</div>
                    {r.entityId ? (
                      isFigureEntity(r.entity) ? (
                        <Link to={pathWith('/audit', { entity: r.entity, id: r.entityId })} className="code">
                          {r.entityId}
                        </Link>
                      ) : (
                        <span className="code">{r.entityId}</span>
                      )
                    ) : null}
                  </td>
                ) : null}
                <td>
                  <ul className="changes" data-testid="audit-change">
                    {changes.map((c) => (
                      <li key={c.field}>
                        {c.field ? <span className="change-field">{c.field}: </span> : null}
                        <span className="change-old">{c.before}</span>
                        <span aria-hidden="true"> → </span>
                        <span className="sr-only"> {t('audit.to')} </span>
                        <span className="change-new">{c.after}</span>
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="note-text">{r.reason ?? '—'}</td>
                <td>{sourceKey ? t(sourceKey) : (r.source ?? '—')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export default function AuditPage() {
  const { t } = useT();
  const trpc = useTRPC();
  const [search, setSearch] = useSearch();
  const choice = useOpdChoice();
  const entityParam = search.get('entity');
  const figureMode = entityParam !== null;
  const entity: FigureEntity = isFigureEntity(entityParam) ? entityParam : 'budget_realisation';
  const figureId = (search.get('id') ?? '').trim();
  const figureReady = figureMode && figureId !== '';
  const limit = intParam(search.get('limit'), 1, 1000) ?? 200;

  const opdQ = useQuery(
    trpc.audit.byOpd.queryOptions(!figureMode && choice.code ? { opdCode: choice.code, limit } : skipToken),
  );
  const figQ = useQuery(
    trpc.audit.byFigure.queryOptions(figureReady ? { entity, entityId: figureId } : skipToken),
  );
  const q = figureMode ? figQ : opdQ;
  const waiting = figureMode ? figureReady : !!choice.code;
  const rows = (q.data ?? []).map((r) =>
    toAuditRow(r, figureMode ? { entity, entityId: figureId } : undefined),
  );

  return (
    <>
      <PageHeader title={t('audit.title')} lead={t('audit.lead')}>
        {!figureMode ? (
          <ExportLinks table="audit" params={{ opd: choice.code }} disabled={!choice.code} />
        ) : null}
      </PageHeader>
      <fieldset className="segmented">
        <legend className="sr-only">{t('audit.mode')}</legend>
        <button
          type="button"
          className="btn"
          aria-pressed={!figureMode}
          onClick={() => setSearch({ entity: null, id: null })}
          data-testid="audit-mode-opd"
        >
          {t('audit.byOpd')}
        </button>
        <button
          type="button"
          className="btn"
          aria-pressed={figureMode}
          onClick={() => setSearch({ entity, id: figureId || null })}
          data-testid="audit-mode-figure"
        >
          {t('audit.byFigure')}
        </button>
      </fieldset>

      {figureMode ? (
        <form className="toolbar" onSubmit={(e) => e.preventDefault()} aria-label={t('audit.byFigure')}>
          <SelectField
            id="audit-entity"
            label={t('audit.entity')}
            value={entity}
            onChange={(v) => setSearch({ entity: v })}
            options={FIGURE_ENTITIES.map((e) => ({ value: e, label: t(ENTITY_KEY[e] ?? 'audit.data') }))}
            testId="audit-entity"
          />
          <TextField
            id="audit-entity-id"
            label={t('audit.entityId')}
            hint={t('audit.entityIdHint')}
            value={search.get('id') ?? ''}
            onChange={(v) => setSearch({ id: v })}
            testId="audit-entity-id"
          />
        </form>
      ) : (
        <form className="toolbar" onSubmit={(e) => e.preventDefault()} aria-label={t('audit.byOpd')}>
          <OpdPicker choice={choice} id="audit-opd" />
          <SelectField
            id="audit-limit"
            label={t('audit.limit')}
            value={String(limit)}
            onChange={(v) => setSearch({ limit: v })}
            options={['100', '200', '500', '1000'].map((v) => ({ value: v, label: v }))}
          />
        </form>
      )}

      {!figureMode && !choice.code ? <Notice tone="info">{t('opd.pickFirst')}</Notice> : null}
      <QueryStatus isPending={q.isPending && waiting} error={q.error} onRetry={() => void q.refetch()} />
      {q.data && rows.length === 0 ? (
        <Notice tone="info" testId="audit-empty">
          {t('audit.empty')}
        </Notice>
      ) : null}
      {rows.length > 0 ? <AuditTable rows={rows} showEntity={!figureMode} /> : null}
    </>
  );
}
