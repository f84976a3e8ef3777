// One meeting follow-up on the OPD's page: what was asked, by which meeting, by when and how late,
// the latest report, a report form (status, progress %, text) and the history of reports. Same
// habits as the entry forms: the shared schema first, the version the operator saw, field errors
// beside the field, and a conflict shown with the follow-up as it stands now. Everything an OPD or
// a meeting wrote is rendered as text.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatDate, formatDateTimeWib, formatPct, formatTimeWib } from '../../../shared/format';
import { followUpReportInput } from '../../../shared/meetings';
import {
  describeError,
  fieldError,
  firstInvalid,
  issuesToFieldErrors,
  otherFieldMessages,
} from '../../forms/errors';
import { formatNumberInput, parseNumberInput } from '../../forms/number';
import { focusField, NumberField, SelectField, TextAreaField } from '../../office/fields';
import { useT } from '../../office/useT';
import { type RouterOutputs, useTRPC } from '../../trpc';
import { FollowUpHistory } from './FollowUpHistory';
import {
  type CardUi,
  type Draft,
  dueNote,
  EMPTY_UI,
  type FollowUp,
  STATE_KEY,
  STATE_TONE,
} from './followUpState';

const FIELDS = ['state', 'progressPct', 'text'] as const;
type Field = (typeof FIELDS)[number];

