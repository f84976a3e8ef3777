// /masuk: sign in with a username and password. On success the session cookie is set by the
// server, the CSRF token is kept in memory, and the page goes to ?next= (same-site only) or to the
// role's home page.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { loginInput } from '../../../shared/schemas';
import { LanguageToggle } from '../../components/LanguageToggle';
import { setCsrfToken } from '../../csrf';
import { fieldError, issuesToFieldErrors } from '../../forms/errors';
import { safeNextPath, useNavigation } from '../../navigation';
import { TextField } from '../../office/fields';
import { homeFor, useMaybeSession } from '../../office/session';
import { useFormFeedback } from '../../office/useFormFeedback';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';

const ORDER = ['username', 'password'] as const;

export default function LoginPage() {
  const { t } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { location, navigate } = useNavigation();
  const session = useMaybeSession();
  const next = safeNextPath(location.search.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const feedback = useFormFeedback(ORDER, (f) => `login-${f}`);
  const { errors, message } = feedback;

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('shell.brand')}`;
  }, [t]);

  // Already signed in (a bookmark to /masuk, or the back button): go on.
  useEffect(() => {
    if (session) navigate(next ?? homeFor(session.user.role), { replace: true });
  }, [session, next, navigate]);

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (data) => {
        setCsrfToken(data.csrfToken);
        queryClient.setQueryData(trpc.auth.me.queryKey(), data);
        navigate(next ?? homeFor(data.user.role), { replace: true });
      },
      onError: (err) => {
        // A refused sign-in also empties the password; when no field is named, the cursor goes there.
        setPassword('');
        feedback.refused(err, { fallback: 'password' });
      },
    }),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    feedback.setMessage(null);
    const parsed = loginInput.safeParse({ username, password });
    if (!parsed.success) {
      return feedback.invalid(issuesToFieldErrors(parsed.error.issues), {
        message: t('form.fixErrors'),
        fallback: 'username',
      });
    }
    feedback.setErrors({});
    login.mutate(parsed.data);
  };

  return (
    <main className="login-page" id="main">
      <div className="login-card">
        <div className="login-brand">
          <span className="brand-name">{t('shell.brand')}</span>
          <span className="brand-sub">{t('shell.brandSub')}</span>
        </div>
        <h1 className="page-title">{t('login.title')}</h1>
        <p className="page-lead">{t('login.lead')}</p>
        <form onSubmit={submit} noValidate>
          <TextField
            id="login-username"
            label={t('login.username')}
            value={username}
            onChange={setUsername}
            autoComplete="username"
            error={fieldError(errors, 'username')}
            testId="login-username"
            required
          />
          <TextField
            id="login-password"
            type="password"
            label={t('login.password')}
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            error={fieldError(errors, 'password')}
            testId="login-password"
            required
          />
          {message ? (
            <div className="notice notice--error" role="alert" data-testid="login-error">
              {message}
            </div>
          ) : null}
          <button
            type="submit"
            className="btn btn--primary btn--block"
            disabled={login.isPending}
            data-testid="login-submit"
          >
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
        <LanguageToggle
          label={t('shell.language')}
          className="lang-switch login-lang"
          buttonClassName="btn btn--small btn--ghost"
        />
      </div>
    </main>
  );
}
