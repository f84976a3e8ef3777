// The secretary's panel: arahan and keputusan as they are spoken, and follow-ups (tindak lanjut)
// with an owner OPD, a due date and, if it is about one, a programme. Each is filed under the
// agenda item on screen unless another is chosen, and listed as it is added. A closed meeting
// shows what it recorded, read-only.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { formatDate, formatTimeWib } from '../../../shared/format';
import { addDays } from '../../../shared/time';
import { describeError, type FieldErrors, fieldError } from '../../forms/errors';
import { SelectField, TextAreaField } from '../../office/fields';
import type { OfficeKey } from '../../office/messages';
import { Notice } from '../../office/ui';
import { useFormFeedback } from '../../office/useFormFeedback';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';
import { DateField } from './DateField';
import { serverFieldErrors } from './labels';
import type { Cursor } from './PresenterPanel';
import { itemName, type MeetingView, type Scene, sceneFor } from './room/scene';

const FU_STATE_KEY: Record<MeetingView['decided']['followUps']['items'][number]['state'], OfficeKey> = {
  selesai: 'rapat.fuState.selesai',
  dalam_proses: 'rapat.fuState.dalam_proses',
  terlambat: 'rapat.fuState.terlambat',
};
const FU_STATE_TONE = { selesai: 'ok', dalam_proses: 'warn', terlambat: 'bad' } as const;

