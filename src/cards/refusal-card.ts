import type { Locale } from '../domain';
import { VERBS, type GroupCardRef } from './actions';
import { card, execute, heading, text, type Card } from './card';
import { t } from './i18n';

export type RefusalReason = 'checkIn' | 'link' | 'stale';

/**
 * A polite "not you" shown only to the person who pressed the button (the invoke response of a
 * Universal Action replaces the card for that user alone). Nothing has been written.
 */
export function buildRefusalCard(locale: Locale, reason: RefusalReason, back?: GroupCardRef): Card {
  const body = reason === 'link' ? t(locale, 'refusal.link') : reason === 'stale' ? t(locale, 'refusal.unknown') : t(locale, 'refusal.body');
  return card([heading(t(locale, 'refusal.title')), text(body)], {
    ...(back ? { actions: [execute(t(locale, 'group.refresh'), VERBS.refresh, { ...back }, { associatedInputs: 'none' })] } : {}),
  });
}
