// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { REALISATION_SCALE } from '../../../../src/domain/status-scale';
import { StatusChip } from '../../../../src/tab/components/status-chip';
import { renderTab } from '../helpers';

// The tooltip chunk loads once per page: this file's first test starts before it is loaded (each
// test file has its own modules), so its chips take the path of chips drawn before the tooltip.
const chip = (name: string) => screen.getByRole('img', { name });

describe('the tooltip of an icon-only status chip', () => {
  it('is loaded on the first hover or focus, opens only if the pointer or focus stayed, and keeps keyboard focus on the chip', async () => {
    await renderTab(
      <div>
        {[0, 1, 2].map((v) => (
          <StatusChip key={v} scale={REALISATION_SCALE} value={v} iconOnly focusable />
        ))}
      </div>,
      'fi',
    );
    // Not loaded yet: no chip is described by a tooltip.
    expect(document.querySelector('[aria-describedby]')).toBeNull();

    // The pointer passes over the first chip and leaves before the tooltip arrives: it stays closed.
    fireEvent.pointerEnter(chip('Ei toteudu'));
    fireEvent.pointerLeave(chip('Ei toteudu'));
    await waitFor(() => expect(chip('Ei toteudu')).toHaveAttribute('aria-describedby'));
    expect(screen.queryByRole('tooltip')).toBeNull();

    // Hovering another chip drawn before the load opens its label at once.
    fireEvent.pointerEnter(chip('Toteutuu osittain'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Toteutuu osittain');
    fireEvent.pointerLeave(chip('Toteutuu osittain'));
    await waitFor(() => expect(screen.queryByRole('tooltip')).toBeNull());

    // Focus on a third: the chip is drawn again inside the tooltip, and focus moves with it.
    chip('Toteutuu täysin').focus();
    const tip = await screen.findByRole('tooltip');
    expect(tip).toHaveTextContent('Toteutuu täysin');
    expect(document.activeElement).toBe(chip('Toteutuu täysin'));
    expect(chip('Toteutuu täysin')).toHaveAttribute('aria-describedby', tip.id);
  });

  it('is there from the start on a chip drawn after it loaded, and opens on keyboard focus', async () => {
    await renderTab(<StatusChip scale={REALISATION_SCALE} value={1} iconOnly focusable />, 'sv');
    expect(chip('Förverkligas delvis')).toHaveAttribute('aria-describedby');
    fireEvent.keyDown(document.body, { key: 'Tab' });
    chip('Förverkligas delvis').focus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Förverkligas delvis');
  });
});
