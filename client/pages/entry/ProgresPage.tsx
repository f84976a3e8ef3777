// /opd/progres: monthly progress of the masterplan programmes the OPD coordinates, one card per
// programme, saved one by one. Locked periods and admin corrections work as on /opd/realisasi.

import { skipToken, useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { formatPeriod } from '../../../shared/format';
import { previousMonth, validPeriod } from '../../forms/wib';
import { TextField } from '../../office/fields';
import { OpdPicker, useOpdChoice } from '../../office/OpdPicker';
import { canWrite, useSession } from '../../office/session';
import { ExportLinks, Notice, PageHeader, QueryStatus } from '../../office/ui';
import { useSearch } from '../../office/useSearch';
import { useT } from '../../office/useT';
import { useTRPC } from '../../trpc';
import { ProgresCard, toProgramme } from './ProgresCard';

export default function ProgresPage() {
  const { t, locale } = useT();
  const trpc = useTRPC();
  const { user } = useSession();
  const choice = useOpdChoice();
  const [search, setSearch] = useSearch();
  const [now] = useState(Date.now);
  const period = validPeriod(search.get('period')) ?? previousMonth(now).period;
  const highlight = search.get('kode');
  const queryInput = { ...choice.input, period };
  const q = useQuery(trpc.entry.programmes.queryOptions(choice.code ? queryInput : skipToken));
  const [reason, setReason] = useState('');
  const reasonRef = useRef<HTMLInputElement>(null);

  const locked = q.data?.locked ?? null;
  const writer = canWrite(user.role);
  const adminOverride = user.role === 'admin' && locked !== null;
  const editable = writer && (locked === null || adminOverride);
  const programmes = (q.data?.rows ?? []).map(toProgramme);

  return (
    <>
      <PageHeader
        title={t('progres.title')}
        lead={t('progres.lead', { period: formatPeriod(period, locale) })}
      >
        <ExportLinks table="progres" params={{ period, opd: choice.code }} disabled={!choice.code} />
      </PageHeader>
      <form className="toolbar" onSubmit={(e) => e.preventDefault()} aria-label={t('form.filters')}>
        <OpdPicker choice={choice} />
        <TextField
          id="progres-period"
          type="month"
          label={t('field.period')}
          value={period}
          onChange={(v) => {
            if (validPeriod(v)) setSearch({ period: v, kode: null });
          }}
          testId="select-period"
        />
      </form>

      {!choice.code ? <Notice tone="info">{t('opd.pickFirst')}</Notice> : null}
      <QueryStatus
        isPending={q.isPending && !!choice.code}
        error={q.error}
        onRetry={() => void q.refetch()}
      />

      {locked !== null ? (
        <Notice tone="warning" title={t('entry.lockedTitle')}>
          <p data-testid="locked-reason">{locked}</p>
          {adminOverride ? <p>{t('entry.adminOverride')}</p> : null}
        </Notice>
      ) : null}
      {!writer && q.data ? <Notice tone="info">{t('entry.readOnly')}</Notice> : null}
      {adminOverride ? (
        <div className="toolbar">
          <TextField
            id="correction-reason"
            inputRef={reasonRef}
            className="field--wide"
            label={t('entry.reason')}
            hint={t('entry.reasonHint')}
            value={reason}
            onChange={setReason}
            maxLength={500}
            required
            testId="input-reason"
          />
        </div>
      ) : null}

      {q.data && programmes.length === 0 ? <Notice tone="info">{t('progres.empty')}</Notice> : null}
      <div className="card-stack">
        {programmes.map((p) => (
          <ProgresCard
            key={`${period}-${p.id}`}
            programme={p}
            period={period}
            editable={editable}
            reason={reason}
            reasonRequired={adminOverride}
            onNeedReason={() => reasonRef.current?.focus()}
            queryInput={queryInput}
            highlight={highlight !== null && highlight === p.code}
          />
        ))}
      </div>
    </>
  );
}
