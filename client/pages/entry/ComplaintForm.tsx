// One complaint (aduan) as it came in: channel, topic, category, where, and when it was received,
// first answered and resolved (WIB). There is no reference procedure for channels, topics and
// categories yet, so they are typed as codes; the server refuses an unknown code by name.

import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { complaintEntry } from '../../../shared/entry';
import { fieldError, issuesToFieldErrors } from '../../forms/errors';
import { wibLocalToIso, wibLocalValue } from '../../forms/wib';
import { SelectField, TextField } from '../../office/fields';
import { useSession } from '../../office/session';
import { Notice } from '../../office/ui';
import { useFormFeedback } from '../../office/useFormFeedback';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';

const FIELDS = [
  'channel',
  'topic',
  'category',
  'opdCode',
  'kecamatanCode',
  'receivedAt',
  'firstResponseAt',
  'resolvedAt',
  'sourceId',
] as const;
type Field = (typeof FIELDS)[number];
const ID = (f: Field) => `cmp-${f}`;

const iso = (v: string) => (v ? (wibLocalToIso(v) ?? v) : null);

export function ComplaintForm({ opdCode }: { opdCode: string | null }) {
  const { t } = useT();
  const trpc = useTRPC();
  const { user } = useSession();
  const kecamatan = useQuery({ ...trpc.reference.kecamatan.queryOptions(), staleTime: 10 * 60_000 });
  const opds = useQuery({ ...trpc.reference.opds.queryOptions(), staleTime: 10 * 60_000 });
  const fixedOpd = user.role === 'opd';
  const [v, setV] = useState({
    channel: '',
    topic: '',
    category: 'pengaduan',
    opdCode: opdCode ?? '',
    kecamatanCode: '',
    receivedAt: wibLocalValue(Date.now()),
    firstResponseAt: '',
    resolvedAt: '',
    sourceId: '',
  });
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  const feedback = useFormFeedback(FIELDS, ID);
  const { errors, message, extra } = feedback;
  const [saved, setSaved] = useState(false);
  const save = useMutation(trpc.entry.saveComplaint.mutationOptions());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    feedback.setMessage(null);
    setSaved(false);
    if (!v.receivedAt)
      return feedback.invalid({ receivedAt: [t('form.requiredField')] }, { message: t('form.fixErrors') });
    const parsed = complaintEntry.safeParse({
      channel: v.channel,
      topic: v.topic,
      category: v.category || undefined,
      opdCode: fixedOpd ? null : v.opdCode || null,
      kecamatanCode: v.kecamatanCode || null,
      receivedAt: iso(v.receivedAt),
      firstResponseAt: iso(v.firstResponseAt),
      resolvedAt: iso(v.resolvedAt),
      sourceId: v.sourceId || null,
    });
    if (!parsed.success)
      return feedback.invalid(issuesToFieldErrors(parsed.error.issues), { message: t('form.fixErrors') });
    feedback.setErrors({});
    save.mutate(parsed.data, {
      onSuccess: () => {
        setSaved(true);
        setV((old) => ({ ...old, sourceId: '', firstResponseAt: '', resolvedAt: '' }));
      },
      onError: (err) => feedback.refused(err),
    });
  };

  const text = (f: Field & keyof typeof v, label: string, hint?: string, required?: boolean) => (
    <TextField
      id={ID(f)}
      label={label}
      hint={hint}
      value={v[f]}
      onChange={set(f)}
      maxLength={f === 'sourceId' ? 120 : 40}
      error={fieldError(errors, f)}
      testId={ID(f)}
      required={required}
    />
  );
  const time = (f: 'receivedAt' | 'firstResponseAt' | 'resolvedAt', label: string, required?: boolean) => (
    <TextField
      id={ID(f)}
      type="datetime-local"
      label={label}
      value={v[f]}
      onChange={set(f)}
      error={fieldError(errors, f)}
      testId={ID(f)}
      required={required}
    />
  );

  return (
    <form onSubmit={submit} noValidate data-testid="complaint-form" aria-labelledby="complaint-form-h">
      <h2 className="section-heading" id="complaint-form-h">
        {t('layanan.complaintTitle')}
      </h2>
      <p className="muted">{t('layanan.complaintLead')}</p>
      <div className="form-grid">
        {text('channel', t('layanan.channel'), t('layanan.channelHint'), true)}
        {text('topic', t('layanan.topic'), t('layanan.topicHint'), true)}
        {text('category', t('layanan.category'), t('layanan.categoryHint'))}
        {fixedOpd ? null : (
          <SelectField
            id={ID('opdCode')}
            label={t('layanan.handlingOpd')}
            value={v.opdCode}
            onChange={set('opdCode')}
            placeholder={t('form.choose')}
            options={(opds.data ?? []).map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))}
            error={fieldError(errors, 'opdCode')}
            testId={ID('opdCode')}
          />
        )}
        <SelectField
          id={ID('kecamatanCode')}
          label={t('field.kecamatan')}
          value={v.kecamatanCode}
          onChange={set('kecamatanCode')}
          placeholder={t('form.optionalChoice')}
          options={(kecamatan.data ?? []).map((k) => ({ value: k.code, label: k.name }))}
          error={fieldError(errors, 'kecamatanCode')}
          testId={ID('kecamatanCode')}
        />
        {time('receivedAt', t('layanan.receivedAt'), true)}
        {time('firstResponseAt', t('layanan.firstResponseAt'))}
        {time('resolvedAt', t('layanan.resolvedAt'))}
        {text('sourceId', t('layanan.sourceId'), t('layanan.complaintSourceHint'))}
      </div>
      <p className="field-hint">{t('form.wibNote')}</p>
      {message ? (
        <Notice tone="error" live="assertive" testId="complaint-error">
          <p>{message}</p>
          {extra.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </Notice>
      ) : null}
      {saved ? (
        <Notice tone="success" live="polite" testId="complaint-result">
          {t('layanan.complaintSaved')}
        </Notice>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending} data-testid="cmp-submit">
          {save.isPending ? t('state.saving') : t('layanan.complaintSubmit')}
        </button>
      </div>
    </form>
  );
}
