// The display token rides along on every batched call when set, next to the CSRF header, and
// leaves office requests untouched when unset.
import { afterEach, describe, expect, test } from 'vitest';
import { CSRF_HEADER, setCsrfToken } from '../../client/csrf';
import { getDisplayToken, requestHeaders, setDisplayToken } from '../../client/trpc';

afterEach(() => {
  setDisplayToken(null);
  setCsrfToken(null);
});

describe('display token in request headers', () => {
  test('unset: only the CSRF header, as before', () => {
    expect(requestHeaders()).toEqual({});
    setCsrfToken('csrf-1');
    expect(requestHeaders()).toEqual({ [CSRF_HEADER]: 'csrf-1' });
  });

  test('set: a Bearer header, merged with the CSRF header', () => {
    setDisplayToken('tok-abc');
    expect(getDisplayToken()).toBe('tok-abc');
    expect(requestHeaders()).toEqual({ authorization: 'Bearer tok-abc' });
    setCsrfToken('csrf-1');
    expect(requestHeaders()).toEqual({ [CSRF_HEADER]: 'csrf-1', authorization: 'Bearer tok-abc' });
  });
});
