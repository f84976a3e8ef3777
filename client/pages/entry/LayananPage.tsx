// /opd/layanan: the public-service figures an OPD enters by hand: one service request, one
// complaint, and a satisfaction survey (IKM). Bulk data comes through /opd/impor instead.

import { Link } from '../../navigation';
import { OpdPicker, useOpdChoice } from '../../office/OpdPicker';
import { PageHeader } from '../../office/ui';
import { useT } from '../../office/useT';
import { ComplaintForm } from './ComplaintForm';
import { IkmForm } from './IkmForm';
import { ServiceRecordForm } from './ServiceRecordForm';

export default function LayananPage() {
  const { t } = useT();
  const choice = useOpdChoice();
  return (
    <>
      <PageHeader
        title={t('layanan.title')}
        lead={
          <>
            {t('layanan.lead')} <Link to="/opd/impor">{t('layanan.importLink')}</Link>
          </>
        }
      />
      <nav className="in-page" aria-label={t('layanan.sections')}>
        <a href="#service-form-h">{t('layanan.serviceTitle')}</a>
        <a href="#complaint-form-h">{t('layanan.complaintTitle')}</a>
        <a href="#ikm-form-h">{t('ikm.title')}</a>
      </nav>
      {!choice.fixed ? (
        <div className="toolbar">
          <OpdPicker choice={choice} />
        </div>
      ) : null}
      <div className="card">
        <ServiceRecordForm key={`svc-${choice.code ?? ''}`} opdCode={choice.code} />
      </div>
      <div className="card">
        <ComplaintForm key={`cmp-${choice.code ?? ''}`} opdCode={choice.code} />
      </div>
      <div className="card">
        <IkmForm key={`ikm-${choice.code ?? ''}`} opdCode={choice.code} />
      </div>
    </>
  );
}
