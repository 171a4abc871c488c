// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CheckIn, CheckInInput } from '../../../src/domain/check-in';
import type { Goal } from '../../../src/domain/goal';
import type { Plan } from '../../../src/domain/plan';
import { DEFAULT_REMINDER_CALENDAR } from '../../../src/domain/plan';
import { REALISATION_SCALE } from '../../../src/domain/status-scale';
import { CheckInForm, type CheckInFormProps } from '../../../src/tab/features/check-in/check-in-form';
import { ApiError } from '../../../src/tab/data/api';
import { renderTab } from './helpers';

const plan: Plan = {
  key: 'p1',
  title: { fi: 'Tavoitteet 2021' },
  periodStart: '2021-01-01',
  periodEnd: '2021-12-31',
  cadence: 'monthly',
  statusScale: REALISATION_SCALE,
  units: ['VAKA', 'POPE'],
  reminders: DEFAULT_REMINDER_CALENDAR,
  language: 'fi',
};

const goal = (over: Partial<Goal> = {}): Goal => ({
  key: 'g1',
  planKey: 'p1',
  themeKey: 't1',
  code: '5',
  title: 'Mielenterveysosaaminen',
  indicator: { text: 'Koulutetut', kind: 'quantitative', unit: 'hlöä', direction: 'increase' },
  baseline: { value: 664, date: '2020-12-31' },
  target: { value: 730, date: '2021-12-31' },
  responsiblePersons: [],
  responsibleGroupKeys: [],
  units: [],
  summary: {},
  ...over,
});

const previous: CheckIn = {
  key: 'c0',
  goalKey: 'g1',
  planKey: 'p1',
  period: '2021-08',
  status: 1,
  narrative: 'Elokuussa koulutettiin 89 henkilöä.',
  indicatorValue: 753,
  author: { id: 'u9', upn: 'u9@x', name: 'Satu S' },
  submittedAt: '2021-09-03T08:00:00Z',
  source: 'tab',
  submissionId: 'tab-previous-1',
};

let userCounter = 0;
function setup(over: Partial<CheckInFormProps> = {}) {
  const onSubmit = vi.fn<(i: CheckInInput) => Promise<{ created: boolean }>>().mockResolvedValue({ created: true });
  const onDone = vi.fn();
  const props: CheckInFormProps = {
    goal: goal(),
    plan,
    units: [],
    period: '2021-09',
    unit: undefined,
    // A fresh user per test keeps drafts apart (IndexedDB lives for the whole file).
    userId: `user-${++userCounter}`,
    previous,
    onUnitChange: vi.fn(),
    onSubmit,
    onDone,
    onCancel: vi.fn(),
    ...over,
  };
  return { props, onSubmit, onDone };
}

