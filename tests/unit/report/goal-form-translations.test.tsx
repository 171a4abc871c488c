// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Goal } from '../../../src/domain';
import { buildDemoDataset } from '../../../src/demo';
import { GoalForm } from '../../../src/tab/features/admin/components/entity-forms';
import { renderTab } from '../tab/helpers';

const data = buildDemoDataset();

function Harness({ goal, onSaved }: { goal: Goal; onSaved(g: Goal): void }) {
  const [g, setG] = useState(goal);
  return (
    <GoalForm
      value={g}
      onChange={(next) => {
        setG(next);
        onSaved(next);
      }}
      messages={{}}
      isNew={false}
      themes={data.themes}
      groups={data.groups}
      planUnits={data.plans[0]!.units}
      units={data.units}
      people={[]}
    />
  );
}

describe('an admin edits goal texts side by side in Finnish, Swedish and English', () => {
  it('shows the Swedish texts beside the Finnish and writes a new English title into the translations, keeping the Finnish', async () => {
    const goal = data.goals.find((g) => g.code === '1')!;
    let latest = goal;
    await renderTab(<Harness goal={goal} onSaved={(g) => (latest = g)} />);
    expect((screen.getByRole('textbox', { name: 'Otsikko' }) as HTMLInputElement).value).toBe(goal.title);
    expect((screen.getByRole('textbox', { name: 'Otsikko (ruotsi)' }) as HTMLInputElement).value).toBe('En förstudie om ett lärcampus görs för sektorns del och samarbetspartner kartläggs');
    expect((screen.getByRole('textbox', { name: 'Otsikko (englanti)' }) as HTMLInputElement).value).toBe('');
    expect(screen.getByDisplayValue('Förstudien och kartläggningen är gjorda').getAttribute('aria-required')).toBeNull();
    fireEvent.change(screen.getByRole('textbox', { name: 'Otsikko (englanti)' }), { target: { value: 'A pre-study of a learning campus' } });
    expect(latest.title).toBe(goal.title);
    expect(latest.translations?.en?.title).toBe('A pre-study of a learning campus');
    expect(latest.translations?.sv?.title).toBe('En förstudie om ett lärcampus görs för sektorns del och samarbetspartner kartläggs');
  });
});
