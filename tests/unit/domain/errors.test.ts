import { describe, it, expect } from 'vitest';
import { DomainError, Invalid, goalSchema, issuesFromZod, parseOrInvalid, checkInInputSchema } from '../../../src/domain';

describe('parsing or failing with Invalid', () => {
  it('returns the parsed value when it is valid', () => {
    const v = parseOrInvalid(checkInInputSchema, { goalKey: 'g1', period: '2021-08', status: 2, narrative: ' ok ', submissionId: 'abcdefgh' }, 'check-in');
    expect(v.narrative).toBe('ok');
  });

  it('throws Invalid whose issues carry dotted paths to nested fields', () => {
    const bad = { key: 'g1', planKey: 'p', themeKey: 't', title: 'x', indicator: { text: 'n', kind: 'quantitative' } };
    let caught: unknown;
    try {
      parseOrInvalid(goalSchema, bad, 'goal');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Invalid);
    expect(caught).toBeInstanceOf(DomainError);
    const err = caught as Invalid;
    expect(err.kind).toBe('Invalid');
    expect(err.name).toBe('Invalid');
    expect(err.issues).toEqual([{ path: 'indicator.direction', code: 'indicator.direction.required', message: 'A quantitative indicator needs a direction' }]);
    expect(err.message).toBe('Invalid goal: indicator.direction: A quantitative indicator needs a direction');
  });

  it('names array positions in the path', () => {
    const bad = { key: 'g1', planKey: 'p', themeKey: 't', title: 'x', indicator: { text: 'n', kind: 'qualitative' }, units: ['VAKA', 'bad key'] };
    expect(() => parseOrInvalid(goalSchema, bad, 'goal')).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ path: 'units.1' })] }),
    );
  });

  it('calls a problem with the whole value (body)', () => {
    expect(issuesFromZod({ issues: [{ path: [], message: 'Expected an object' }] })).toEqual([{ path: '(body)', code: 'body.invalid', message: 'Expected an object' }]);
  });

  it('lists every bad field in the message', () => {
    expect(() => parseOrInvalid(checkInInputSchema, { goalKey: 'g1', period: '2021-13', status: 1, narrative: '', submissionId: 'abcdefgh' }, 'check-in')).toThrow(
      /^Invalid check-in: period: .*; narrative: /,
    );
  });

  it('gives every refused field a stable code, <field>.<reason>, without list positions', () => {
    const bad = { key: 'g1', planKey: 'p', themeKey: 't', title: '', indicator: { text: 'n', kind: 'qualitative' }, units: ['VAKA', 'bad key'] };
    const codes = (() => {
      try {
        parseOrInvalid(goalSchema, bad, 'goal');
      } catch (e) {
        return (e as Invalid).issues.map((i) => i.code);
      }
      return [];
    })();
    expect(codes.sort()).toEqual(['title.required', 'units.format']);
    expect(() => parseOrInvalid(checkInInputSchema, { goalKey: 'g1', period: '2021-08', narrative: 'x'.repeat(9000), submissionId: 'abcdefgh' }, 'check-in')).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ code: 'status.required' }), expect.objectContaining({ code: 'narrative.tooLong' })] }),
    );
  });

  it('gives an issue raised without a code <field>.invalid, so no field in an error body lacks one', () => {
    expect(new Invalid('Unknown units', [{ path: 'units.0', message: 'No unit X' }]).issues).toEqual([{ path: 'units.0', code: 'units.invalid', message: 'No unit X' }]);
    expect(new Invalid('x', [{ path: 'period', code: 'period.future', message: 'later' }]).issues[0]?.code).toBe('period.future');
  });
});
