// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { setFlash, useFlash } from '../../../../src/tab/routing/flash';
import '../helpers';

function Shown() {
  const [flash, dismiss] = useFlash();
  return flash ? (
    <button type="button" onClick={dismiss}>
      {flash.goalTitle}
    </button>
  ) : (
    <p>nothing</p>
  );
}

describe('flash message', () => {
  it('survives a render React discards while a child loads, then is used up once shown', async () => {
    let release!: () => void;
    const loaded = new Promise<{ default: () => null }>((r) => (release = () => r({ default: () => null })));
    const Slow = lazy(() => loaded);
    setFlash({ kind: 'checkInSaved', goalKey: 'G-1', goalTitle: 'Goal one', created: true });
    // The first render of <Shown/> is thrown away: its sibling suspends on first mount.
    render(
      <Suspense fallback={<p>loading</p>}>
        <Shown />
        <Slow />
      </Suspense>,
    );
    expect(screen.getByText('loading')).toBeTruthy();
    await act(async () => release());
    expect(screen.getByRole('button', { name: 'Goal one' })).toBeTruthy();

    // Used up: the next view to ask finds nothing.
    render(<Shown />);
    expect(screen.getByText('nothing')).toBeTruthy();
  });
});
