// Accounts: who may sign in, with which role, for which OPD. Create, change (role, OPD, name,
// active) and set a new password; the server checks every rule and audits every change.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { OfficeRole } from '../../App';
import { describeError, type FieldErrors, fieldError } from '../../forms/errors';
import { focusField, type Option, SelectField, TextField } from '../../office/fields';
import { ROLE_LABEL } from '../../office/session';
import { Dialog, ExportLinks, Notice, QueryStatus } from '../../office/ui';
import { useFormFeedback } from '../../office/useFormFeedback';
import { useT } from '../../office/useT';
import { type RouterOutputs, useTRPC } from '../../trpc';

type User = RouterOutputs['admin']['users'][number];
const ROLES: readonly OfficeRole[] = ['opd', 'verifier', 'admin', 'executive'];

function useOpdOptions(): Option[] {
  const trpc = useTRPC();
  const opds = useQuery({ ...trpc.reference.opds.queryOptions(), staleTime: 10 * 60_000 });
  return (opds.data ?? []).map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }));
}

function useRoleOptions(): Option[] {
  const { t } = useT();
  return ROLES.map((r) => ({ value: r, label: t(ROLE_LABEL[r]) }));
}

function CreateUser() {
  const { t } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const opdOptions = useOpdOptions();
  const roleOptions = useRoleOptions();
  const empty = { username: '', displayName: '', role: 'opd', opdCode: '', password: '' };
  const [v, setV] = useState(empty);
  const set = (k: keyof typeof v) => (value: string) => setV((o) => ({ ...o, [k]: value }));
  const order = ['username', 'displayName', 'role', 'opdCode', 'password'] as const;
  const id = (f: (typeof order)[number]) => `user-create-${f}`;
  const feedback = useFormFeedback(order, id);
  const { errors, message, extra } = feedback;
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation(trpc.admin.createUser.mutationOptions());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    feedback.setMessage(null);
    setCreated(null);
    const errs: FieldErrors = {};
    if (!v.username.trim()) errs.username = [t('form.requiredField')];
    if (!v.displayName.trim()) errs.displayName = [t('form.requiredField')];
    if (v.role === 'opd' && !v.opdCode) errs.opdCode = [t('admin.opdRequired')];
    if (!v.password) errs.password = [t('form.requiredField')];
    if (Object.keys(errs).length > 0) {
      return feedback.invalid(errs, { message: t('form.fixErrors'), fallback: 'username' });
    }
    feedback.setErrors({});
    create.mutate(
      {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        role: v.role as OfficeRole,
        opdCode: v.role === 'opd' ? v.opdCode : null,
        password: v.password,
      },
      {
        onSuccess: () => {
          setCreated(t('admin.userCreated', { username: v.username.trim() }));
          setV(empty);
          void queryClient.invalidateQueries(trpc.admin.users.pathFilter());
        },
        onError: (err) => feedback.refused(err),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="card" aria-labelledby="user-create-h">
      <h3 className="card-title" id="user-create-h">
        {t('admin.createUser')}
      </h3>
      <div className="form-grid">
        <TextField
          id={id('username')}
          label={t('admin.username')}
          hint={t('admin.usernameHint')}
          value={v.username}
          onChange={set('username')}
          autoComplete="off"
          error={fieldError(errors, 'username')}
          testId="user-create-username"
          required
        />
        <TextField
          id={id('displayName')}
          label={t('admin.displayName')}
          value={v.displayName}
          onChange={set('displayName')}
          error={fieldError(errors, 'displayName')}
          testId="user-create-display"
          required
        />
        <SelectField
          id={id('role')}
          label={t('admin.role')}
          value={v.role}
          onChange={set('role')}
          options={roleOptions}
          error={fieldError(errors, 'role')}
          testId="user-create-role"
          required
        />
        <SelectField
          id={id('opdCode')}
          label={t('field.opd')}
          value={v.opdCode}
          onChange={set('opdCode')}
          placeholder={v.role === 'opd' ? t('form.choose') : t('admin.opdNotNeeded')}
          options={opdOptions}
          disabled={v.role !== 'opd'}
          error={fieldError(errors, 'opdCode')}
          testId="user-create-opd"
          required={v.role === 'opd'}
        />
        <TextField
          id={id('password')}
          type="password"
          label={t('admin.initialPassword')}
          hint={t('password.rule')}
          value={v.password}
          onChange={set('password')}
          autoComplete="new-password"
          error={fieldError(errors, 'password')}
          testId="user-create-password"
          required
        />
      </div>
      {message ? (
        <Notice tone="error" live="assertive" testId="user-create-error">
          <p>{message}</p>
          {extra.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </Notice>
      ) : null}
      {created ? (
        <Notice tone="success" live="polite" testId="user-create-result">
          {created}
        </Notice>
      ) : null}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={create.isPending}
          data-testid="user-create-submit"
        >
          {create.isPending ? t('state.saving') : t('admin.createUserSubmit')}
        </button>
      </div>
    </form>
  );
}

function EditUser({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const opdOptions = useOpdOptions();
  const roleOptions = useRoleOptions();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<string>(user.role);
  const [opdCode, setOpdCode] = useState(user.opdCode ?? '');
  const [active, setActive] = useState(user.active === 1);
  const p = `user-edit-${user.id}`;
  const feedback = useFormFeedback(['displayName', 'opdCode'] as const, (f) =>
    f === 'opdCode' ? `${p}-opd` : `${p}-display`,
  );
  const { errors, message } = feedback;
  const update = useMutation(trpc.admin.updateUser.mutationOptions());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    feedback.setMessage(null);
    if (role === 'opd' && !opdCode) return feedback.invalid({ opdCode: [t('admin.opdRequired')] });
    update.mutate(
      {
        id: user.id,
        displayName,
        role: role as OfficeRole,
        opdCode: role === 'opd' ? opdCode : null,
        active,
      },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries(trpc.admin.users.pathFilter());
          onClose();
        },
        // A refused change moves no focus.
        onError: (err) => feedback.refused(err, { focus: false }),
      },
    );
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="inline-editor"
      aria-label={t('admin.editUser', { username: user.username })}
    >
      <div className="form-grid">
        <TextField
          id={`${p}-display`}
          label={t('admin.displayName')}
          value={displayName}
          onChange={setDisplayName}
          error={fieldError(errors, 'displayName')}
          required
        />
        <SelectField
          id={`${p}-role`}
          label={t('admin.role')}
          value={role}
          onChange={setRole}
          options={roleOptions}
        />
        <SelectField
          id={`${p}-opd`}
          label={t('field.opd')}
          value={opdCode}
          onChange={setOpdCode}
          placeholder={role === 'opd' ? t('form.choose') : t('admin.opdNotNeeded')}
          options={opdOptions}
          disabled={role !== 'opd'}
          error={fieldError(errors, 'opdCode')}
        />
        <div className="field field--check">
          <input
            id={`${p}-active`}
            type="checkbox"
            checked={active}
            onChange={(e) => setActive(e.target.checked)}
          />
          <label htmlFor={`${p}-active`}>{t('admin.active')}</label>
        </div>
      </div>
      {message ? (
        <Notice tone="error" live="assertive">
          {message}
        </Notice>
      ) : null}
      <div className="form-actions">
        <button
          type="submit"
          className="btn btn--small btn--primary"
          disabled={update.isPending}
          data-testid={`${p}-save`}
        >
          {t('action.save')}
        </button>
        <button type="button" className="btn btn--small" onClick={onClose}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

function ResetPasswordDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useT();
  const trpc = useTRPC();
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const reset = useMutation(trpc.admin.resetPassword.mutationOptions());
  const close = () => {
    setPassword('');
    setMessage(null);
    setDone(false);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!user) return;
    if (!password) {
      setMessage(t('form.requiredField'));
      focusField('reset-password');
      return;
    }
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          setDone(true);
          setPassword('');
        },
        onError: (err) => {
          setMessage(describeError(err, t('error.network')).message);
          focusField('reset-password');
        },
      },
    );
  };
  return (
    <Dialog
      open={user !== null}
      onClose={close}
      title={t('admin.resetTitle', { username: user?.username ?? '' })}
      testId="reset-password-dialog"
    >
      {done ? (
        <>
          <Notice tone="success" live="polite" testId="reset-password-done">
            {t('admin.resetDone')}
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
            id="reset-password"
            type="password"
            label={t('password.next')}
            hint={t('admin.resetHint')}
            value={password}
            onChange={setPassword}
            autoComplete="new-password"
            error={message ?? undefined}
            testId="reset-password-input"
            required
          />
          <div className="form-actions">
            <button
              type="submit"
              className="btn btn--primary"
              disabled={reset.isPending}
              data-testid="reset-password-submit"
            >
              {t('admin.resetSubmit')}
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

export function UsersSection() {
  const { t } = useT();
  const trpc = useTRPC();
  const users = useQuery(trpc.admin.users.queryOptions());
  const [editing, setEditing] = useState<number | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);

  return (
    <section className="section" aria-labelledby="users-h">
      <h2 className="section-heading" id="users-h">
        {t('admin.users')}
      </h2>
      <ExportLinks table="pengguna" params={{}} />
      <QueryStatus isPending={users.isPending} error={users.error} onRetry={() => void users.refetch()} />
      {users.data ? (
        <div className="table-wrap">
          <table className="table" data-testid="users-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.username')}</th>
                <th scope="col">{t('admin.displayName')}</th>
                <th scope="col">{t('admin.role')}</th>
                <th scope="col">{t('field.opd')}</th>
                <th scope="col">{t('field.state')}</th>
                <th scope="col">{t('field.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <UserRow
                  key={u.id}
                  user={u}
                  editing={editing === u.id}
                  onEdit={() => setEditing(u.id)}
                  onClose={() => setEditing(null)}
                  onReset={() => setResetting(u)}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <CreateUser />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} />
    </section>
  );
}

function UserRow({
  user: u,
  editing,
  onEdit,
  onClose,
  onReset,
}: {
  user: User;
  editing: boolean;
  onEdit: () => void;
  onClose: () => void;
  onReset: () => void;
}) {
  const { t } = useT();
  const role = ROLES.find((r) => r === u.role);
  return (
    <>
      <tr data-testid={`user-row-${u.username}`}>
        <td className="code">{u.username}</td>
        <td>{u.displayName}</td>
        <td>{role ? t(ROLE_LABEL[role]) : u.role}</td>
        <td>{u.opdCode ?? '—'}</td>
        <td>
          <span className={`pill pill--${u.active === 1 ? 'ok' : 'none'}`}>
            {u.active === 1 ? t('admin.activeYes') : t('admin.activeNo')}
          </span>
        </td>
        <td className="actions">
          <button
            type="button"
            className="btn btn--small"
            onClick={editing ? onClose : onEdit}
            aria-expanded={editing}
            data-testid={`user-edit-${u.id}`}
          >
            {t('action.edit')}
          </button>
          <button
            type="button"
            className="btn btn--small"
            onClick={onReset}
            data-testid={`user-reset-${u.id}`}
          >
            {t('admin.resetPassword')}
          </button>
        </td>
      </tr>
      {editing ? (
        <tr className="row-detail">
          <td colSpan={6}>
            <EditUser user={u} onClose={onClose} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
