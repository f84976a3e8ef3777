// Changing one's own password: checked with the shared schema first (12 characters), then by the
// server (the old password, the character mix). Other sessions of the account end on success.

import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { changePasswordInput } from '../../shared/schemas';
import { fieldError, firstInvalid, issuesToFieldErrors } from '../forms/errors';
import { useTRPC } from '../trpc';
import { TextField } from './fields';
import { Dialog, Notice } from './ui';
import { useFormFeedback } from './useFormFeedback';
import { useT } from './useT';

const ORDER = ['current', 'next', 'confirm'] as const;

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useT();
  const trpc = useTRPC();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const feedback = useFormFeedback(ORDER, (f) => `pw-${f}`);
  const { errors, message } = feedback;
  const [done, setDone] = useState(false);
  const change = useMutation(trpc.auth.changePassword.mutationOptions());

  const reset = () => {
    setCurrent('');
    setNext('');
    setConfirm('');
    feedback.clear();
    setDone(false);
  };
  const close = () => {
    reset();
    onClose();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    feedback.setMessage(null);
    const parsed = changePasswordInput.safeParse({ current, next });
    const errs = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);
    if (next !== confirm) errs.confirm = [t('password.mismatch')];
    if (firstInvalid(errs, ORDER) || !parsed.success) return feedback.invalid(errs, { fallback: 'current' });
    feedback.setErrors(errs);
    change.mutate(parsed.data, {
      onSuccess: () => {
        setDone(true);
        setCurrent('');
        setNext('');
        setConfirm('');
      },
      onError: (err) => feedback.refused(err, { fallback: 'current' }),
    });
  };

  return (
    <Dialog open={open} onClose={close} title={t('password.title')} testId="change-password-dialog">
      {done ? (
        <>
          <Notice tone="success" live="polite" testId="password-changed">
            {t('password.done')}
          </Notice>
          <div className="form-actions">
            <button type="button" className="btn btn--primary" onClick={close}>
              {t('action.close')}
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={submit} noValidate>
          <TextField
            id="pw-current"
            type="password"
            label={t('password.current')}
            value={current}
            onChange={setCurrent}
            autoComplete="current-password"
            error={fieldError(errors, 'current')}
            required
          />
          <TextField
            id="pw-next"
            type="password"
            label={t('password.next')}
            value={next}
            onChange={setNext}
            autoComplete="new-password"
            hint={t('password.rule')}
            error={fieldError(errors, 'next')}
            required
          />
          <TextField
            id="pw-confirm"
            type="password"
            label={t('password.confirm')}
            value={confirm}
            onChange={setConfirm}
            autoComplete="new-password"
            error={fieldError(errors, 'confirm')}
            required
          />
          {message ? (
            <Notice tone="error" live="assertive" testId="password-error">
              {message}
            </Notice>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="btn btn--primary" disabled={change.isPending}>
              {change.isPending ? t('state.saving') : t('password.submit')}
            </button>
            <button type="button" className="btn" onClick={close}>
              {t('action.cancel')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
