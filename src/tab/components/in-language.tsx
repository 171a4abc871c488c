/**
 * Text that may be in another language than the page: a goal title with no Swedish version shown
 * to a Swedish reader is Finnish, and says so (`lang="fi"`) so a screen reader pronounces it as
 * Finnish (WCAG 3.1.2, language of parts).
 */
import { useCallback } from 'react';
import { goalTexts, inLanguage, type GoalTexts } from '../../domain/goal-texts';
import type { Locale } from '../../domain/localized';
import type { Goal } from '../../domain/schemas/goal';
import { useLocale } from '../i18n/locale';

export interface TextInLanguage {
  text: string;
  lang: Locale;
}

export function InLanguage({ value }: { value: TextInLanguage }) {
  const { locale } = useLocale();
  return value.lang === locale ? <>{value.text}</> : <span lang={value.lang}>{value.text}</span>;
}

/** A goal's text in the reader's language, with the language it is actually in. */
export function useGoalText(): (goal: Pick<Goal, 'title' | 'description' | 'indicator' | 'baseline' | 'target' | 'translations'>, field?: keyof GoalTexts) => TextInLanguage {
  const { locale } = useLocale();
  return useCallback(
    (goal, field = 'title') => {
      const text = goalTexts(goal)[field];
      return text ? inLanguage(text, locale) : { text: '', lang: locale };
    },
    [locale],
  );
}
