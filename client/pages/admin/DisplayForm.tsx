// One form for a new display and for changing one: name, location and the playlist. The draft is
// checked with the shared schema first; the server's field errors ('playlist.1.opdCode') land
// beside the input they name, and a refused save leaves the form as it was, nothing written.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeError, type FieldErrors, fieldError, otherFieldMessages } from '../../forms/errors';
import { TextField } from '../../office/fields';
import { Notice } from '../../office/ui';
import { useFormFeedback } from '../../office/useFormFeedback';
import { useT } from '../../office/useT';
import { type RouterOutputs, useTRPC } from '../../trpc';
import { addButtonId, ITEM_FIELDS, itemFieldId, PlaylistEditor } from './PlaylistEditor';
import { type DraftItem, newDraftItem, parseDraft, toDraft } from './playlistDraft';

export type Display = RouterOutputs['display']['list'][number];

/** Field error keys the form shows beside an input, in the order of the form. */
function shownKeys(items: readonly DraftItem[]): string[] {
  return [
    'name',
    'location',
    'playlist',
    ...items.flatMap((_, i) => ITEM_FIELDS.map((f) => `playlist.${i}.${f}`)),
  ];
}

function elementFor(prefix: string, items: readonly DraftItem[], key: string): string | null {
  if (key === 'name' || key === 'location') return `${prefix}-${key}`;
  if (key === 'playlist') return addButtonId(prefix);
  const m = /^playlist\.(\d+)\.(\w+)$/.exec(key);
  const item = m ? items[Number(m[1])] : undefined;
  return m && item ? itemFieldId(prefix, item.key, m[2] ?? '') : null;
}

export function DisplayForm({
  display,
  onCreated,
  onSaved,
  onCancel,
}: {
  /** The display to change; without it the form adds a new one. */
  display?: Display;
  onCreated?: (name: string, path: string) => void;
  onSaved?: (name: string) => void;
  onCancel?: () => void;
}) {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prefix = display ? `display-edit-${display.id}` : 'display-create';
  const [name, setName] = useState(display?.name ?? '');
  const [location, setLocation] = useState(display?.location ?? '');
  const [items, setItemsState] = useState<DraftItem[]>(() =>
    display ? toDraft(display.playlist) : [newDraftItem('ringkasan')],
  );
  const feedback = useFormFeedback(shownKeys(items), (key) => elementFor(prefix, items, key));
  const { errors, setErrors, message, extra } = feedback;
  const create = useMutation(trpc.display.create.mutationOptions());
  const update = useMutation(trpc.display.update.mutationOptions());
  const pending = create.isPending || update.isPending;

  const setItems = (next: DraftItem[]) => {
    // Errors of the playlist are keyed by position: once rows move, they point at the wrong row.
    if (next.length !== items.length || next.some((it, i) => it.key !== items[i]?.key))
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('playlist'))));
    setItemsState(next);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    feedback.setMessage(null);
    const draft = parseDraft(items, locale);
    const errs: FieldErrors = draft.ok ? {} : { ...draft.errors };
    if (!name.trim()) errs.name = [t('form.requiredField')];
    if (!draft.ok || Object.keys(errs).length > 0) {
      return feedback.invalid(errs, { message: t('form.fixErrors') });
    }
    setErrors({});
    const input = { name: name.trim(), location: location.trim() || null, playlist: draft.playlist };
    const onError = (err: unknown) => {
      const info = describeError(err, t('error.network'));
      // The server's summary names the field by its path; when every error sits beside its
      // input, the plain instruction reads better.
      const allShown =
        Object.keys(info.fieldErrors).length > 0 &&
        otherFieldMessages(info.fieldErrors, shownKeys(items)).length === 0;
      feedback.invalid(info.fieldErrors, { message: allShown ? t('form.fixErrors') : info.message });
    };
    const refresh = () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.display.list.pathFilter()),
        // A display's token is listed among the API tokens too.
        queryClient.invalidateQueries(trpc.admin.tokens.pathFilter()),
      ]);
    if (display) {
      update.mutate(
        { id: display.id, ...input },
        {
          onSuccess: () => {
            void refresh();
            onSaved?.(input.name);
          },
          onError,
        },
      );
    } else {
      create.mutate(input, {
        onSuccess: (res) => {
          void refresh();
          setName('');
          setLocation('');
          setItemsState([newDraftItem('ringkasan')]);
          onCreated?.(input.name, res.path);
        },
        onError,
      });
    }
  };

  const title = display ? t('displays.edit', { name: display.name }) : t('displays.create');
  return (
    <form
      onSubmit={submit}
      noValidate
      className={display ? undefined : 'card'}
      aria-labelledby={`${prefix}-h`}
      data-testid={`${prefix}-form`}
    >
      <h3 className="card-title" id={`${prefix}-h`}>
        {title}
      </h3>
      <div className="form-grid">
        <TextField
          id={`${prefix}-name`}
          label={t('displays.name')}
          value={name}
          onChange={setName}
          maxLength={120}
          autoComplete="off"
          error={fieldError(errors, 'name')}
          testId={`${prefix}-name`}
          required
        />
        <TextField
          id={`${prefix}-location`}
          label={t('displays.location')}
          hint={t('displays.locationHint')}
          value={location}
          onChange={setLocation}
          maxLength={120}
          autoComplete="off"
          error={fieldError(errors, 'location')}
          testId={`${prefix}-location`}
        />
      </div>
      <PlaylistEditor prefix={prefix} items={items} onChange={setItems} errors={errors} />
      {message ? (
        <Notice tone="error" live="assertive" testId={`${prefix}-error`}>
          <p>{message}</p>
          {extra.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </Notice>
      ) : null}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={pending}
          data-testid={`${prefix}-submit`}
        >
          {pending ? t('state.saving') : display ? t('action.save') : t('displays.createSubmit')}
        </button>
        {onCancel ? (
          <button type="button" className="btn" onClick={onCancel}>
            {t('action.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