/** Every programme the meeting's figures know, by code (for the follow-up's optional programme). */
function programmesOf(view: MeetingView): { code: string; name: string; opdCode: string }[] {
  const seen = new Map<string, { code: string; name: string; opdCode: string }>();
  for (const p of Object.values(view.snapshot.pillars))
    for (const x of p.programmes) seen.set(x.code, { code: x.code, name: x.name, opdCode: x.opdCode });
  for (const o of Object.values(view.snapshot.opds))
    for (const x of o.programmes) seen.set(x.code, { code: x.code, name: x.name, opdCode: x.opdCode });
  return [...seen.values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** The OPD and programme a follow-up made now is most likely about: what is open on the walls. */
function suggestion(scene: Scene): { opdCode: string; programmeCode: string } {
  switch (scene.kind) {
    case 'programme':
      return { opdCode: scene.programme.opdCode, programmeCode: scene.programme.code };
    case 'opd':
      return { opdCode: scene.opd.opdCode, programmeCode: '' };
    default:
      return { opdCode: '', programmeCode: '' };
  }
}

/** 'current' files under the item on screen; a number under that item; 'none' under the meeting. */
type ItemChoice = 'current' | 'none' | number;

function ItemSelect({
  id,
  view,
  value,
  onChange,
  currentName,
  disabled,
}: {
  id: string;
  view: MeetingView;
  value: ItemChoice;
  onChange: (v: ItemChoice) => void;
  currentName: string;
  disabled: boolean;
}) {
  const { t, locale } = useT();
  return (
    <SelectField
      id={id}
      label={t('rapat.noteItem')}
      value={String(value)}
      onChange={(v) => onChange(v === 'current' || v === 'none' ? v : Number(v))}
      options={[
        { value: 'current', label: t('rapat.itemCurrent', { name: currentName }) },
        ...view.items.map((i, n) => ({
          value: String(i.id),
          label: `${n + 1}. ${itemName(i, view.snapshot, locale)}`,
        })),
        { value: 'none', label: t('rapat.itemNone') },
      ]}
      disabled={disabled}
      testId={id}
    />
  );
}

export function SecretaryPanel({
  view,
  cursor,
  canWrite,
}: {
  view: MeetingView;
  cursor: Cursor;
  canWrite: boolean;
}) {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { meeting, decided, snapshot } = view;
  const open = canWrite && meeting.state !== 'closed';
  const opds = useQuery(trpc.reference.opds.queryOptions());
  const scene = sceneFor(view, cursor.itemId, cursor.focus, locale);
  const currentItem = scene.kind === 'empty' ? null : scene.item;
  const currentName = currentItem ? itemName(currentItem, snapshot, locale) : '—';
  const resolveItem = (c: ItemChoice): number | null =>
    c === 'current' ? (currentItem?.id ?? null) : c === 'none' ? null : c;
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.meeting.view.queryFilter({ id: meeting.id })),
      queryClient.invalidateQueries(trpc.meeting.get.queryFilter({ id: meeting.id })),
    ]);

  // ── arahan / keputusan
  const [noteKind, setNoteKind] = useState<'arahan' | 'keputusan'>('arahan');
  const [noteText, setNoteText] = useState('');
  const [noteItem, setNoteItem] = useState<ItemChoice>('current');
  const [noteError, setNoteError] = useState<string | null>(null);
  const addNote = useMutation(trpc.meeting.addNote.mutationOptions());
  const saveNote = () => {
    setNoteError(null);
    if (!noteText.trim()) {
      setNoteError(t('form.requiredField'));
      return;
    }
    addNote.mutate(
      { meetingId: meeting.id, itemId: resolveItem(noteItem), kind: noteKind, text: noteText },
      {
        onSuccess: () => {
          setNoteText('');
          void refresh();
        },
        onError: (err) => setNoteError(describeError(err, t('error.network')).message),
      },
    );
  };

  // ── tindak lanjut
  const suggested = suggestion(scene);
  const [fuText, setFuText] = useState('');
  const [fuOwner, setFuOwner] = useState('');
  const [fuDue, setFuDue] = useState(() => addDays(meeting.meetingDate, 14));
  const [fuProgramme, setFuProgramme] = useState('');
  const [fuItem, setFuItem] = useState<ItemChoice>('current');
  // No ids: an incomplete or refused follow-up moves no focus.
  const fu = useFormFeedback(['text', 'ownerOpdCode', 'dueDate', 'programmeCode'] as const);
  const addFollowUp = useMutation(trpc.meeting.addFollowUp.mutationOptions());
  // While nothing is typed yet, the owner and programme follow what is open on the walls.
  const pristine = fuText === '';
  useEffect(() => {
    if (!pristine) return;
    setFuOwner(suggested.opdCode);
    setFuProgramme(suggested.programmeCode);
  }, [pristine, suggested.opdCode, suggested.programmeCode]);
  const saveFollowUp = () => {
    fu.setMessage(null);
    const fe: FieldErrors = {};
    if (fuText.trim().length < 3) fe.text = [t('rapat.fuTextShort')];
    if (!fuOwner) fe.ownerOpdCode = [t('form.requiredField')];
    if (!fuDue) fe.dueDate = [t('form.requiredField')];
    fu.setErrors(fe);
    if (Object.keys(fe).length > 0) return;
    addFollowUp.mutate(
      {
        meetingId: meeting.id,
        itemId: resolveItem(fuItem),
        ownerOpdCode: fuOwner,
        programmeCode: fuProgramme || null,
        text: fuText,
        dueDate: fuDue,
      },
      {
        onSuccess: () => {
          setFuText('');
          fu.setErrors({});
          void refresh();
        },
        onError: (err) => fu.refused(err, { mapFieldErrors: serverFieldErrors }),
      },
    );
  };

  const itemNameById = (itemId: number | null) => {
    const item = view.items.find((i) => i.id === itemId);
    return item ? itemName(item, snapshot, locale) : t('rapat.itemNone');
  };
  const programmes = programmesOf(view);

  return (
    <section className="secretary" aria-labelledby="secretary-h" data-testid="secretary">
      <h2 className="section-heading" id="secretary-h">
        {t('rapat.secretary')}
      </h2>
      {open ? (
        <div className="secretary-forms">
          <form
            className="card"
            aria-labelledby="note-h"
            onSubmit={(e) => {
              e.preventDefault();
              saveNote();
            }}
            data-testid="note-form"
          >
            <h3 className="card-title" id="note-h">
              {t('rapat.note')}
            </h3>
            <fieldset className="segmented">
              <legend className="field-label">{t('rapat.noteKind')}</legend>
              {(['arahan', 'keputusan'] as const).map((k) => (
                <button
                  key={k}
                  type="button"
                  className="btn"
                  aria-pressed={noteKind === k}
                  onClick={() => setNoteKind(k)}
                  data-testid={`note-kind-${k}`}
                >
                  {t(k === 'arahan' ? 'rapat.noteKind.arahan' : 'rapat.noteKind.keputusan')}
                </button>
              ))}
            </fieldset>
            <TextAreaField
              id="note-text"
              label={t('rapat.noteText')}
              value={noteText}
              onChange={setNoteText}
              rows={3}
              maxLength={2000}
              error={noteError ?? undefined}
              required
              testId="note-text"
            />
            <ItemSelect
              id="note-item"
              view={view}
              value={noteItem}
              onChange={setNoteItem}
              currentName={currentName}
              disabled={addNote.isPending}
            />
            <div className="form-actions">
              <button
                type="submit"
                className="btn btn--primary"
                disabled={addNote.isPending}
                data-testid="note-save"
              >
                {addNote.isPending ? t('state.saving') : t('rapat.noteSave')}
              </button>
            </div>
          </form>

          <form
            className="card"
            aria-labelledby="fu-h"
            onSubmit={(e) => {
              e.preventDefault();
              saveFollowUp();
            }}
            noValidate
            data-testid="fu-form"
          >
            <h3 className="card-title" id="fu-h">
              {t('rapat.fu')}
            </h3>
            <TextAreaField
              id="fu-text"
              label={t('rapat.fuText')}
              value={fuText}
              onChange={setFuText}
              rows={2}
              maxLength={1000}
              error={fieldError(fu.errors, 'text')}
              required
              testId="fu-text"
            />
            <div className="form-grid">
              <SelectField
                id="fu-owner"
                label={t('rapat.fuOwner')}
                value={fuOwner}
                onChange={setFuOwner}
                options={[...(opds.data ?? [])]
                  .sort((a, b) => a.shortName.localeCompare(b.shortName))
                  .map((o) => ({ value: o.code, label: o.shortName }))}
                placeholder={t('form.choose')}
                error={fieldError(fu.errors, 'ownerOpdCode')}
                required
                testId="fu-owner"
              />
              <DateField
                id="fu-due"
                label={t('rapat.fuDue')}
                value={fuDue}
                onChange={setFuDue}
                min={meeting.meetingDate}
                error={fieldError(fu.errors, 'dueDate')}
                required
                testId="fu-due"
              />
              <SelectField
                id="fu-programme"
                label={t('rapat.fuProgramme')}
                value={fuProgramme}
                onChange={setFuProgramme}
                options={programmes.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))}
                placeholder={t('form.optionalChoice')}
                error={fieldError(fu.errors, 'programmeCode')}
                testId="fu-programme"
              />
              <ItemSelect
                id="fu-item"
                view={view}
                value={fuItem}
                onChange={setFuItem}
                currentName={currentName}
                disabled={addFollowUp.isPending}
              />
            </div>
            {fu.message ? (
              <Notice tone="error" live="assertive" testId="fu-error">
                {fu.message}
              </Notice>
            ) : null}
            <div className="form-actions">
              <button
                type="submit"
                className="btn btn--primary"
                disabled={addFollowUp.isPending}
                data-testid="fu-save"
              >
                {addFollowUp.isPending ? t('state.saving') : t('rapat.fuSave')}
              </button>
            </div>
          </form>
        </div>
      ) : null}

      <div className="secretary-lists">
        <div className="card">
          <h3 className="card-title">{t('rapat.notes')}</h3>
          {decided.notes.length === 0 ? (
            <p className="muted">{t('rapat.notesNone')}</p>
          ) : (
            <ol className="minutes" data-testid="notes-list">
              {decided.notes.map((n) => (
                <li key={n.id} data-testid={`note-${n.id}`} data-kind={n.kind}>
                  <span className={`pill pill--${n.kind === 'keputusan' ? 'ok' : 'wait'}`}>
                    {t(n.kind === 'arahan' ? 'rapat.noteKind.arahan' : 'rapat.noteKind.keputusan')}
                  </span>
                  <span className="minutes-text">{n.text}</span>
                  <span className="minutes-meta muted">
                    {itemNameById(n.itemId)} · {formatTimeWib(Date.parse(n.createdAt), locale)}
                    {n.createdBy ? ` · ${n.createdBy}` : ''}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
        <div className="card">
          <h3 className="card-title">{t('rapat.fus')}</h3>
          {decided.followUps.items.length === 0 ? (
            <p className="muted">{t('rapat.fusNone')}</p>
          ) : (
            <ol className="minutes" data-testid="fu-list">
              {decided.followUps.items.map((f) => (
                <li key={f.id} data-testid={`fu-${f.id}`} data-state={f.state}>
                  <span className={`pill pill--${FU_STATE_TONE[f.state]}`}>{t(FU_STATE_KEY[f.state])}</span>
                  <span className="minutes-text">{f.text}</span>
                  <span className="minutes-meta muted">
                    {f.ownerOpdName} · {t('rapat.fuDueValue', { date: formatDate(f.dueDate, locale) })}
                    {f.programmeCode ? ` · ${f.programmeCode}` : ''} · {itemNameById(f.itemId)}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}
