import type { GoalTranslations } from '../domain';

/**
 * Swedish goal texts an admin has written for six of the ten demo goals, as a bilingual
 * municipality does before a board meeting: the other four show in Finnish, marked as Finnish,
 * and the admin view counts them as missing. Keyed by goal code.
 */
export const GOAL_TRANSLATIONS: Readonly<Record<string, GoalTranslations>> = {
  '1': {
    sv: {
      title: 'En förstudie om ett lärcampus görs för sektorns del och samarbetspartner kartläggs',
      indicatorText: 'Förstudien och kartläggningen är gjorda',
      baselineText: 'Det finns ingen plan',
    },
  },
  '2': {
    sv: {
      title: 'Reformen om utvidgad läroplikt genomförs framgångsrikt',
      indicatorText: 'Nya arbetssätt som den utvidgade läroplikten förutsätter',
      baselineText: 'Det finns inga arbetssätt',
    },
  },
  '3': {
    sv: {
      title: 'Familjecentrens verksamhet utvecklas och utvidgas för att stödja barnfamiljer',
      indicatorText: 'Familjecentermodellen konkretiseras, Kasos roll är fastställd och åtgärderna har inletts',
    },
  },
  '5': {
    sv: {
      title: 'Kunnandet om psykisk hälsa stärks och fördjupas inom elevhälsan, småbarnspedagogiken, den grundläggande utbildningen och andra stadiet',
      indicatorText: 'Antalet anställda som deltagit i utbildningar',
      indicatorUnit: 'utbildade',
      targetText: 'Antalet deltagare ökar med minst 10 procent',
    },
  },
  '6': {
    sv: {
      title: 'Studievägar som tar tillvara de studerandes flerspråkighet skapas',
      indicatorText: 'Studievägarna byggs upp',
    },
  },
  '7': {
    sv: {
      title: 'Åtgärder som stöder de studerandes gemensamma välbefinnande utökas',
      indicatorText: 'Genomförda utvecklingsåtgärder',
    },
  },
};
