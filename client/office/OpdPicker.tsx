// Which OPD an entry page is about. An operator's account has one (the server ignores any other);
// an admin or verifier picks one, kept in the URL (?opd=CODE) and remembered for the next page.

import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTRPC } from '../trpc';
import { SelectField } from './fields';
import { useSession } from './session';
import { useSearch } from './useSearch';
import { useT } from './useT';

const STORAGE_KEY = 'adiguna.opd';

function remembered(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function remember(code: string): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Storage may be disabled; the URL still carries the choice.
  }
}

export interface OpdChoice {
  /** The OPD code the page shows; null while an admin/verifier has not picked one. */
  code: string | null;
  /** What to put in a procedure's input: nothing for an operator (the server knows its OPD). */
  input: { opdCode?: string };
  /** True when the account is tied to one OPD and cannot pick another. */
  fixed: boolean;
}

export function useOpdChoice(): OpdChoice {
  const { user } = useSession();
  const [search, setSearch] = useSearch();
  const fixed = user.role === 'opd';
  const fromUrl = search.get('opd');
  const code = fixed ? user.opdCode : fromUrl || remembered();
  useEffect(() => {
    if (!fixed && !fromUrl && code) setSearch({ opd: code });
    if (!fixed && code) remember(code);
  }, [fixed, fromUrl, code, setSearch]);
  return { code, input: fixed || !code ? {} : { opdCode: code }, fixed };
}

/** The OPD select for admins and verifiers; a plain label for an operator. */
export function OpdPicker({ choice, id = 'opd-picker' }: { choice: OpdChoice; id?: string }) {
  const { t } = useT();
  const trpc = useTRPC();
  const [, setSearch] = useSearch();
  const opds = useQuery({ ...trpc.reference.opds.queryOptions(), staleTime: 10 * 60_000 });
  if (choice.fixed) {
    const o = opds.data?.find((x) => x.code === choice.code);
    return (
      <div className="field">
        <span className="field-label">{t('field.opd')}</span>
        <span className="field-static" data-testid="opd-fixed">
          {o ? `${o.name} (${o.code})` : choice.code}
        </span>
      </div>
    );
  }
  return (
    <SelectField
      id={id}
      label={t('field.opd')}
      value={choice.code ?? ''}
      onChange={(v) => {
        if (v) remember(v);
        setSearch({ opd: v || null });
      }}
      placeholder={opds.isPending ? t('state.loading') : t('form.choose')}
      options={(opds.data ?? []).map((o) => ({ value: o.code, label: `${o.name} (${o.code})` }))}
      testId="opd-picker"
    />
  );
}
