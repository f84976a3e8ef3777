// Form fields with their label bound to the input, an optional hint, and the error line the input
// points at (aria-describedby, aria-invalid). Number fields accept Indonesian typing and show the
// value as it will be stored.

import { type ChangeEvent, type KeyboardEvent, type ReactNode, type Ref, useState } from 'react';
import { parseNumberInput, tidyNumberInput } from '../forms/number';
import { useT } from './useT';

interface BaseProps {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  testId?: string;
  className?: string;
  /** Label only for screen readers (inputs inside a table row). */
  hideLabel?: boolean;
}

function describedBy(id: string, hint: unknown, error: unknown, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function FieldMessages({
  id,
  hint,
  error,
}: {
  id: string;
  hint?: ReactNode;
  error?: string | undefined;
}) {
  return (
    <>
      {hint ? (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="field-error" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
    </>
  );
}

function Label({
  id,
  label,
  required,
  hideLabel,
}: Pick<BaseProps, 'id' | 'label' | 'required' | 'hideLabel'>) {
  const { t } = useT();
  return (
    <label htmlFor={id} className={hideLabel ? 'sr-only' : 'field-label'}>
      {label}
      {required ? <span className="field-required"> ({t('form.required')})</span> : null}
    </label>
  );
}

interface TextFieldProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'url' | 'datetime-local' | 'month' | 'number' | 'search';
  autoComplete?: string;
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
  onKeyDown?: (e: KeyboardEvent<HTMLInputElement>) => void;
  inputMode?: 'text' | 'decimal' | 'numeric' | 'url';
  maxLength?: number;
}

export function TextField(p: TextFieldProps) {
  return (
    <div className={`field ${p.className ?? ''}`}>
      <Label id={p.id} label={p.label} required={p.required} hideLabel={p.hideLabel} />
      <input
        id={p.id}
        ref={p.inputRef}
        type={p.type ?? 'text'}
        value={p.value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => p.onChange(e.target.value)}
        onKeyDown={p.onKeyDown}
        disabled={p.disabled}
        required={p.required}
        autoComplete={p.autoComplete}
        placeholder={p.placeholder}
        inputMode={p.inputMode}
        maxLength={p.maxLength}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
        data-testid={p.testId}
      />
      <FieldMessages id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

interface NumberFieldProps extends Omit<TextFieldProps, 'type' | 'inputMode'> {
  /** How the parsed value reads back ("Rp1.250.000.000", "84,50 %"); shown under the input. */
  preview?: (n: number) => string;
  integer?: boolean;
}

/** A text input for numbers: "1.250.000.000" and "84,5" are fine; tidied on leaving the field. */
export function NumberField({ preview, integer, ...p }: NumberFieldProps) {
  const { locale } = useT();
  const [focused, setFocused] = useState(false);
  const n = parseNumberInput(p.value, locale);
  // The stored value is spelled out while typing, or when the text is not in its tidy form yet;
  // otherwise the input already says it and a second line would only be noise.
  const untidy = tidyNumberInput(p.value, locale) !== p.value;
  const shown = preview && n !== null && !Number.isNaN(n) && (focused || untidy) ? preview(n) : null;
  const previewId = `${p.id}-preview`;
  return (
    <div className={`field field--number ${p.className ?? ''}`}>
      <Label id={p.id} label={p.label} required={p.required} hideLabel={p.hideLabel} />
      <input
        id={p.id}
        ref={p.inputRef}
        type="text"
        inputMode={integer ? 'numeric' : 'decimal'}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          const tidy = tidyNumberInput(p.value, locale);
          if (tidy !== p.value) p.onChange(tidy);
        }}
        onKeyDown={p.onKeyDown}
        disabled={p.disabled}
        required={p.required}
        autoComplete="off"
        placeholder={p.placeholder}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error, shown ? previewId : undefined)}
        data-testid={p.testId}
      />
      {preview ? (
        // The line keeps its place when the value is tidy and the field is left: if it vanished on
        // blur, the Save button below would jump up from under the pointer and the click be lost.
        <div className="field-preview" id={previewId} aria-hidden={shown ? undefined : true}>
          {shown ?? '\u00a0'}
        </div>
      ) : null}
      <FieldMessages id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  options: readonly Option[];
  /** A first, empty choice ("— pilih —"). */
  placeholder?: string;
  selectRef?: Ref<HTMLSelectElement>;
}

export function SelectField(p: SelectFieldProps) {
  return (
    <div className={`field ${p.className ?? ''}`}>
      <Label id={p.id} label={p.label} required={p.required} hideLabel={p.hideLabel} />
      <select
        id={p.id}
        ref={p.selectRef}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        disabled={p.disabled}
        required={p.required}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
        data-testid={p.testId}
      >
        {p.placeholder !== undefined ? <option value="">{p.placeholder}</option> : null}
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

interface TextAreaFieldProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  maxLength?: number;
  textAreaRef?: Ref<HTMLTextAreaElement>;
}

export function TextAreaField(p: TextAreaFieldProps) {
  return (
    <div className={`field ${p.className ?? ''}`}>
      <Label id={p.id} label={p.label} required={p.required} hideLabel={p.hideLabel} />
      <textarea
        id={p.id}
        ref={p.textAreaRef}
        value={p.value}
        rows={p.rows ?? 3}
        maxLength={p.maxLength}
        onChange={(e) => p.onChange(e.target.value)}
        disabled={p.disabled}
        required={p.required}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
        data-testid={p.testId}
      />
      <FieldMessages id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

/** Focus the element with this id (the first invalid field after a failed save). */
export function focusField(id: string | null): void {
  if (!id) return;
  const el = document.getElementById(id);
  if (el instanceof HTMLElement) {
    el.focus();
    if ('select' in el && typeof el.select === 'function' && el instanceof HTMLInputElement) el.select();
  }
}
