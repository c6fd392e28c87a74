import { describe, expect, it } from 'vitest';
import { createAbortError } from '../../src/montecarlo/createAbortError.ts';

describe('createAbortError', () => {
  it('is an Error named AbortError carrying the reason', () => {
    const error = createAbortError('because');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AbortError');
    expect(error.cause).toBe('because');
  });
});
