// A satisfaction survey (SKM, PermenPANRB 14/2017): the unit, the survey period, the number of
// respondents and the average score (NRR, 1–4) of each of the nine elements. IKM = mean NRR × 25
// is shown as a check before saving; the server stores and grades it.

import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ikmEntry } from '../../../shared/entry';
import { formatIndex, formatNumber } from '../../../shared/format';
import { fieldError, issuesToFieldErrors } from '../../forms/errors';
import { parseNumberInput } from '../../forms/number';
import { wibYear } from '../../forms/wib';
import { NumberField, SelectField } from '../../office/fields';
import { useSession } from '../../office/session';
import { Notice } from '../../office/ui';
import { useFormFeedback } from '../../office/useFormFeedback';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';

/**
 * The nine elements by their regulation names (fixtures/reference/ikm.json). There is no reference
 * procedure for them yet; the server matches elements by name.
 */
export const IKM_ELEMENTS = [
  'Persyaratan',
  'Sistem, Mekanisme, dan Prosedur',
  'Waktu Penyelesaian',
  'Biaya/Tarif',
  'Produk Spesifikasi Jenis Pelayanan',
  'Kompetensi Pelaksana',
  'Perilaku Pelaksana',
  'Penanganan Pengaduan, Saran dan Masukan',
  'Sarana dan Prasarana',
] as const;

const PARTS = ['S1', 'S2', 'TW1', 'TW2', 'TW3', 'TW4'] as const;

/** IKM from the element averages: plain mean × 25 (what published reports reproduce). */
export function ikmValue(nrr: readonly (number | null)[]): number | null {
  if (nrr.length === 0 || nrr.some((v) => v === null || Number.isNaN(v))) return null;
  const sum = (nrr as number[]).reduce((a, b) => a + b, 0);
  return (sum / nrr.length) * 25;
}

export function IkmForm({ opdCode }: { opdCode: string | null }) {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const { user } = useSession();
  const opds = useQuery({ ...trpc.reference.opds.queryOptions(), staleTime: 10 * 60_000 });
  const [now] = useState(Date.now);
  const fixedOpd = user.role === 'opd';
  const [opd, setOpd] = useState(opdCode ?? '');
  const [year, setYear] = useState(String(wibYear(now)));
  const [part, setPart] = useState<string>('S1');
  const [respondents, setRespondents] = useState('');
  const [nrr, setNrr] = useState<string[]>(() => IKM_ELEMENTS.map(() => ''));
  const order = ['opdId', 'period', 'respondents', ...IKM_ELEMENTS.map((_, i) => `elements.${i}.nrr`)];
  const idOf = (f: string) =>
    f === 'opdId'
      ? 'ikm-opd'
      : f === 'period'
        ? 'ikm-part'
        : f === 'respondents'
          ? 'ikm-respondents'
          : `ikm-nrr-${f.split('.')[1]}`;
  const feedback = useFormFeedback(order, idOf);
  const { errors, message, extra } = feedback;
  const [saved, setSaved] = useState(false);
  const save = useMutation(trpc.entry.saveIkm.mutationOptions());

  const opdId = fixedOpd ? user.opdId : (opds.data?.find((o) => o.code === opd)?.id ?? null);
  const values = nrr.map((x) => parseNumberInput(x, locale));
  const ikm = ikmValue(values);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    feedback.setMessage(null);
    setSaved(false);
    const parsed = ikmEntry.safeParse({
      opdId: opdId ?? undefined,
      period: `${year}-${part}`,
      respondents: parseNumberInput(respondents, locale),
      elements: IKM_ELEMENTS.map((name, i) => ({ name, nrr: values[i] })),
    });
    if (!parsed.success) {
      return feedback.invalid(issuesToFieldErrors(parsed.error.issues), { message: t('form.fixErrors') });
    }
    feedback.setErrors({});
    save.mutate(parsed.data, {
      onSuccess: () => setSaved(true),
      onError: (err) => feedback.refused(err),
    });
  };

  const y = wibYear(now);
  return (
    <form onSubmit={submit} noValidate data-testid="ikm-form" aria-labelledby="ikm-form-h">
      <h2 className="section-heading" id="ikm-form-h">
        {t('ikm.title')}
      </h2>
      <p className="muted">{t('ikm.lead')}</p>
      <div className="form-grid">
        {fixedOpd ? null : (
          <SelectField
            id="ikm-opd"
            label={t('ikm.unit')}
            value={opd}
            onChange={setOpd}
            placeholder={t('form.choose')}
            options={(opds.data ?? []).map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))}
            error={fieldError(errors, 'opdId')}
            testId="ikm-opd"
            required
          />
        )}
        <SelectField
          id="ikm-year"
          label={t('field.year')}
          value={year}
          onChange={setYear}
          options={[y - 2, y - 1, y].map((x) => ({ value: String(x), label: String(x) }))}
          testId="ikm-year"
        />
        <SelectField
          id="ikm-part"
          label={t('ikm.period')}
          value={part}
          onChange={setPart}
          options={PARTS.map((p) => ({ value: p, label: t(`ikm.part.${p}`) }))}
          error={fieldError(errors, 'period')}
          testId="ikm-part"
        />
        <NumberField
          id="ikm-respondents"
          label={t('ikm.respondents')}
          value={respondents}
          onChange={setRespondents}
          integer
          preview={(n) => formatNumber(n, 0, locale)}
          error={fieldError(errors, 'respondents')}
          testId="ikm-respondents"
          required
        />
      </div>
      <fieldset className="ikm-elements">
        <legend>{t('ikm.elements')}</legend>
        <div className="form-grid form-grid--3">
          {IKM_ELEMENTS.map((name, i) => (
            <NumberField
              key={name}
              id={`ikm-nrr-${i}`}
              label={`U${i + 1} · ${name}`}
              value={nrr[i] ?? ''}
              onChange={(val) => setNrr((old) => old.map((o, j) => (j === i ? val : o)))}
              placeholder="1–4"
              error={fieldError(errors, `elements.${i}.nrr`)}
              testId={`ikm-nrr-${i}`}
              required
            />
          ))}
        </div>
      </fieldset>
      <p className="ikm-preview" data-testid="ikm-preview">
        {t('ikm.preview', { value: formatIndex(ikm, locale) })}
      </p>
      {message ? (
        <Notice tone="error" live="assertive" testId="ikm-error">
          <p>{message}</p>
          {extra.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </Notice>
      ) : null}
      {saved ? (
        <Notice tone="success" live="polite" testId="ikm-result">
          {t('ikm.saved', { period: `${year}-${part}` })}
        </Notice>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="btn btn--primary" disabled={save.isPending} data-testid="ikm-submit">
          {save.isPending ? t('state.saving') : t('ikm.submit')}
        </button>
      </div>
    </form>
  );
}
