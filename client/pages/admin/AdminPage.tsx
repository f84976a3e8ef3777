// /admin: Dinkominfo's administration: accounts, API tokens, wall displays, reporting deadlines and
// reopening.

import { PageHeader } from '../../office/ui';
import { useT } from '../../office/useT';
import { DisplaysSection } from './DisplaysSection';
import { OpdsSection } from './OpdsSection';
import { PeriodsSection } from './PeriodsSection';
import { TokensSection } from './TokensSection';
import { UsersSection } from './UsersSection';

export default function AdminPage() {
  const { t } = useT();
  return (
    <>
      <PageHeader title={t('admin.title')} lead={t('admin.lead')} />
      <nav className="in-page" aria-label={t('admin.sections')}>
        <a href="#users-h">{t('admin.users')}</a>
        <a href="#tokens-h">{t('admin.tokens')}</a>
        <a href="#displays-h">{t('displays.title')}</a>
        <a href="#periods-h">{t('admin.periods')}</a>
      </nav>
      <UsersSection />
      <TokensSection />
      <DisplaysSection />
      <PeriodsSection />
      <OpdsSection />
    </>
  );
}
