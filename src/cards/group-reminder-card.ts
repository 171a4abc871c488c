import type { IActionSet, IChoiceSetInput, IContainer, INumberInput, ITextInput } from '@microsoft/teams.cards';
import { levelOf, pickText, type Locale, type StatusScale } from '../domain';
import { FORM_INPUTS, VERBS } from './actions';
import { card, execute, heading, text, type Card, type CardElement } from './card';
import { clip, esc } from './escape';
import { formatDate, formatDateTime, formatPeriod, goalTitleIn } from './format';
import { t } from './i18n';
import { MAX_REFRESH_USERS, teamsUserMri } from './links';
import type { FollowUpView, GoalView, GroupCardModel, LastStatus, SlotView } from './models';

/**
 * The monthly group reminder: the group's goals due this period with where each stood, "Update"
 * per goal (opens the inline check-in form through the bot, which authorizes first), and — once
 * reported — who reported and when. The same builder makes the card as posted, each user's
 * refreshed view and the card with the form open, so they never drift apart.
 */
export function buildGroupCard(m: GroupCardModel): Card {
  const L = m.locale;
  const body: CardElement[] = [
    heading(t(L, 'group.title', { plan: esc(pickText(m.planTitle, L)) })),
    text(
      t(L, 'group.subtitle', {
        group: esc(pickText(m.groupName, L)),
        period: formatPeriod(L, m.ref.period),
        due: formatDate(L, m.dueDate),
      }),
      { isSubtle: true, spacing: 'None' },
    ),
  ];
  if (m.notice) body.push(text(m.notice.text, { color: m.notice.color === 'good' ? 'Good' : 'Attention', weight: 'Bolder' }));
  if (m.goals.length === 0) body.push(text(t(L, 'group.none')));
  else if (m.goals.every((g) => g.slots.every((s) => s.state === 'done')) && !m.followUps?.length) body.push(text(t(L, 'group.allDone'), { color: 'Good' }));

  for (const goal of m.goals) {
    const open = m.form?.goalKey === goal.key;
    body.push(goalContainer(m, goal, open));
  }
  if (m.followUps?.length) body.push(followUpContainer(m, m.followUps));

  const refreshAction = execute(t(L, 'group.refresh'), VERBS.refresh, { ...m.ref }, { associatedInputs: 'none' });
  const tooMany = m.permittedUserIds.length > MAX_REFRESH_USERS;
  if (tooMany && m.view === 'shared') body.push(text(t(L, 'group.manualRefresh'), { isSubtle: true, size: 'Small' }));

  return card(body, {
    // Teams refreshes the card automatically for the listed users (their own view, with the
    // forms); a bigger group falls back to the Refresh button.
    refresh: tooMany
      ? { action: { type: 'Action.Execute', verb: VERBS.refresh, data: { ...m.ref } } }
      : {
          action: { type: 'Action.Execute', verb: VERBS.refresh, data: { ...m.ref } },
          userIds: m.permittedUserIds.map(teamsUserMri),
        },
    actions: [refreshAction],
    fallbackText: t(L, 'group.title', { plan: pickText(m.planTitle, L) }),
  });
}

function goalHeading(goal: GoalView, L: Locale): CardElement {
  const shown = goalTitleIn(goal, L);
  return text(`**${esc(goal.code)}** ${esc(clip(shown.text, 300))}`, { weight: 'Default' });
}

function goalContainer(m: GroupCardModel, goal: GoalView, formOpen: boolean): IContainer {
  const L = m.locale;
  const items: CardElement[] = [
    goalHeading(goal, L),
    ...goal.slots.map((s) => slotLine(L, m.scale, s)),
  ];
  const hasOpenSlot = goal.slots.some((s) => s.state !== 'done' && s.state !== 'upcoming');
  if (formOpen && m.form) {
    items.push(...checkInForm(m, goal));
  } else if (m.view !== 'reader' && (hasOpenSlot || m.view === 'member')) {
    const firstOpen = goal.slots.find((s) => s.state !== 'done')?.unit;
    const actionSet: IActionSet = {
      type: 'ActionSet',
      actions: [
        execute(t(L, 'group.update'), VERBS.openForm, { ...m.ref, goalKey: goal.key, ...(firstOpen ? { unit: firstOpen } : {}) }, {
          associatedInputs: 'none',
        }),
      ],
    };
    items.push(actionSet);
  }
  return { type: 'Container', id: `goal-${goal.key}`, separator: true, spacing: 'Medium', items };
}

/**
 * What the leadership team asked of the group ("Johtoryhmä pyysi 22.9.2021: …, määräaika …"),
 * each with "Mark done" for everyone but a reader (the bot checks membership before writing).
 */
function followUpContainer(m: GroupCardModel, followUps: FollowUpView[]): IContainer {
  const L = m.locale;
  const items: CardElement[] = [text(t(L, 'followUp.title'), { weight: 'Bolder' })];
  for (const f of followUps) {
    const line = t(L, 'followUp.asked', { date: formatDate(L, f.meetingDate), ask: esc(clip(f.ask, 400)), due: formatDate(L, f.dueDate) });
    items.push(
      text(`**${esc(f.goalCode)}** ${line}${f.overdue ? ` · **${t(L, 'followUp.overdue')}**` : ''}`, { spacing: 'Small', size: 'Small', ...(f.overdue ? { color: 'Attention' } : {}) }),
    );
    if (m.view !== 'reader') {
      const actionSet: IActionSet = {
        type: 'ActionSet',
        actions: [execute(t(L, 'followUp.markDone'), VERBS.followUpDone, { ...m.ref, reviewKey: f.reviewKey }, { associatedInputs: 'none' })],
      };
      items.push(actionSet);
    }
  }
  return { type: 'Container', id: 'follow-ups', separator: true, spacing: 'Medium', items };
}

