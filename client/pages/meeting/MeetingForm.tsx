// Planning a meeting (executives and admins): kind, title, date, chair, the date the figures are
// frozen at, the agenda of pillars and OPDs, and the walls of the room. Checked with the server's
// own schema before it goes out; a refusal is put under the field it names.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type AgendaItemInput, MEETING_KINDS, meetingCreateInput } from '../../../shared/meetings';
import { wibDate } from '../../../shared/time';
import { fieldError, issuesToFieldErrors } from '../../forms/errors';
import { SelectField, TextField } from '../../office/fields';
import { Notice } from '../../office/ui';
import { useFormFeedback } from '../../office/useFormFeedback';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';
import { AgendaBuilder, WallsPicker } from './AgendaBuilder';
import { DateField } from './DateField';
import { KIND_KEY, type MeetingKind, serverFieldErrors } from './labels';

const FIELD_ORDER = ['kind', 'title', 'meetingDate', 'chair', 'asOf'] as const;
const FIELD_ID: Record<(typeof FIELD_ORDER)[number], string> = {
  kind: 'meeting-kind',
  title: 'meeting-title',
  meetingDate: 'meeting-date',
  chair: 'meeting-chair',
  asOf: 'meeting-asof',
};

export function MeetingForm({ onCreated }: { onCreated: (id: number) => void }) {
  const { t } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pillars = useQuery(trpc.reference.pillars.queryOptions());
  const opds = useQuery(trpc.reference.opds.queryOptions());
  // Only admins may list the displays; for anyone else the field is left out.
  const displays = useQuery(trpc.display.list.queryOptions(undefined, { retry: false }));
  const [kind, setKind] = useState<MeetingKind>('hlm');
  const [title, setTitle] = useState('');
  const [meetingDate, setMeetingDate] = useState(() => wibDate(Date.now()));
  const [chair, setChair] = useState('');
  const [asOf, setAsOf] = useState('');
  const [items, setItems] = useState<AgendaItemInput[]>([]);
  const [displayIds, setDisplayIds] = useState<number[]>([]);
  const feedback = useFormFeedback(FIELD_ORDER, (f) => FIELD_ID[f]);
  const { errors, setErrors, message } = feedback;
  const create = useMutation(trpc.meeting.create.mutationOptions());
  /** A field's error goes as soon as the field is edited. */
  const edited =
    <T,>(field: string, set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setErrors((e) => {
        const stale = (k: string) => k === field || k.startsWith(`${field}.`);
        return Object.keys(e).some(stale)
          ? Object.fromEntries(Object.entries(e).filter(([k]) => !stale(k)))
          : e;
      });
    };

  const submit = () => {
    feedback.setMessage(null);
    const input = {
      kind,
      title,
      meetingDate,
      chair,
      ...(asOf ? { asOf } : {}),
      items,
      displayIds,
    };
    const parsed = meetingCreateInput.safeParse(input);
    if (!parsed.success) {
      return feedback.invalid(issuesToFieldErrors(parsed.error.issues), { message: t('form.fixErrors') });
    }
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: ({ id }) => {
        void queryClient.invalidateQueries(trpc.meeting.list.pathFilter());
        onCreated(id);
        setTitle('');
        setItems([]);
        setAsOf('');
      },
      // A refused meeting moves no focus.
      onError: (err) => feedback.refused(err, { focus: false, mapFieldErrors: serverFieldErrors }),
    });
  };

  return (
    <form
      className="card meeting-form"
      aria-labelledby="meeting-new-h"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
      data-testid="meeting-form"
    >
      <h2 className="card-title" id="meeting-new-h">
        {t('rapat.new')}
      </h2>
      <div className="form-grid">
        <SelectField
          id={FIELD_ID.kind}
          label={t('rapat.field.kind')}
          value={kind}
          onChange={edited('kind', (v: string) => setKind(v as MeetingKind))}
          options={MEETING_KINDS.map((k) => ({ value: k, label: t(KIND_KEY[k]) }))}
          error={fieldError(errors, 'kind')}
          required
          testId="meeting-kind"
        />
        <TextField
          id={FIELD_ID.title}
          label={t('rapat.field.title')}
          value={title}
          onChange={edited('title', setTitle)}
          error={fieldError(errors, 'title')}
          placeholder={t('rapat.field.titleHint')}
          required
          maxLength={160}
          testId="meeting-title"
        />
        <DateField
          id={FIELD_ID.meetingDate}
          label={t('rapat.field.date')}
          value={meetingDate}
          onChange={edited('meetingDate', setMeetingDate)}
          error={fieldError(errors, 'meetingDate')}
          required
          testId="meeting-date"
        />
        <TextField
          id={FIELD_ID.chair}
          label={t('rapat.field.chair')}
          value={chair}
          onChange={edited('chair', setChair)}
          hint={t('rapat.field.chairHint')}
          error={fieldError(errors, 'chair')}
          required
          maxLength={80}
          testId="meeting-chair"
        />
        <DateField
          id={FIELD_ID.asOf}
          label={t('rapat.field.asOf')}
          value={asOf}
          onChange={edited('asOf', setAsOf)}
          hint={t('rapat.field.asOfHint')}
          error={fieldError(errors, 'asOf')}
          testId="meeting-asof"
        />
      </div>
      <AgendaBuilder
        idPrefix="meeting-new"
        items={items}
        onChange={edited('items', setItems)}
        pillars={pillars.data ?? []}
        opds={opds.data ?? []}
        errors={errors}
        disabled={create.isPending}
      />
      {displays.data ? (
        <WallsPicker
          idPrefix="meeting-new"
          displays={displays.data}
          value={displayIds}
          onChange={setDisplayIds}
          disabled={create.isPending}
        />
      ) : null}
      {message ? (
        <Notice tone="error" live="assertive" testId="meeting-form-error">
          {message}
        </Notice>
      ) : null}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={create.isPending}
          data-testid="meeting-create"
        >
          {create.isPending ? t('state.saving') : t('rapat.create')}
        </button>
      </div>
    </form>
  );
}
