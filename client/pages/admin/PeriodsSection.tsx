// Reporting deadlines and reopening: move a period's deadline for everyone, or reopen a locked
// period for one OPD until a time, with the reason (both audited). Times are WIB.

import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatDateTimeWib } from '../../../shared/format';
import { type FieldErrors, fieldError } from '../../forms/errors';
import { previousMonth, validPeriod, wibLocalToIso, wibLocalValue } from '../../forms/wib';
import { SelectField, TextAreaField, TextField } from '../../office/fields';
import { Notice } from '../../office/ui';
import { useFormFeedback } from '../../office/useFormFeedback';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';

type Family = 'budget' | 'masterplan';

/** The family and the month, as both forms ask them: ids and test ids `${prefix}-family`, `${prefix}-period`. */
function FamilyPeriodFields({
  prefix,
  family,
  onFamily,
  period,
  onPeriod,
  error,
}: {
  prefix: string;
  family: Family;
  onFamily: (family: Family) => void;
  period: string;
  onPeriod: (period: string) => void;
  error: string | undefined;
}) {
  const { t } = useT();
  return (
    <>
      <SelectField
        id={`${prefix}-family`}
        label={t('field.family')}
        value={family}
        onChange={(v) => onFamily(v === 'masterplan' ? 'masterplan' : 'budget')}
        options={[
          { value: 'budget', label: t('family.budget') },
          { value: 'masterplan', label: t('family.masterplan') },
        ]}
        testId={`${prefix}-family`}
      />
      <TextField
        id={`${prefix}-period`}
        type="month"
        label={t('field.period')}
        value={period}
        onChange={onPeriod}
        error={error}
        testId={`${prefix}-period`}
        required
      />
    </>
  );
}

