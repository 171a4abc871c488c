// @vitest-environment jsdom
/**
 * The check-in form records the language a narrative is written in (issue 9): the reader's UI
 * language unless the writer chooses another, so the board report can mark a narrative that is
 * not in the report's language. The goal's measure texts show in the reader's language, with a
 * Finnish fallback marked lang="fi".
 */
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CheckInInput } from '../../../src/domain/check-in';
import type { Goal } from '../../../src/domain/goal';
import { DEFAULT_REMINDER_CALENDAR, type Plan } from '../../../src/domain/plan';
import { REALISATION_SCALE } from '../../../src/domain/status-scale';
import { CheckInForm, type CheckInFormProps } from '../../../src/tab/features/check-in/check-in-form';
import { renderTab } from '../tab/helpers';

const plan: Plan = {
  key: 'p1',
  title: { fi: 'Tavoitteet 2021' },
  periodStart: '2021-01-01',
  periodEnd: '2021-12-31',
  cadence: 'monthly',
  statusScale: REALISATION_SCALE,
  units: ['VAKA'],
  reminders: DEFAULT_REMINDER_CALENDAR,
  language: 'fi',
};

const goal: Goal = {
  key: 'g1',
  planKey: 'p1',
  themeKey: 't1',
  code: '5',
  title: 'Mielenterveysosaaminen',
  indicator: { text: 'Koulutetut henkilöt', kind: 'quantitative', unit: 'hlöä', direction: 'increase' },
  baseline: { text: 'Ei koulutusta', date: '2020-12-31' },
  target: { value: 730, date: '2021-12-31' },
  responsiblePersons: [],
  responsibleGroupKeys: [],
  units: [],
  summary: {},
  translations: { sv: { indicatorText: 'Utbildade personer', indicatorUnit: 'pers.' } },
};

let n = 0;
function props(): { props: CheckInFormProps; onSubmit: ReturnType<typeof vi.fn<(i: CheckInInput) => Promise<{ created: boolean }>>> } {
  const onSubmit = vi.fn<(i: CheckInInput) => Promise<{ created: boolean }>>().mockResolvedValue({ created: true });
  return {
    onSubmit,
    props: { goal, plan, units: [], period: '2021-09', unit: undefined, userId: `lang-user-${++n}`, onUnitChange: vi.fn(), onSubmit, onDone: vi.fn(), onCancel: vi.fn() },
  };
}

describe('the narrative’s language in the check-in form', () => {
  it('defaults to the reader’s UI language and sends it with the check-in', async () => {
    const user = userEvent.setup();
    const { props: p, onSubmit } = props();
    await renderTab(<CheckInForm {...p} />, 'sv');
    const swedish = await screen.findByRole('radio', { name: 'svenska' });
    expect(swedish).toBeChecked();
    expect(screen.getByRole('textbox', { name: /Lägesbeskrivning/ })).toHaveAttribute('lang', 'sv');
    await user.click(screen.getByRole('radio', { name: 'Förverkligas helt' }));
    await user.type(screen.getByRole('textbox', { name: /Lägesbeskrivning/ }), 'Det går bra');
    await user.type(screen.getByRole('textbox', { name: /Mätarens värde/ }), '700');
    await user.click(screen.getByRole('button', { name: 'Skicka uppföljningen' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ narrative: 'Det går bra', language: 'sv' }));
  });

  it('sends the language the writer chose instead of the UI language', async () => {
    const user = userEvent.setup();
    const { props: p, onSubmit } = props();
    await renderTab(<CheckInForm {...p} />, 'sv');
    await user.click(await screen.findByRole('radio', { name: 'finska' }));
    expect(screen.getByRole('textbox', { name: /Lägesbeskrivning/ })).toHaveAttribute('lang', 'fi');
    await user.click(screen.getByRole('radio', { name: 'Förverkligas helt' }));
    await user.type(screen.getByRole('textbox', { name: /Lägesbeskrivning/ }), 'Hyvin menee');
    await user.type(screen.getByRole('textbox', { name: /Mätarens värde/ }), '700');
    await user.click(screen.getByRole('button', { name: 'Skicka uppföljningen' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ narrative: 'Hyvin menee', language: 'fi' }));
  });

  it('shows the measure in Swedish where an admin translated it and the Finnish baseline text marked lang="fi"', async () => {
    const { props: p } = props();
    await renderTab(<CheckInForm {...p} />, 'sv');
    expect(await screen.findByText('Utbildade personer')).not.toHaveAttribute('lang');
    expect(screen.getByText('Ei koulutusta')).toHaveAttribute('lang', 'fi');
    expect(screen.getByText(/^730\s+pers\. \(/)).toBeInTheDocument();
  });
});
