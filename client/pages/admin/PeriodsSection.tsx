// Reporting deadlines and reopening: move a period's deadline for everyone, or reopen a locked
// period for one OPD until a time, with the reason (both audited). Times are WIB.

import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { formatDateTimeWib } from '../../../shared/format';
import {
  describeError,
  type FieldErrors,
  fieldError,
  firstInvalid,
  otherFieldMessages,
} from '../../forms/errors';
import { previousMonth, validPeriod, wibLocalToIso, wibLocalValue } from '../../forms/wib';
import { focusField, SelectField, TextAreaField, TextField } from '../../office/fields';
import { Notice } from '../../office/ui';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';

type Family = 'budget' | 'masterplan';

function useFamilyOptions() {
  const { t } = useT();
  return [
    { value: 'budget', label: t('family.budget') },
    { value: 'masterplan', label: t('family.masterplan') },
  ];
}

function SetDeadline() {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const familyOptions = useFamilyOptions();
  const [now] = useState(Date.now);
  const [family, setFamily] = useState<Family>('budget');
  const [period, setPeriod] = useState(previousMonth(now).period);
  const [deadlineAt, setDeadlineAt] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const current = useQuery(
    trpc.compliance.byPeriod.queryOptions({ family, period }, { enabled: validPeriod(period) !== null }),
  );
  const save = useMutation(trpc.admin.setDeadline.mutationOptions());
  const order = ['family', 'period', 'deadlineAt'] as const;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setDone(null);
    const iso = wibLocalToIso(deadlineAt);
    const errs: FieldErrors = {};
    if (!validPeriod(period)) errs.period = [t('form.requiredField')];
    if (!iso) errs.deadlineAt = [t('form.requiredField')];
    if (!iso || !validPeriod(period)) {
      setErrors(errs);
      focusField(`deadline-${firstInvalid(errs, order) ?? 'period'}`);
      return;
    }
    setErrors({});
    save.mutate(
      { family, period, deadlineAt: iso },
      {
        onSuccess: () => {
          setDone(t('admin.deadlineSaved'));
          void current.refetch();
        },
        onError: (err) => {
          const info = describeError(err, t('error.network'));
          setErrors(info.fieldErrors);
          setMessage(info.message);
        },
      },
    );
  };
  const extra = otherFieldMessages(errors, order);
  return (
    <form onSubmit={submit} noValidate className="card" aria-labelledby="deadline-h">
      <h3 className="card-title" id="deadline-h">
        {t('admin.deadlineTitle')}
      </h3>
      <div className="form-grid">
        <SelectField
          id="deadline-family"
          label={t('field.family')}
          value={family}
          onChange={(v) => setFamily(v === 'masterplan' ? 'masterplan' : 'budget')}
          options={familyOptions}
          testId="deadline-family"
        />
        <TextField
          id="deadline-period"
          type="month"
          label={t('field.period')}
          value={period}
          onChange={setPeriod}
          error={fieldError(errors, 'period')}
          testId="deadline-period"
          required
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
  const familyOptions = useFamilyOptions();
  const opds = useQuery({ ...trpc.reference.opds.queryOptions(), staleTime: 10 * 60_000 });
  const [now] = useState(Date.now);
  const [family, setFamily] = useState<Family>('budget');
  const [period, setPeriod] = useState(previousMonth(now).period);
  const [opdCode, setOpdCode] = useState('');
  const [untilAt, setUntilAt] = useState(() => wibLocalValue(now + 3 * 24 * 3600_000));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const save = useMutation(trpc.admin.reopenPeriod.mutationOptions());
  const order = ['family', 'period', 'opdCode', 'untilAt', 'reason'] as const;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setDone(null);
    const iso = wibLocalToIso(untilAt);
    const errs: FieldErrors = {};
    if (!validPeriod(period)) errs.period = [t('form.requiredField')];
    if (!opdCode) errs.opdCode = [t('form.requiredField')];
    if (!iso) errs.untilAt = [t('form.requiredField')];
    if (reason.trim().length < 5) errs.reason = [t('admin.reasonMin')];
    if (Object.keys(errs).length > 0 || !iso) {
      setErrors(errs);
      focusField(`reopen-${firstInvalid(errs, order) ?? 'period'}`);
      return;
    }
    setErrors({});
    save.mutate(
      { family, period, opdCode, untilAt: iso, reason: reason.trim() },
      {
        onSuccess: () => {
          setDone(t('admin.reopenSaved', { opd: opdCode }));
          setReason('');
        },
        onError: (err) => {
          const info = describeError(err, t('error.network'));
          setErrors(info.fieldErrors);
          setMessage(info.message);
          const bad = firstInvalid(info.fieldErrors, order);
          if (bad) focusField(`reopen-${bad}`);
        },
      },
    );
  };
  const extra = otherFieldMessages(errors, order);
  return (
    <form onSubmit={submit} noValidate className="card" aria-labelledby="reopen-h">
      <h3 className="card-title" id="reopen-h">
        {t('admin.reopenTitle')}
      </h3>
      <div className="form-grid">
        <SelectField
          id="reopen-family"
          label={t('field.family')}
          value={family}
          onChange={(v) => setFamily(v === 'masterplan' ? 'masterplan' : 'budget')}
          options={familyOptions}
          testId="reopen-family"
        />
        <TextField
          id="reopen-period"
          type="month"
          label={t('field.period')}
          value={period}
          onChange={setPeriod}
          error={fieldError(errors, 'period')}
          testId="reopen-period"
          required
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