function statusLabel(L: Locale, scale: StatusScale, value: number): string {
  const level = levelOf(scale, value);
  return level ? esc(pickText(level.label, L)) : String(value);
}

function who(L: Locale, scale: StatusScale, s: LastStatus): string {
  return t(L, 'group.done', { name: esc(s.authorName), at: formatDateTime(L, s.at), status: statusLabel(L, scale, s.status) });
}

function slotLine(L: Locale, scale: StatusScale, s: SlotView): CardElement {
  const unit = s.unitName ? `${esc(pickText(s.unitName, L))}: ` : '';
  if (s.state === 'done' && s.done) {
    return text(`✅ ${unit}${who(L, scale, s.done)}`, { color: 'Good', spacing: 'Small', size: 'Small' });
  }
  const state = t(L, s.state === 'overdue' ? 'state.overdue' : s.state === 'upcoming' ? 'state.upcoming' : 'state.due');
  const last = s.last
    ? t(L, 'group.last', { status: statusLabel(L, scale, s.last.status), period: formatPeriod(L, s.last.period) })
    : t(L, 'group.never');
  return text(`${unit}**${state}** · ${last}`, { spacing: 'Small', size: 'Small', ...(s.state === 'overdue' ? { color: 'Attention' } : {}) });
}

function checkInForm(m: GroupCardModel, goal: GoalView): CardElement[] {
  const L = m.locale;
  const f = m.form!;
  const out: CardElement[] = [text(t(L, 'form.title', { goal: `${esc(goal.code)} ${esc(clip(goalTitleIn(goal, L).text, 120))}` }), { weight: 'Bolder', spacing: 'Medium' })];
  if (f.errors?.length) out.push(text(t(L, 'form.invalid', { fields: f.errors.join('; ') }), { color: 'Attention' }));
  const withUnits = goal.slots.some((s) => s.unit !== undefined);
  if (withUnits) {
    const unitInput: IChoiceSetInput = {
      type: 'Input.ChoiceSet',
      id: 'unit',
      label: t(L, 'form.unit', { unit: '' }).replace(/[:\s]+$/, ''),
      isRequired: true,
      errorMessage: t(L, 'form.unit', { unit: '' }).replace(/[:\s]+$/, ''),
      choices: goal.slots
        .filter((s) => s.unit !== undefined)
        .map((s) => ({
          title: `${pickText(s.unitName ?? { fi: s.unit! }, L)}${s.state === 'done' ? ` (${t(L, 'state.done')})` : ''}`,
          value: s.unit!,
        })),
      value: f.unit ?? goal.slots.find((s) => s.state !== 'done')?.unit ?? goal.slots[0]?.unit,
    };
    out.push(unitInput);
  }
  const status: IChoiceSetInput = {
    type: 'Input.ChoiceSet',
    id: FORM_INPUTS.status,
    label: t(L, 'form.status'),
    style: 'expanded',
    isRequired: true,
    errorMessage: t(L, 'form.statusError'),
    choices: [...m.scale.levels].sort((a, b) => b.value - a.value).map((l) => ({ title: pickText(l.label, L), value: String(l.value) })),
    ...(f.values?.status !== undefined ? { value: String(f.values.status) } : {}),
  };
  const narrative: ITextInput = {
    type: 'Input.Text',
    id: FORM_INPUTS.narrative,
    label: t(L, 'form.narrative'),
    placeholder: t(L, 'form.narrativeHint'),
    isMultiline: true,
    isRequired: true,
    maxLength: 8000,
    errorMessage: t(L, 'form.narrativeError'),
    ...(f.values?.narrative ? { value: f.values.narrative } : {}),
  };
  out.push(status, narrative);
  if (goal.indicator.kind === 'quantitative') {
    const value: INumberInput = {
      type: 'Input.Number',
      id: FORM_INPUTS.indicatorValue,
      label: goal.indicator.unit ? t(L, 'form.valueUnit', { unit: goal.indicator.unit }) : t(L, 'form.value'),
      // The same range the command checks (checkInIssues), so the client says it before a round trip.
      min: goal.indicator.min ?? 0,
      ...(goal.indicator.max !== undefined ? { max: goal.indicator.max } : {}),
      // A value belongs to the slot it is reported for (decision 0009): an area's own number.
      ...(withUnits ? { placeholder: t(L, 'form.valueHint') } : {}),
      ...(f.values?.indicatorValue !== undefined ? { value: f.values.indicatorValue } : {}),
    };
    out.push(value);
  }
  const submitData = { ...m.ref, goalKey: goal.key, submissionId: f.submissionId };
  const actions: IActionSet = {
    type: 'ActionSet',
    actions: [
      execute(t(L, 'form.submit'), VERBS.checkIn, submitData, { style: 'positive', associatedInputs: 'auto' }),
      execute(t(L, 'form.cancel'), VERBS.refresh, { ...m.ref }, { associatedInputs: 'none' }),
    ],
  };
  out.push(actions);
  return out;
}
