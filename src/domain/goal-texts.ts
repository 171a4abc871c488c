import type { Goal, GoalTranslation } from './schemas/goal';
import type { Locale, LocalizedText } from './localized';

/**
 * A goal's texts as localized texts: Finnish from the goal's own fields (required, so always
 * there), Swedish and English from its translations. Views, cards and reports read a goal's words
 * through here, so a missing translation falls back to Finnish in one place.
 */
export interface GoalTexts {
  title: LocalizedText;
  description: LocalizedText | undefined;
  indicatorText: LocalizedText;
  indicatorUnit: LocalizedText | undefined;
  baselineText: LocalizedText | undefined;
  targetText: LocalizedText | undefined;
}

type Field = keyof GoalTranslation;
const FIELDS: readonly Field[] = ['title', 'description', 'indicatorText', 'indicatorUnit', 'baselineText', 'targetText'];

function finnish(goal: Pick<Goal, 'title' | 'description' | 'indicator' | 'baseline' | 'target'>): Record<Field, string | undefined> {
  return {
    title: goal.title,
    description: goal.description,
    indicatorText: goal.indicator.text,
    indicatorUnit: goal.indicator.unit,
    baselineText: goal.baseline.text,
    targetText: goal.target.text,
  };
}

type TextSource = Pick<Goal, 'title' | 'description' | 'indicator' | 'baseline' | 'target'> & { translations?: Goal['translations'] };

export function goalTexts(goal: TextSource): GoalTexts {
  const fi = finnish(goal);
  const localized = (field: Field): LocalizedText | undefined => {
    const base = fi[field];
    if (!base) return undefined;
    const sv = goal.translations?.sv?.[field]?.trim();
    const en = goal.translations?.en?.[field]?.trim();
    return { fi: base, ...(sv ? { sv } : {}), ...(en ? { en } : {}) };
  };
  return {
    title: localized('title') ?? { fi: goal.title },
    description: localized('description'),
    indicatorText: localized('indicatorText') ?? { fi: goal.indicator.text },
    indicatorUnit: localized('indicatorUnit'),
    baselineText: localized('baselineText'),
    targetText: localized('targetText'),
  };
}

/** Only a goal's title as a localized text, for the places that carry no more of the goal (cards, digests). */
export function goalTitle(goal: Pick<Goal, 'title'> & { translations?: Goal['translations'] }): LocalizedText {
  const sv = goal.translations?.sv?.title?.trim();
  const en = goal.translations?.en?.title?.trim();
  return { fi: goal.title, ...(sv ? { sv } : {}), ...(en ? { en } : {}) };
}

/** A text in `lang` with the language it is actually in: Finnish when there is no `lang` version. */
export function inLanguage(text: LocalizedText, lang: Locale): { text: string; lang: Locale } {
  const own = text[lang]?.trim();
  return own ? { text: own, lang } : { text: text.fi, lang: 'fi' };
}

/** The goal's texts that have Finnish but no version in `lang`: what an admin still has to translate. */
export function missingTexts(goal: TextSource, lang: Exclude<Locale, 'fi'>): Field[] {
  const fi = finnish(goal);
  return FIELDS.filter((f) => !!fi[f] && !goal.translations?.[lang]?.[f]?.trim());
}

/** How many goals lack some text in `lang` ("puuttuu ruotsiksi: 7 tavoitetta"). */
export function goalsMissing(goals: readonly TextSource[], lang: Exclude<Locale, 'fi'>): number {
  return goals.filter((g) => missingTexts(g, lang).length > 0).length;
}

/**
 * The goal with one of its texts set in all three languages: Finnish into the goal's own field,
 * Swedish and English into its translations (a blank one removed, so it falls back to Finnish).
 */
export function withGoalText<G extends TextSource>(goal: G, field: Field, text: LocalizedText): G {
  const fi = text.fi;
  const own = ((): Partial<TextSource> => {
    switch (field) {
      case 'title':
        return { title: fi };
      case 'description':
        return { description: fi || undefined };
      case 'indicatorText':
        return { indicator: { ...goal.indicator, text: fi } };
      case 'indicatorUnit':
        return { indicator: { ...goal.indicator, unit: fi || undefined } };
      case 'baselineText':
        return { baseline: { ...goal.baseline, text: fi || undefined } };
      case 'targetText':
        return { target: { ...goal.target, text: fi || undefined } };
    }
  })();
  const translations: NonNullable<Goal['translations']> = {};
  for (const lang of ['sv', 'en'] as const) {
    const entry: GoalTranslation = { ...goal.translations?.[lang] };
    const value = text[lang]?.trim() ? text[lang] : undefined;
    if (value === undefined) delete entry[field];
    else entry[field] = value;
    if (Object.keys(entry).length > 0) translations[lang] = entry;
  }
  const { translations: _old, ...rest } = goal;
  return { ...rest, ...own, ...(Object.keys(translations).length > 0 ? { translations } : {}) } as G;
}
