// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { REALISATION_SCALE, TRAFFIC_LIGHT_SCALE } from '../../../src/domain/status-scale';
import { StatusChip } from '../../../src/tab/components/status-chip';
import { renderTab } from './helpers';

describe('StatusChip', () => {
  it("shows the scale's label in the user's language, with an icon beside it", async () => {
    const { container } = await renderTab(<StatusChip scale={REALISATION_SCALE} value={1} />, 'fi');
    expect(screen.getByText('Toteutuu osittain')).toBeInTheDocument();
    expect(container.querySelector('svg')).not.toBeNull();
  });

  it('speaks Swedish and English too', async () => {
    await renderTab(<StatusChip scale={TRAFFIC_LIGHT_SCALE} value={2} />, 'sv');
    expect(screen.getByText('Risk')).toBeInTheDocument();
  });

  it('says "not reported" when there is no status, never an empty coloured dot', async () => {
    await renderTab(<StatusChip scale={REALISATION_SCALE} value={undefined} />, 'en');
    expect(screen.getByText('Not reported')).toBeInTheDocument();
  });

  it('names a value that is not on the scale instead of hiding it', async () => {
    await renderTab(<StatusChip scale={REALISATION_SCALE} value={7} />, 'en');
    expect(screen.getByText('Unknown status 7')).toBeInTheDocument();
  });

  it('in icon-only form still has the label as its accessible name', async () => {
    await renderTab(<StatusChip scale={REALISATION_SCALE} value={2} iconOnly />, 'fi');
    expect(screen.getByRole('img', { name: 'Toteutuu täysin' })).toBeInTheDocument();
  });

  it('uses a different icon shape for each colour of a scale', async () => {
    const { container } = await renderTab(
      <div>
        {TRAFFIC_LIGHT_SCALE.levels.map((l) => (
          <StatusChip key={l.value} scale={TRAFFIC_LIGHT_SCALE} value={l.value} />
        ))}
      </div>,
      'en',
    );
    const shapes = [...container.querySelectorAll('svg')].map((s) => s.innerHTML);
    expect(new Set(shapes).size).toBe(TRAFFIC_LIGHT_SCALE.levels.length);
  });
});
