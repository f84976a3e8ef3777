// What a form tells its user when a save cannot go through: the errors beside the fields, the
// message above the buttons, and the input that gets the focus. Every office form wrote these same
// lines by hand (describeError, setErrors, setMessage, firstInvalid, focusField); they live here
// once, and a form keeps at its call site only what it does differently.

import { useState } from 'react';
import { describeError, type FieldErrors, firstInvalid, otherFieldMessages } from '../forms/errors';
import { focusField } from './fields';
import { useT } from './useT';

interface InvalidOptions<F> {
  /** The message above the form; left as it is when not given. */
  message?: string;
  /** The field to focus when none of `order` has an error. */
  fallback?: F;
}

interface RefusedOptions<F> {
  /** The field to focus when none of `order` has an error. */
  fallback?: F;
  /** false: the focus stays where it is. */
  focus?: boolean;
  /** Reads more into the server's answer (e.g. the field a hand-written refusal names). */
  mapFieldErrors?: (message: string, fieldErrors: FieldErrors) => FieldErrors;
}

/**
 * `order` is the fields the form shows, in its order: the first with an error gets the focus, and
 * errors about any other key are in `extra`, for the message box. `idOf` gives a field's element id
 * (null: nothing to focus); without it nothing is ever focused.
 */
export function useFormFeedback<F extends string>(order: readonly F[], idOf?: (field: F) => string | null) {
  const { t } = useT();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);

  const focusFirst = (errs: FieldErrors, fallback: F | undefined) => {
    const field = firstInvalid(errs, order) ?? fallback ?? null;
    focusField(field !== null && idOf ? idOf(field) : null);
  };

  /** The form's own check failed before sending (or it read the server's answer itself). */
  const invalid = (errs: FieldErrors, opts: InvalidOptions<F> = {}) => {
    setErrors(errs);
    if (opts.message !== undefined) setMessage(opts.message);
    focusFirst(errs, opts.fallback);
  };

  /** The server refused the save: its field errors beside the fields, its message above. */
  const refused = (err: unknown, opts: RefusedOptions<F> = {}) => {
    const info = describeError(err, t('error.network'));
    const errs = opts.mapFieldErrors ? opts.mapFieldErrors(info.message, info.fieldErrors) : info.fieldErrors;
    setErrors(errs);
    setMessage(info.message);
    if (opts.focus !== false) focusFirst(errs, opts.fallback);
  };

  /** No errors, no message. */
  const clear = () => {
    setErrors({});
    setMessage(null);
  };

  return {
    errors,
    setErrors,
    message,
    setMessage,
    /** Messages about fields the form does not show. */
    extra: otherFieldMessages(errors, order),
    invalid,
    refused,
    clear,
  };
}
