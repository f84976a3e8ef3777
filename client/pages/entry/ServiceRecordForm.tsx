// One service request (permohonan) as the counter logged it: which service, where, when it came
// in and when it was done. Times are typed in WIB.

import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { serviceRecordEntry } from '../../../shared/entry';
import { formatNumber, formatSla } from '../../../shared/format';
import { fieldError, issuesToFieldErrors } from '../../forms/errors';
import { wibLocalToIso, wibLocalValue } from '../../forms/wib';
import { SelectField, TextField } from '../../office/fields';
import { useSession } from '../../office/session';
import { Notice } from '../../office/ui';
import { useFormFeedback } from '../../office/useFormFeedback';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';

const FIELDS = ['serviceCode', 'kecamatanCode', 'submittedAt', 'completedAt', 'sourceId'] as const;
const ID: Record<(typeof FIELDS)[number], string> = {
  serviceCode: 'svc-service',
  kecamatanCode: 'svc-kecamatan',
  submittedAt: 'svc-submitted',
  completedAt: 'svc-completed',
  sourceId: 'svc-source',
};

export function ServiceRecordForm({ opdCode }: { opdCode: string | null }) {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const { user } = useSession();
  const services = useQuery({ ...trpc.reference.services.queryOptions(), staleTime: 10 * 60_000 });
  const kecamatan = useQuery({ ...trpc.reference.kecamatan.queryOptions(), staleTime: 10 * 60_000 });
  const [serviceCode, setServiceCode] = useState('');
  const [kecamatanCode, setKecamatanCode] = useState('');
  const [submittedAt, setSubmittedAt] = useState(() => wibLocalValue(Date.now()));
  const [completedAt, setCompletedAt] = useState('');
  const [sourceId, setSourceId] = useState('');
  const feedback = useFormFeedback(FIELDS, (f) => ID[f]);
  const { errors, message, extra } = feedback;
  const [result, setResult] = useState<string | null>(null);
  const save = useMutation(trpc.entry.saveServiceRecord.mutationOptions());

  // An operator records its own OPD's services; an admin sees all (or the OPD picked above).
  const own = user.role === 'opd' ? user.opdCode : opdCode;
  const list = (services.data ?? []).filter((s) => !own || s.opdCode === own);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    feedback.setMessage(null);
    setResult(null);
    if (!submittedAt)
      return feedback.invalid({ submittedAt: [t('form.requiredField')] }, { message: t('form.fixErrors') });
    const parsed = serviceRecordEntry.safeParse({
      serviceCode,
      kecamatanCode: kecamatanCode || null,
      submittedAt: wibLocalToIso(submittedAt) ?? submittedAt,
      completedAt: completedAt ? (wibLocalToIso(completedAt) ?? completedAt) : null,
      sourceId: sourceId || null,
    });
    if (!parsed.success)
      return feedback.invalid(issuesToFieldErrors(parsed.error.issues), { message: t('form.fixErrors') });
    feedback.setErrors({});
    save.mutate(parsed.data, {
      onSuccess: (r) => {
        setResult(
          t('layanan.serviceSaved', {
            inserted: formatNumber(r.inserted, 0, locale),
            completed: formatNumber(r.completed, 0, locale),
            unchanged: formatNumber(r.unchanged, 0, locale),
          }),
        );
        setSourceId('');
        setCompletedAt('');
      },
      onError: (err) => feedback.refused(err),
    });
  };

  const chosen = list.find((s) => s.code === serviceCode);
  return (
    <form onSubmit={submit} noValidate data-testid="service-form" aria-labelledby="service-form-h">
      <h2 className="section-heading" id="service-form-h">
        {t('layanan.serviceTitle')}
      </h2>
      <p className="muted">{t('layanan.serviceLead')}</p>
      <div className="form-grid">
        <SelectField
          id={ID.serviceCode}
          label={t('layanan.service')}
          value={serviceCode}
          onChange={setServiceCode}
          placeholder={services.isPending ? t('state.loading') : t('form.choose')}
          options={list.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))}
          hint={
            chosen
              ? t('layanan.sla', { sla: formatSla(chosen.slaAmount, chosen.slaUnit, locale) })
              : undefined
          }
          error={fieldError(errors, 'serviceCode')}
          testId="svc-service"
          required
        />
        <SelectField
          id={ID.kecamatanCode}
          label={t('field.kecamatan')}
          value={kecamatanCode}
          onChange={setKecamatanCode}
          placeholder={t('form.optionalChoice')}
          options={(kecamatan.data ?? []).map((k) => ({ value: k.code, label: k.name }))}
          error={fieldError(errors, 'kecamatanCode')}
          testId="svc-kecamatan"
        />
        <TextField
          id={ID.submittedAt}
          type="datetime-local"
          label={t('layanan.submittedAt')}
          value={submittedAt}
          onChange={setSubmittedAt}
          error={fieldError(errors, 'submittedAt')}
          testId="svc-submitted"
          required
        />
        <TextField
          id={ID.completedAt}
          type="datetime-local"
          label={t('layanan.completedAt')}
          hint={t('layanan.completedHint')}
          value={completedAt}
          onChange={setCompletedAt}
          error={fieldError(errors, 'completedAt')}
          testId="svc-completed"
        />
        <TextField
          id={ID.sourceId}
          label={t('layanan.sourceId')}
          hint={t('layanan.sourceIdHint')}
          value={sourceId}
          onChange={setSourceId}
          maxLength={120}
          error={fieldError(errors, 'sourceId')}
          testId="svc-source"
        />
      </div>
      <p className="field-hint">{t('form.wibNote')}</p>
      {message ? (
        <Notice tone="error" live="assertive" testId="service-error">
          <p>{message}</p>
          {extra.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </Notice>
      ) : null}
      {result ? (
        <Notice tone="success" live="polite" testId="service-result">
          {result}
        </Notice>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending} data-testid="svc-submit">
          {save.isPending ? t('state.saving') : t('layanan.serviceSubmit')}
        </button>
      </div>
    </form>
  );
}