function SetDeadline() {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const [now] = useState(Date.now);
  const [family, setFamily] = useState<Family>('budget');
  const [period, setPeriod] = useState(previousMonth(now).period);
  const [deadlineAt, setDeadlineAt] = useState('');
  const feedback = useFormFeedback(['family', 'period', 'deadlineAt'] as const, (f) => `deadline-${f}`);
  const { errors, message, extra } = feedback;
  const [done, setDone] = useState<string | null>(null);
  const current = useQuery(
    trpc.compliance.byPeriod.queryOptions({ family, period }, { enabled: validPeriod(period) !== null }),
  );
  const save = useMutation(trpc.admin.setDeadline.mutationOptions());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    feedback.setMessage(null);
    setDone(null);
    const iso = wibLocalToIso(deadlineAt);
    const errs: FieldErrors = {};
    if (!validPeriod(period)) errs.period = [t('form.requiredField')];
    if (!iso) errs.deadlineAt = [t('form.requiredField')];
    if (!iso || !validPeriod(period)) return feedback.invalid(errs, { fallback: 'period' });
    feedback.setErrors({});
    save.mutate(
      { family, period, deadlineAt: iso },
      {
        onSuccess: () => {
          setDone(t('admin.deadlineSaved'));
          void current.refetch();
        },
        // A refused deadline moves no focus.
        onError: (err) => feedback.refused(err, { focus: false }),
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="card" aria-labelledby="deadline-h">
      <h3 className="card-title" id="deadline-h">
        {t('admin.deadlineTitle')}
      </h3>
      <div className="form-grid">
        <FamilyPeriodFields
          prefix="deadline"
          family={family}
          onFamily={setFamily}
          period={period}
          onPeriod={setPeriod}
          error={fieldError(errors, 'period')}
        />
        <TextField
          id="deadline-deadlineAt"
          type="datetime-local"
          label={t('admin.deadlineAt')}
          hint={
            current.data
              ? t('admin.deadlineCurrent', {
                  time: formatDateTimeWib(Date.parse(current.data.deadline), locale),
                })
              : undefined
          }
          value={deadlineAt}
          onChange={setDeadlineAt}
          error={fieldError(errors, 'deadlineAt')}
          testId="deadline-at"
          required
        />
      </div>
      <p className="field-hint">{t('form.wibNote')}</p>
      {message ? (
        <Notice tone="error" live="assertive">
          <p>{message}</p>
          {extra.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </Notice>
      ) : null}
      {done ? (
        <Notice tone="success" live="polite" testId="deadline-result">
          {done}
        </Notice>
      ) : null}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={save.isPending}
          data-testid="deadline-submit"
        >
          {t('admin.deadlineSubmit')}
        </button>
      </div>
    </form>
  );
}

function ReopenPeriod() {
  const { t } = useT();
  const trpc = useTRPC();
  const opds = useQuery({ ...trpc.reference.opds.queryOptions(), staleTime: 10 * 60_000 });
  const [now] = useState(Date.now);
  const [family, setFamily] = useState<Family>('budget');
  const [period, setPeriod] = useState(previousMonth(now).period);
  const [opdCode, setOpdCode] = useState('');
  const [untilAt, setUntilAt] = useState(() => wibLocalValue(now + 3 * 24 * 3600_000));
  const [reason, setReason] = useState('');
  const feedback = useFormFeedback(
    ['family', 'period', 'opdCode', 'untilAt', 'reason'] as const,
    (f) => `reopen-${f}`,
  );
  const { errors, message, extra } = feedback;
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation(trpc.admin.reopenPeriod.mutationOptions());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    feedback.setMessage(null);
    setDone(null);
    const iso = wibLocalToIso(untilAt);
    const errs: FieldErrors = {};
    if (!validPeriod(period)) errs.period = [t('form.requiredField')];
    if (!opdCode) errs.opdCode = [t('form.requiredField')];
    if (!iso) errs.untilAt = [t('form.requiredField')];
    if (reason.trim().length < 5) errs.reason = [t('admin.reasonMin')];
    if (Object.keys(errs).length > 0 || !iso) return feedback.invalid(errs, { fallback: 'period' });
    feedback.setErrors({});
    save.mutate(
      { family, period, opdCode, untilAt: iso, reason: reason.trim() },
      {
        onSuccess: () => {
          setDone(t('admin.reopenSaved', { opd: opdCode }));
          setReason('');
        },
        onError: (err) => feedback.refused(err),
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="card" aria-labelledby="reopen-h">
      <h3 className="card-title" id="reopen-h">
        {t('admin.reopenTitle')}
      </h3>
      <div className="form-grid">
        <FamilyPeriodFields
          prefix="reopen"
          family={family}
          onFamily={setFamily}
          period={period}
          onPeriod={setPeriod}
          error={fieldError(errors, 'period')}
        />
        <SelectField
          id="reopen-opdCode"
          label={t('field.opd')}
          value={opdCode}
          onChange={setOpdCode}
          placeholder={t('form.choose')}
          options={(opds.data ?? []).map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))}
          error={fieldError(errors, 'opdCode')}
          testId="reopen-opd"
          required
        />
        <TextField
          id="reopen-untilAt"
          type="datetime-local"
          label={t('admin.reopenUntil')}
          value={untilAt}
          onChange={setUntilAt}
          error={fieldError(errors, 'untilAt')}
          testId="reopen-until"
          required
        />
        <TextAreaField
          id="reopen-reason"
          className="field--span2"
          label={t('admin.reopenReason')}
          value={reason}
          onChange={setReason}
          maxLength={500}
          error={fieldError(errors, 'reason')}
          testId="reopen-reason"
          required
        />
      </div>
      {message ? (
        <Notice tone="error" live="assertive" testId="reopen-error">
          <p>{message}</p>
          {extra.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </Notice>
      ) : null}
      {done ? (
        <Notice tone="success" live="polite" testId="reopen-result">
          {done}
        </Notice>
      ) : null}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={save.isPending}
          data-testid="reopen-submit"
        >
          {t('admin.reopenSubmit')}
        </button>
      </div>
    </form>
  );
}

export function PeriodsSection() {
  const { t } = useT();
  return (
    <section className="section" aria-labelledby="periods-h">
      <h2 className="section-heading" id="periods-h">
        {t('admin.periods')}
      </h2>
      <p className="muted">{t('admin.periodsLead')}</p>
      <div className="card-grid card-grid--2">
        <SetDeadline />
        <ReopenPeriod />
      </div>
    </section>
  );
}
