// OPDs after a reorganisation: rename one (name, short name) or mark it inactive, row by row. The
// code and kind stay; an inactive OPD keeps its figures and history. The server audits each change.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type FieldErrors, fieldError } from '../../forms/errors';
import { TextField } from '../../office/fields';
import type { OfficeKey } from '../../office/messages';
import { QueryStatus } from '../../office/ui';
import { useFormFeedback } from '../../office/useFormFeedback';
import { useT } from '../../office/useT';
import { type RouterOutputs, useTRPC } from '../../trpc';

type Opd = RouterOutputs['admin']['opds'][number];

const KIND_LABEL: Record<string, OfficeKey> = {
  sekretariat: 'opdKind.sekretariat',
  inspektorat: 'opdKind.inspektorat',
  badan: 'opdKind.badan',
  dinas: 'opdKind.dinas',
  rsud: 'opdKind.rsud',
  satpol_pp: 'opdKind.satpol_pp',
  kecamatan: 'opdKind.kecamatan',
};

const FIELDS = ['name', 'shortName', 'active'] as const;

export function OpdsSection() {
  const { t } = useT();
  const trpc = useTRPC();
  const opds = useQuery(trpc.admin.opds.queryOptions());

  return (
    <section className="section" aria-labelledby="opds-h">
      <h2 className="section-heading" id="opds-h">
        {t('admin.opds')}
      </h2>
      <p className="muted">{t('admin.opdsLead')}</p>
      <QueryStatus isPending={opds.isPending} error={opds.error} onRetry={() => void opds.refetch()} />
      {opds.data ? (
        <div className="table-wrap table-wrap--scroll">
          <table className="table table--entry" data-testid="opds-table">
            <thead>
              <tr>
                <th scope="col">{t('field.code')}</th>
                <th scope="col">{t('admin.opdName')}</th>
                <th scope="col">{t('admin.opdShortName')}</th>
                <th scope="col">{t('admin.opdKind')}</th>
                <th scope="col">{t('admin.active')}</th>
                <th scope="col">
                  <span className="sr-only">{t('field.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {opds.data.map((o) => (
                <OpdRow key={o.code} opd={o} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function OpdRow({ opd }: { opd: Opd }) {
  const { t } = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(opd.name);
  const [shortName, setShortName] = useState(opd.shortName);
  const [active, setActive] = useState(opd.active === 1);
  const p = `opd-${opd.code}`;
  // The name and the short name have an input to focus; the active box does not get the focus.
  const feedback = useFormFeedback(FIELDS, (f) =>
    f === 'name' ? `${p}-name` : f === 'shortName' ? `${p}-short` : null,
  );
  const { errors, message, extra } = feedback;
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.admin.updateOpd.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries(trpc.admin.opds.pathFilter()),
          // OPD pickers elsewhere read reference.opds: they should show the new name too.
          queryClient.invalidateQueries(trpc.reference.opds.pathFilter()),
        ]),
    }),
  );
  const dirty = name !== opd.name || shortName !== opd.shortName || active !== (opd.active === 1);
  const inactive = opd.active !== 1;

  const submit = () => {
    feedback.setMessage(null);
    setSaved(false);
    const errs: FieldErrors = {};
    if (!name.trim()) errs.name = [t('form.requiredField')];
    if (!shortName.trim()) errs.shortName = [t('form.requiredField')];
    if (Object.keys(errs).length > 0) return feedback.invalid(errs, { message: t('form.fixErrors') });
    if (!dirty) {
      feedback.setErrors({});
      feedback.setMessage(t('row.noChange'));
      return;
    }
    feedback.setErrors({});
    update.mutate(
      { code: opd.code, name: name.trim(), shortName: shortName.trim(), active },
      {
        onSuccess: () => setSaved(true),
        onError: (err) => feedback.refused(err),
      },
    );
  };

  const kind = KIND_LABEL[opd.kind];
  return (
    <>
      <tr
        className={`${inactive ? 'row--inactive' : ''} ${dirty ? 'row--dirty' : ''}`}
        style={inactive && !dirty ? { background: '#eef1f5', color: 'var(--muted)' } : undefined}
        data-testid={`opd-row-${opd.code}`}
        data-active={inactive ? 'false' : 'true'}
      >
        <td className="code">
          {opd.code}
          {inactive ? (
            <div>
              <span className="pill pill--none" data-testid={`opd-inactive-${opd.code}`}>
                {t('admin.activeNo')}
              </span>
            </div>
          ) : null}
        </td>
        <td className="name">
          <TextField
            id={`${p}-name`}
            label={`${t('admin.opdName')} · ${opd.code}`}
            hideLabel
            value={name}
            onChange={(v) => {
              setName(v);
              setSaved(false);
            }}
            maxLength={200}
            error={fieldError(errors, 'name')}
            testId={`opd-name-${opd.code}`}
          />
        </td>
        <td>
          <TextField
            id={`${p}-short`}
            label={`${t('admin.opdShortName')} · ${opd.code}`}
            hideLabel
            value={shortName}
            onChange={(v) => {
              setShortName(v);
              setSaved(false);
            }}
            maxLength={60}
            error={fieldError(errors, 'shortName')}
            testId={`opd-short-${opd.code}`}
          />
        </td>
        <td>{kind ? t(kind) : opd.kind}</td>
        <td className="nowrap">
          {/* No top padding: in a table row the box sits level with the text beside it. */}
          <div className="field field--check" style={{ paddingTop: 0 }}>
            <input
              id={`${p}-active`}
              type="checkbox"
              checked={active}
              onChange={(e) => {
                setActive(e.target.checked);
                setSaved(false);
              }}
              data-testid={`opd-active-${opd.code}`}
            />
            <label htmlFor={`${p}-active`}>
              {t('admin.active')}
              <span className="sr-only"> · {opd.code}</span>
            </label>
          </div>
        </td>
        <td className="actions">
          <button
            type="button"
            className="btn btn--small btn--primary"
            onClick={() => submit()}
            disabled={update.isPending}
            aria-label={t('admin.opdSaveLabel', { code: opd.code })}
            data-testid={`opd-save-${opd.code}`}
          >
            {update.isPending ? t('state.saving') : t('action.save')}
          </button>
          <div className="row-saved" role="status" data-testid={`opd-status-${opd.code}`}>
            {saved ? t('admin.opdSaved') : dirty ? t('row.unsaved') : ''}
          </div>
        </td>
      </tr>
      {message ? (
        <tr className="row-detail">
          <td colSpan={6}>
            <div className="row-error" role="alert" data-testid={`opd-error-${opd.code}`}>
              <p>{message}</p>
              {extra.map((m) => (
                <p key={m}>{m}</p>
              ))}
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