describe('check-in form', () => {
  it('shows validation messages next to the status and narrative fields and sends nothing', async () => {
    const user = userEvent.setup();
    const { props, onSubmit } = setup();
    await renderTab(<CheckInForm {...props} />);
    await user.click(await screen.findByRole('button', { name: 'Lähetä tilannepäivitys' }));

    const status = screen.getByRole('group', { name: /Tila/ });
    expect(status).toHaveAccessibleDescription('Valitse tila.');
    const narrative = screen.getByRole('textbox', { name: /Tilannekuvaus/ });
    expect(narrative).toHaveAttribute('aria-invalid', 'true');
    expect(narrative).toHaveAccessibleDescription(expect.stringContaining('Kirjoita lyhyt kuvaus tilanteesta.'));
    // Focus goes to the first field to fix.
    expect(within(status).getByRole('radio', { name: 'Toteutuu täysin' })).toHaveFocus();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('is a real radio group: arrow keys move and select the status', async () => {
    const user = userEvent.setup();
    const { props } = setup();
    await renderTab(<CheckInForm {...props} />);
    const first = await screen.findByRole('radio', { name: 'Toteutuu täysin' });
    await user.click(first);
    expect(first).toBeChecked();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Toteutuu osittain' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Toteutuu osittain' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('radio', { name: 'Ei toteudu' })).toBeChecked();
    expect(first).not.toBeChecked();
  });

  it('copies last period’s text with one click', async () => {
    const user = userEvent.setup();
    const { props } = setup();
    await renderTab(<CheckInForm {...props} />);
    await user.click(await screen.findByRole('button', { name: 'Kopioi edellisen kauden teksti' }));
    expect(screen.getByRole('textbox', { name: /Tilannekuvaus/ })).toHaveValue('Elokuussa koulutettiin 89 henkilöä.');
  });

  it('keeps the draft in IndexedDB and restores it when the page is opened again', async () => {
    const user = userEvent.setup();
    const { props } = setup();
    const first = await renderTab(<CheckInForm {...props} />);
    await user.click(await screen.findByRole('radio', { name: 'Toteutuu osittain' }));
    await user.type(screen.getByRole('textbox', { name: /Tilannekuvaus/ }), 'Puolivälissä');
    await waitFor(() => expect(screen.getByText(/Luonnos tallennettu/)).toBeInTheDocument());
    first.unmount();

    await renderTab(<CheckInForm {...props} />);
    expect(await screen.findByRole('textbox', { name: /Tilannekuvaus/ })).toHaveValue('Puolivälissä');
    expect(screen.getByRole('radio', { name: 'Toteutuu osittain' })).toBeChecked();
    expect(screen.getByText(/Jatkat tallennettua luonnosta/)).toBeInTheDocument();
  });

  it('submits a typed check-in with the indicator value parsed from a decimal comma', async () => {
    const user = userEvent.setup();
    const { props, onSubmit, onDone } = setup();
    await renderTab(<CheckInForm {...props} />);
    await user.click(await screen.findByRole('radio', { name: 'Toteutuu täysin' }));
    await user.type(screen.getByRole('textbox', { name: /Tilannekuvaus/ }), '  Hyvin menee  ');
    await user.type(screen.getByRole('textbox', { name: /Mittarin arvo/ }), '760,5');
    await user.click(screen.getByRole('button', { name: 'Lähetä tilannepäivitys' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith({ created: true }));
    expect(onSubmit).toHaveBeenCalledWith(
      expect.objectContaining({ goalKey: 'g1', period: '2021-09', status: 2, narrative: 'Hyvin menee', indicatorValue: 760.5 }),
    );
    expect(onSubmit.mock.calls[0]?.[0].submissionId).toMatch(/^tab-/);
  });

  it('retries with the same submission id after a failed send, so the server stores one check-in', async () => {
    const user = userEvent.setup();
    const { props, onSubmit } = setup();
    onSubmit.mockRejectedValueOnce(new ApiError(0, 'network', 'Failed to fetch')).mockResolvedValueOnce({ created: true });
    await renderTab(<CheckInForm {...props} />);
    await user.click(await screen.findByRole('radio', { name: 'Toteutuu täysin' }));
    await user.type(screen.getByRole('textbox', { name: /Tilannekuvaus/ }), 'Teksti');
    await user.click(screen.getByRole('button', { name: 'Lähetä tilannepäivitys' }));
    expect(await screen.findByText('Tilannepäivitystä ei voitu lähettää. Luonnos on tallessa.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Lähetä tilannepäivitys' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(2));
    expect(onSubmit.mock.calls[1]?.[0].submissionId).toBe(onSubmit.mock.calls[0]?.[0].submissionId);
  });

  it("shows the server's field errors next to the field", async () => {
    const user = userEvent.setup();
    const { props, onSubmit } = setup();
    onSubmit.mockRejectedValueOnce(new ApiError(400, 'invalid', 'Invalid check-in', [{ path: 'indicatorValue', message: 'qualitative', code: 'indicatorValue.notTaken' }]));
    await renderTab(<CheckInForm {...props} />);
    await user.click(await screen.findByRole('radio', { name: 'Toteutuu täysin' }));
    await user.type(screen.getByRole('textbox', { name: /Tilannekuvaus/ }), 'Teksti');
    await user.click(screen.getByRole('button', { name: 'Lähetä tilannepäivitys' }));
    const input = screen.getByRole('textbox', { name: /Mittarin arvo/ });
    await waitFor(() => expect(input).toHaveAccessibleDescription(expect.stringContaining('Tälle tavoitteelle ei voi antaa mittarin arvoa.')));
  });

  it('asks for a number when the indicator value is not one', async () => {
    const user = userEvent.setup();
    const { props, onSubmit } = setup();
    await renderTab(<CheckInForm {...props} />);
    await user.click(await screen.findByRole('radio', { name: 'Toteutuu täysin' }));
    await user.type(screen.getByRole('textbox', { name: /Tilannekuvaus/ }), 'Teksti');
    await user.type(screen.getByRole('textbox', { name: /Mittarin arvo/ }), 'paljon');
    await user.click(screen.getByRole('button', { name: 'Lähetä tilannepäivitys' }));
    expect(screen.getByRole('textbox', { name: /Mittarin arvo/ })).toHaveAccessibleDescription(expect.stringContaining('Anna mittarin arvo numerona'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('asks before discarding a draft, then clears the draft and the "continuing a saved draft" banner', async () => {
    const user = userEvent.setup();
    const { props } = setup();
    const first = await renderTab(<CheckInForm {...props} />);
    await user.type(await screen.findByRole('textbox', { name: /Tilannekuvaus/ }), 'Kesken');
    await waitFor(() => expect(screen.getByText(/Luonnos tallennettu/)).toBeInTheDocument());
    first.unmount();

    await renderTab(<CheckInForm {...props} />);
    expect(await screen.findByText(/Jatkat tallennettua luonnosta/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Hylkää luonnos' }));
    const dialog = (await screen.findByText('Hylätäänkö luonnos?')).closest<HTMLElement>('[role="alertdialog"]') as HTMLElement;
    await user.click(within(dialog).getByRole('button', { name: 'Säilytä luonnos', hidden: true }));
    expect(screen.getByRole('textbox', { name: /Tilannekuvaus/, hidden: true })).toHaveValue('Kesken');

    await user.click(await screen.findByRole('button', { name: 'Hylkää luonnos' }));
    const again = (await screen.findByText('Hylätäänkö luonnos?')).closest<HTMLElement>('[role="alertdialog"]') as HTMLElement;
    await user.click(within(again).getByRole('button', { name: 'Hylkää luonnos', hidden: true }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: /Tilannekuvaus/ })).toHaveValue(''));
    expect(screen.queryByText(/Jatkat tallennettua luonnosta/)).not.toBeInTheDocument();
    expect(screen.getByText('Luonnos hylätty')).toBeInTheDocument();
  });

  it("stamps a draft with the app's clock, not the machine's", async () => {
    const user = userEvent.setup();
    const { props } = setup({ clock: () => new Date('2021-09-22T09:15:00+03:00') });
    await renderTab(<CheckInForm {...props} />);
    await user.type(await screen.findByRole('textbox', { name: /Tilannekuvaus/ }), 'Kesken');
    await waitFor(() => expect(screen.getByText(/Luonnos tallennettu/)).toHaveTextContent(/22\.9\.2021/));
  });

  it('says how much of a pasted text did not fit, and shows the limit up front', async () => {
    const user = userEvent.setup();
    const { props } = setup();
    await renderTab(<CheckInForm {...props} />);
    const box = await screen.findByRole('textbox', { name: /Tilannekuvaus/ });
    expect(box).toHaveAccessibleDescription(expect.stringMatching(/Enintään 8\s000 merkkiä/));
    box.focus();
    await user.paste('x'.repeat(8_010));
    expect(await screen.findByRole('alert')).toHaveTextContent(/10 merkkiä jäi pois/);
  });

  it('shows a refusal the form does not know in the user’s language by its code, never the server’s English', async () => {
    const user = userEvent.setup();
    const { props, onSubmit } = setup();
    onSubmit.mockRejectedValueOnce(new ApiError(400, 'invalid', 'Invalid check-in', [{ path: 'narrative', message: 'Narrative contains a forbidden word', code: 'narrative.notAllowed' }]));
    await renderTab(<CheckInForm {...props} />, 'sv');
    await user.click(await screen.findByRole('radio', { name: 'Förverkligas helt' }));
    await user.type(screen.getByRole('textbox', { name: /beskrivning/i }), 'Text');
    await user.click(screen.getByRole('button', { name: 'Skicka uppföljningen' }));
    const box = screen.getByRole('textbox', { name: /beskrivning/i });
    await waitFor(() => expect(box).toHaveAccessibleDescription(expect.stringContaining('Värdet är inte tillåtet.')));
    expect(box).not.toHaveAccessibleDescription(expect.stringContaining('forbidden'));
  });
});
