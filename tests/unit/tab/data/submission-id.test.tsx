// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSubmissionId } from '../../../../src/tab/data/submission-id';

describe('a form’s submission id', () => {
  it('stays the same while the same content is sent again, and is new for changed content or after it was stored', () => {
    const { result } = renderHook(() => useSubmissionId());
    const first = result.current.idFor('{"text":"Jatketaan"}');
    expect(first).toMatch(/^tab-[0-9a-f-]{8,}$/);
    // The answer was lost: sent again as it was, it is the same submission.
    expect(result.current.idFor('{"text":"Jatketaan"}')).toBe(first);
    // Edited before sending again: another submission, so the edit is not answered with the old note.
    const edited = result.current.idFor('{"text":"Jatketaan keväällä"}');
    expect(edited).not.toBe(first);
    // Stored: the next note, even with the same words, is a new one.
    result.current.stored();
    expect(result.current.idFor('{"text":"Jatketaan keväällä"}')).not.toBe(edited);
  });
});