export function FollowUpCard({
  f,
  day,
  editable,
  ui,
  patch,
  onSaved,
}: {
  f: FollowUp;
  day: string;
  editable: boolean;
  ui: CardUi;
  patch: (p: Partial<CardUi>) => void;
  /** After a report went through: refetch the list, and the page says so. */
  onSaved: () => Promise<unknown>;
}) {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const report = useMutation(trpc.followUp.report.mutationOptions());
  const id = f.id;
  const fid = (field: Field) => `tl-${field}-${id}`;

  const fresh = (): Draft => ({
    state: f.state === 'selesai' ? 'selesai' : 'dalam_proses',
    progress: formatNumberInput(f.progressPct, locale),
    text: '',
    version: f.version,
  });
  const shown = ui.draft ?? fresh();
  const edit = (p: Partial<Omit<Draft, 'version'>>) =>
    patch({ draft: { ...shown, ...p }, savedAt: null, message: ui.conflict ? ui.message : null });

  const submit = (versionOverride?: number) => {
    const parsed = followUpReportInput.safeParse({
      id,
      state: shown.state,
      progressPct: shown.state === 'selesai' ? null : parseNumberInput(shown.progress, locale),
      text: shown.text,
      expectedVersion: versionOverride ?? shown.version,
    });
    if (!parsed.success) {
      const errors = issuesToFieldErrors(parsed.error.issues);
      patch({ errors, message: t('form.fixErrors'), savedAt: null });
      focusField(fid(firstInvalid(errors, FIELDS) ?? 'text'));
      return;
    }
    patch({ errors: {}, message: null });
    report.mutate(parsed.data, {
      onSuccess: async () => {
        patch({ ...EMPTY_UI, historyOpen: ui.historyOpen, savedAt: Date.now() });
        void queryClient.invalidateQueries({ queryKey: trpc.followUp.history.queryKey({ id }) });
        await onSaved();
      },
      onError: async (err) => {
        const info = describeError(err, t('error.network'));
        const bad = firstInvalid(info.fieldErrors, FIELDS);
        if (info.code !== 'CONFLICT') {
          patch({ errors: info.fieldErrors, message: info.message, conflict: null });
          if (bad) focusField(fid(bad));
          return;
        }
        // Someone reported first: show the follow-up as it stands now, keep what was typed.
        await onSaved();
        const now = queryClient
          .getQueriesData<RouterOutputs['followUp']['ofOpd']>({ queryKey: trpc.followUp.ofOpd.pathKey() })
          .flatMap(([, d]) => d?.items ?? [])
          .find((x) => x.id === id);
        void queryClient.invalidateQueries({ queryKey: trpc.followUp.history.queryKey({ id }) });
        patch({
          errors: info.fieldErrors,
          message: info.message,
          conflict: now ? { current: now, version: now.version } : null,
        });
      },
    });
  };

  const formOpen = editable && (f.state !== 'selesai' || ui.reopened || ui.draft !== null);
  const extra = otherFieldMessages(ui.errors, FIELDS);
  const current = ui.conflict?.current ?? null;

  return (
    <article
      className="card tl-card"
      data-testid={`tl-card-${id}`}
      data-state={f.state}
      aria-labelledby={`tl-${id}-h`}
    >
      <header className="tl-card-head">
        <h3 className="tl-card-text" id={`tl-${id}-h`} data-testid={`tl-text-${id}`}>
          {f.text}
        </h3>
        <span className={`pill pill--${STATE_TONE[f.state]}`} data-testid={`tl-state-${id}`}>
          {t(STATE_KEY[f.state])}
        </span>
      </header>
      <dl className="kv-list tl-facts">
        <div>
          <dt>{t('tl.meeting')}</dt>
          <dd data-testid={`tl-meeting-${id}`}>
            {t('tl.meetingValue', { title: f.meetingTitle, date: formatDate(f.meetingDate, locale) })}
          </dd>
        </div>
        {f.programmeName ? (
          <div>
            <dt>{t('tl.programme')}</dt>
            <dd>
              <span className="code">{f.programmeCode}</span> {f.programmeName}
            </dd>
          </div>
        ) : null}
        <div>
          <dt>{t('tl.dueLabel')}</dt>
          <dd>
            <span data-testid={`tl-due-${id}`}>{t('tl.due', { date: formatDate(f.dueDate, locale) })}</span>
            {' · '}
            <span
              className={f.state === 'terlambat' ? 'tl-late' : undefined}
              data-testid={`tl-due-note-${id}`}
            >
              {dueNote(f, day, t, locale)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('tl.lastReport')}</dt>
          <dd data-testid={`tl-last-${id}`}>
            {f.lastReport === null ? (
              <span className="muted">{t('tl.noReport')}</span>
            ) : (
              <>
                <span className="tl-last-meta">
                  {formatDateTimeWib(f.reportedAt ? Date.parse(f.reportedAt) : null, locale)}
                  {f.progressPct !== null
                    ? ` · ${t('tl.progressValue', { pct: formatPct(f.progressPct, 0, locale) })}`
                    : ''}
                </span>
                <span className="note-text tl-last-text">{f.lastReport}</span>
              </>
            )}
          </dd>
        </div>
      </dl>

      {ui.savedAt !== null ? (
        <p className="row-saved" role="status" data-testid={`tl-saved-${id}`}>
          {t('tl.saved', { time: formatTimeWib(ui.savedAt, locale) })}
        </p>
      ) : null}

      <div className="form-actions tl-card-actions">
        {editable && !formOpen ? (
          <button
            type="button"
            className="btn btn--small"
            onClick={() => patch({ reopened: true })}
            data-testid={`tl-reopen-${id}`}
          >
            {t('tl.form.reopen')}
          </button>
        ) : null}
        <button
          type="button"
          className="btn btn--small"
          aria-expanded={ui.historyOpen}
          aria-controls={`tl-history-box-${id}`}
          onClick={() => patch({ historyOpen: !ui.historyOpen })}
          data-testid={`tl-history-toggle-${id}`}
        >
          {ui.historyOpen ? t('tl.historyHide') : t('tl.historyShow')}
        </button>
      </div>
      {ui.historyOpen ? (
        <section className="tl-history-box" id={`tl-history-box-${id}`} aria-label={t('tl.history')}>
          <FollowUpHistory id={id} />
        </section>
      ) : null}
      {formOpen ? (
        <form
          className="tl-form"
          aria-label={t('tl.form.title')}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <h4 className="tl-form-title">{t('tl.form.title')}</h4>
          <div className="form-grid">
            <SelectField
              id={fid('state')}
              label={t('tl.form.state')}
              value={shown.state}
              onChange={(v) => edit({ state: v === 'selesai' ? 'selesai' : 'dalam_proses' })}
              options={(['dalam_proses', 'selesai'] as const).map((s) => ({
                value: s,
                label: t(STATE_KEY[s]),
              }))}
              error={fieldError(ui.errors, 'state')}
              testId={`tl-input-state-${id}`}
            />
            <NumberField
              id={fid('progressPct')}
              label={t('tl.form.progress')}
              value={shown.state === 'selesai' ? '100' : shown.progress}
              onChange={(v) => edit({ progress: v })}
              disabled={shown.state === 'selesai'}
              preview={(v) => formatPct(v, 0, locale)}
              hint={shown.state === 'selesai' ? t('tl.form.progressDone') : undefined}
              error={fieldError(ui.errors, 'progressPct')}
              testId={`tl-input-progress-${id}`}
            />
            <TextAreaField
              id={fid('text')}
              className="field--span2"
              label={t('tl.form.text')}
              hint={t('tl.form.textHint')}
              value={shown.text}
              onChange={(v) => edit({ text: v })}
              rows={3}
              maxLength={2000}
              required
              error={fieldError(ui.errors, 'text')}
              testId={`tl-input-text-${id}`}
            />
          </div>
          {ui.message || ui.conflict ? (
            <div
              className={`row-error ${ui.conflict ? 'row-error--conflict' : ''}`}
              role="alert"
              data-testid={`tl-error-${id}`}
            >
              <p>{ui.message}</p>
              {extra.length > 0 ? (
                <ul>
                  {extra.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              ) : null}
              {ui.conflict && current ? (
                <div className="conflict" data-testid={`tl-conflict-${id}`}>
                  <p>
                    {current.reportedAt
                      ? t('tl.conflictCurrent', {
                          state: t(STATE_KEY[current.state]),
                          progress: t('tl.progressValue', { pct: formatPct(current.progressPct, 0, locale) }),
                          when: formatDateTimeWib(Date.parse(current.reportedAt), locale),
                        })
                      : t('tl.conflictNoReport', { state: t(STATE_KEY[current.state]) })}
                  </p>
                  {current.lastReport ? (
                    <p>
                      {t('tl.conflictText')} <span className="note-text">{current.lastReport}</span>
                    </p>
                  ) : null}
                  <div className="form-actions">
                    <button
                      type="button"
                      className="btn btn--small"
                      onClick={() => patch({ ...EMPTY_UI, historyOpen: ui.historyOpen })}
                      data-testid={`tl-use-latest-${id}`}
                    >
                      {t('tl.conflictUseLatest')}
                    </button>
                    <button
                      type="button"
                      className="btn btn--small btn--primary"
                      onClick={() => submit(current.version)}
                      data-testid={`tl-keep-mine-${id}`}
                    >
                      {t('tl.conflictKeepMine')}
                    </button>
                  </div>
                </div>
              ) : null}
            </div>
          ) : null}
          <div className="form-actions">
            <button
              type="submit"
              className="btn btn--primary"
              disabled={report.isPending}
              data-testid={`tl-submit-${id}`}
            >
              {report.isPending ? t('state.saving') : t('tl.form.submit')}
            </button>
            {f.state === 'selesai' ? (
              <button
                type="button"
                className="btn"
                onClick={() => patch({ ...EMPTY_UI, historyOpen: ui.historyOpen })}
              >
                {t('action.cancel')}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
    </article>
  );
}
