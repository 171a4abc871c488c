import { describe, expect, it } from 'vitest';
import { Invalid, NotFound } from '../../../../src/domain';
import { errorKind } from '../../../../src/tab/components/states';
import { ApiError } from '../../../../src/tab/data/api';

describe('errorKind', () => {
  it('calls a read of a list item edited by hand into an unreadable shape "unreadable", not a passing glitch to try again', () => {
    expect(errorKind(new Invalid('Goals item 3 is invalid: indicator.text: Required (column Indicator)', [{ path: 'indicator.text', message: 'Required (column Indicator)' }]))).toBe('unreadable');
  });

  it('keeps a body the server refused as "invalid", and other domain errors as they were', () => {
    expect(errorKind(new ApiError(400, 'invalid', 'Invalid check-in', []))).toBe('invalid');
    expect(errorKind(new NotFound('No goal x'))).toBe('notFound');
    expect(errorKind(new Error('boom'))).toBe('generic');
  });
});
