// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { FollowUp, Review } from '../../../../src/domain';
import { FollowUpList } from '../../../../src/tab/components/follow-up-list';
import { ReviewNoteActions, ReviewNoteHistory } from '../../../../src/tab/components/review-note-actions';
import type { Api, Saved } from '../../../../src/tab/data';
import { fakeServices, renderView } from '../helpers';

const author = { id: 'u-leader', upn: 'leader@example.test', name: 'Liisa Leader' };
const note = (over: Partial<Review> = {}): Review => ({
  key: 'rv-1',
  goalKey: 'g1',
  planKey: 'p',
  meetingDate: '2021-09-22',
  kind: 'decision',
  text: 'Jatketaan',
  author,
  createdAt: '2021-09-22T07:00:00.000Z',
  ...over,
});
const asked = (groupKey: string, dueDate: string): Review & { followUp: FollowUp } =>
  note({ key: `rv-${groupKey}`, followUp: { ask: `Raportoikaa (${groupKey})`, groupKey, dueDate, state: 'open' } }) as Review & { followUp: FollowUp };

function servicesWith(api: Partial<Api>) {
  const s = fakeServices({ plans: [], themes: [], goals: [], groups: [], units: [], checkIns: [] });
  return { ...s, api: { ...s.api, ...api } as Api };
}
const saved = (r: Review): Saved<Review> => ({ value: r, etag: '"2"' });

describe('open follow-ups', () => {
  it('offers Mark done only on what was asked of my groups, says overdue in words, and sends the note', async () => {
    const markFollowUpDone = vi.fn(async (key: string) => saved({ ...asked('ict', '2021-10-15'), key }));
    await renderView(
      <FollowUpList items={[asked('ict', '2021-09-01'), asked('hyte', '2021-10-15')]} groupName={(k) => `Ryhmä ${k}`} myGroups={['ict']} today="2021-09-22" />,
      { services: servicesWith({ markFollowUpDone }) },
    );
    expect(screen.getByText('Johtoryhmä pyysi ryhmältä Ryhmä ict 22.9.2021: Raportoikaa (ict)')).toBeTruthy();
    expect(screen.getByText('Määräaika meni 1.9.2021')).toBeTruthy();
    expect(screen.getByText('Määräaika 15.10.2021')).toBeTruthy();
    const buttons = screen.getAllByRole('button', { name: 'Merkitse tehdyksi' });
    expect(buttons).toHaveLength(1);
    fireEvent.click(buttons[0]!);
    await waitFor(() => expect(markFollowUpDone).toHaveBeenCalledWith('rv-ict'));
  });
});

describe('a note’s history and its author’s actions', () => {
  it('shows the earlier wordings and a withdrawal with its reason', async () => {
    const r = note({
      text: 'Jatketaan keväällä',
      correctedAt: '2021-09-23T07:00:00.000Z',
      revisions: [{ text: 'Jatketaan', writtenAt: '2021-09-22T07:00:00.000Z', writtenBy: { id: author.id, name: author.name } }],
      withdrawn: { reason: 'Väärä tavoite', at: '2021-09-24T07:00:00.000Z', by: { id: author.id, name: author.name } },
    });
    await renderView(<ReviewNoteHistory review={r} />, { services: servicesWith({}), lng: 'sv' });
    expect(screen.getByText('Tidigare formuleringar (1)')).toBeTruthy();
    expect(screen.getByText('Jatketaan')).toBeTruthy();
    expect(screen.getByTestId('note-withdrawn').textContent).toContain('Återkallad');
    expect(screen.getByTestId('note-withdrawn').textContent).toContain('Liisa Leader: Väärä tavoite');
  });

  it('says what a decision asked of which group and who marked it done', async () => {
    const r = note({ followUp: { ask: 'Raportoikaa', groupKey: 'ict', dueDate: '2021-10-15', state: 'done', doneAt: '2021-09-23T07:00:00.000Z', doneBy: { id: 'v', name: 'Ville Korhonen' } } });
    await renderView(<ReviewNoteHistory review={r} groupName={(k) => `Ryhmä ${k}`} />, { services: servicesWith({}) });
    expect(screen.getByTestId('note-follow-up').textContent).toBe('Pyydetty ryhmältä Ryhmä ict: Raportoikaa, määräaika 15.10.2021 · Tehty 23.9.2021 klo 10.00, Ville Korhonen');
  });

  it('lets the author correct and withdraw, an admin only withdraw, another leader neither', async () => {
    const { unmount } = await renderView(<ReviewNoteActions review={note()} me={{ id: author.id, roles: ['leader'] }} />, { services: servicesWith({}) });
    expect(screen.getByRole('button', { name: 'Korjaa' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Peru' })).toBeTruthy();
    unmount();
    const admin = await renderView(<ReviewNoteActions review={note()} me={{ id: 'someone', roles: ['admin'] }} />, { services: servicesWith({}) });
    expect(screen.queryByRole('button', { name: 'Korjaa' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Peru' })).toBeTruthy();
    admin.unmount();
    await renderView(<ReviewNoteActions review={note()} me={{ id: 'other-leader', roles: ['leader'] }} />, { services: servicesWith({}) });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('asks for a reason before withdrawing, then sends it', async () => {
    const withdrawReview = vi.fn(async (key: string, reason: string) => saved(note({ key, withdrawn: { reason, at: '2021-09-22T08:00:00.000Z', by: { id: author.id, name: author.name } } })));
    await renderView(<ReviewNoteActions review={note()} me={{ id: author.id, roles: ['leader'] }} />, { services: servicesWith({ withdrawReview }) });
    fireEvent.click(screen.getByRole('button', { name: 'Peru' }));
    fireEvent.click(screen.getByRole('button', { name: 'Peru merkintä' }));
    expect(screen.getByText('Kerro, miksi merkintä perutaan.')).toBeTruthy();
    expect(withdrawReview).not.toHaveBeenCalled();
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Kuului toiselle tavoitteelle' } });
    fireEvent.click(screen.getByRole('button', { name: 'Peru merkintä' }));
    await waitFor(() => expect(withdrawReview).toHaveBeenCalledWith('rv-1', 'Kuului toiselle tavoitteelle'));
  });

  it('refuses a correction that changes nothing without asking the server', async () => {
    const correctReview = vi.fn();
    await renderView(<ReviewNoteActions review={note()} me={{ id: author.id, roles: ['leader'] }} />, { services: servicesWith({ correctReview }) });
    fireEvent.click(screen.getByRole('button', { name: 'Korjaa' }));
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toBe('Jatketaan');
    fireEvent.click(screen.getByRole('button', { name: 'Tallenna korjaus' }));
    expect(screen.getByText('Korjaus on sama kuin merkintä.')).toBeTruthy();
    expect(correctReview).not.toHaveBeenCalled();
  });
});
