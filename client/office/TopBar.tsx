// The office top bar: the pages this role may open, who is signed in (name, role, OPD), the
// language, changing the password and signing out.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { OFFICE_ROUTES } from '../App';
import { LanguageToggle } from '../components/LanguageToggle';
import { setCsrfToken } from '../csrf';
import { describeError } from '../forms/errors';
import { Link, useNavigation } from '../navigation';
import { useTRPC } from '../trpc';
import { ChangePasswordDialog } from './ChangePasswordDialog';
import type { OfficeKey } from './messages';
import { isOfficeRole, ROLE_LABEL, type Session } from './session';
import { useT } from './useT';

const NAV: readonly { path: string; label: OfficeKey }[] = [
  { path: '/opd', label: 'nav.opdHome' },
  { path: '/opd/realisasi', label: 'nav.realisasi' },
  { path: '/opd/progres', label: 'nav.progres' },
  { path: '/opd/tindak-lanjut', label: 'nav.tindakLanjut' },
  { path: '/opd/layanan', label: 'nav.layanan' },
  { path: '/opd/impor', label: 'nav.impor' },
  { path: '/verifikasi', label: 'nav.verifikasi' },
  { path: '/admin', label: 'nav.admin' },
  { path: '/audit', label: 'nav.audit' },
  { path: '/kepatuhan', label: 'nav.kepatuhan' },
  { path: '/spbe', label: 'nav.spbe' },
  { path: '/rapat', label: 'nav.rapat' },
];

export function TopBar({ session, path }: { session: Session; path: string }) {
  const { t } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { navigate } = useNavigation();
  const [pwOpen, setPwOpen] = useState(false);
  const [logoutError, setLogoutError] = useState<string | null>(null);
  const { user } = session;
  const role = isOfficeRole(user.role) ? user.role : null;
  const items = NAV.filter((n) => {
    const roles = OFFICE_ROUTES[n.path]?.roles;
    return role !== null && roles !== undefined && roles !== 'public' && roles.includes(role);
  });
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSuccess: () => {
        setCsrfToken(null);
        queryClient.clear();
        navigate('/masuk', { replace: true });
      },
      onError: (err) => setLogoutError(describeError(err, t('error.network')).message),
    }),
  );

  return (
    <>
      <header className="topbar">
        <a className="skip-link" href="#main">
          {t('shell.skip')}
        </a>
        <div className="topbar-row">
          <div className="brand">
            <span className="brand-name">{t('shell.brand')}</span>
            <span className="brand-sub">{t('shell.brandSub')}</span>
          </div>
          <div className="topbar-user">
            <div className="user-id" data-testid="user-info">
              <span className="user-name" data-testid="user-name">
                {user.displayName}
              </span>
              <span className="user-meta">
                <span data-testid="user-role">{role ? t(ROLE_LABEL[role]) : user.role}</span>
                {user.opdCode ? (
                  <>
                    {' · '}
                    <span data-testid="user-opd">{user.opdCode}</span>
                  </>
                ) : null}
              </span>
            </div>
            <LanguageToggle
              label={t('shell.language')}
              className="lang-switch"
              buttonClassName="btn btn--small btn--ghost"
            />
            <button
              type="button"
              className="btn btn--small btn--ghost"
              onClick={() => setPwOpen(true)}
              data-testid="nav-change-password"
            >
              {t('shell.changePassword')}
            </button>
            <button
              type="button"
              className="btn btn--small"
              onClick={() => logout.mutate()}
              disabled={logout.isPending}
              data-testid="nav-logout"
            >
              {t('shell.logout')}
            </button>
          </div>
        </div>
        <nav className="topbar-nav" aria-label={t('shell.nav')}>
          <ul>
            {items.map((n) => (
              <li key={n.path}>
                <Link
                  to={n.path}
                  aria-current={n.path === path ? 'page' : undefined}
                  data-testid={`nav-${n.path.replace(/^\//, '').replace(/\//g, '-')}`}
                >
                  {t(n.label)}
                </Link>
              </li>
            ))}
            {role === 'executive' ? (
              <li>
                <a href="/">{t('nav.wall')}</a>
              </li>
            ) : null}
          </ul>
        </nav>
        {logoutError ? (
          <div className="topbar-error" role="alert">
            {logoutError}
          </div>
        ) : null}
      </header>
      {/* Outside the header so the dark bar's button styles do not reach the dialog. */}
      <ChangePasswordDialog open={pwOpen} onClose={() => setPwOpen(false)} />
    </>
  );
}
