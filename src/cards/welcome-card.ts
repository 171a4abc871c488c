import type { IChoiceSetInput } from '@microsoft/teams.cards';
import { pickText, type Locale, type LocalizedText } from '../domain';
import { FORM_INPUTS, VERBS } from './actions';
import { card, execute, heading, text, type Card } from './card';
import { esc } from './escape';
import { t } from './i18n';

export interface WelcomeCardModel {
  locale: Locale;
  groups: { key: string; name: LocalizedText }[];
  /** Preselects the group this channel is linked to, when it is. */
  linkedGroupKey?: string;
}

/** Posted in a channel when the app is added to a team: choose the development group to link. */
export function buildWelcomeCard(m: WelcomeCardModel): Card {
  const L = m.locale;
  if (m.groups.length === 0) {
    return card([heading(t(L, 'welcome.title')), text(t(L, 'welcome.body')), text(t(L, 'welcome.noGroups'), { isSubtle: true })]);
  }
  const choice: IChoiceSetInput = {
    type: 'Input.ChoiceSet',
    id: FORM_INPUTS.groupKey,
    label: t(L, 'welcome.choose'),
    isRequired: true,
    errorMessage: t(L, 'welcome.choose'),
    choices: m.groups.map((g) => ({ title: pickText(g.name, L), value: g.key })),
    ...(m.linkedGroupKey ? { value: m.linkedGroupKey } : {}),
  };
  return card([heading(t(L, 'welcome.title')), text(t(L, 'welcome.body')), choice, text(t(L, 'welcome.who'), { isSubtle: true, size: 'Small' })], {
    actions: [execute(t(L, 'welcome.link'), VERBS.link, {}, { associatedInputs: 'auto', style: 'positive' })],
    fallbackText: t(L, 'welcome.title'),
  });
}

/** The answer to a successful link: the welcome card, now saying which group the channel serves. */
export function buildLinkedCard(locale: Locale, groupName: LocalizedText): Card {
  return card([heading(t(locale, 'linked.title')), text(t(locale, 'linked.body', { group: esc(pickText(groupName, locale)) }))]);
}

/** Sent in a personal chat when someone installs the app for themselves; without a name the greeting has none. */
export function buildPersonalWelcomeCard(locale: Locale, name: string | undefined): Card {
  const title = name?.trim() ? t(locale, 'personal.welcome.title', { name: esc(name.trim()) }) : t(locale, 'personal.welcome.titleNoName');
  return card([heading(title), text(t(locale, 'personal.welcome.body'))]);
}
