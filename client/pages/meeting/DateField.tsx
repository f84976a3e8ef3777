// A date input (the browser's own calendar, value 'YYYY-MM-DD') with the office field's label,
// hint and error line, like the other fields in client/office/fields.tsx. The browser shows the
// date in its own order (06/09/2026 may read either way); the line under it says it in words.

import { formatDate } from '../../../shared/format';
import { isValidDate } from '../../../shared/time';
import { FieldMessages } from '../../office/fields';
import { useT } from '../../office/useT';

export function DateField(p: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  min?: string;
  testId?: string;
}) {
  const { t, locale } = useT();
  const spelled = isValidDate(p.value) ? formatDate(p.value, locale) : null;
  const described = [
    spelled ? `${p.id}-preview` : null,
    p.hint ? `${p.id}-hint` : null,
    p.error ? `${p.id}-error` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={p.id} className="field-label">
        {p.label}
        {p.required ? <span className="field-required"> ({t('form.required')})</span> : null}
      </label>
      <input
        id={p.id}
        type="date"
        value={p.value}
        min={p.min}
        onChange={(e) => p.onChange(e.target.value)}
        required={p.required}
        disabled={p.disabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={described || undefined}
        data-testid={p.testId}
      />
      {spelled ? (
        <div className="field-preview" id={`${p.id}-preview`}>
          {spelled}
        </div>
      ) : null}
      <FieldMessages id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}
