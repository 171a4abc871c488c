/**
 * What is missing in Swedish and English (`/admin/translations?plan=`): per language, how many of
 * the plan's goals still lack some text ("Puuttuu ruotsiksi: 7 tavoitetta") and, for each, which
 * texts, with a link to the goal's editor where they are written side by side. The admin route
 * renders this after its role check; Swedish comes first because board documents must have it
 * (Language Act 423/2003 §29).
 */
import { Button, Field, Link, makeStyles, mergeClasses, Select, tokens } from '@fluentui/react-components';
import { Translate20Regular } from '@fluentui/react-icons';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { missingTexts, type GoalTexts } from '../../../../domain/goal-texts';
import type { Goal } from '../../../../domain/schemas/goal';
import { compareCodes } from '../../../../domain/goal';
import { InLanguage, useGoalText } from '../../../components/in-language';
import { BackLink, Page } from '../../../components/page';
import { EmptyState, ErrorState, LoadingCards, refetchAll } from '../../../components/states';
import { useSurfaceStyles } from '../../../components/surface';
import { useBoard } from '../../../data';
import { paths } from '../../../routing/paths';
import { useLinkProps, useNavigate } from '../../../routing/router';

export const translationsPath = (plan?: string) => paths.admin({ rest: 'translations' }, { plan });

/** Whether the admin route's rest of path is this page. */
export const isTranslationsPath = (rest: string | undefined) => (rest ?? '').split('/')[0] === 'translations';

const LANGS = ['sv', 'en'] as const;
type Lang = (typeof LANGS)[number];

/** The admin catalog's label of each goal text, as the goal editor names its inputs. */
const FIELD_LABEL: Record<keyof GoalTexts, string> = {
  title: 'field.title',
  description: 'field.description',
  indicatorText: 'field.indicator_text',
  indicatorUnit: 'field.indicator_unit',
  baselineText: 'field.baseline_text',
  targetText: 'field.target_text',
};

const useStyles = makeStyles({
  section: { gap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    '& th, & td': { textAlign: 'left', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
    '& thead th': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  },
  rowHead: { fontWeight: tokens.fontWeightRegular },
  code: { whiteSpace: 'nowrap' },
  planSelect: { minWidth: '18rem', maxWidth: '100%' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

function EditorLink({ goal, plan }: { goal: Goal; plan: string }) {
  const goalText = useGoalText();
  const link = useLinkProps(paths.admin({ rest: `goals/${encodeURIComponent(goal.key)}` }, { plan }));
  return (
    <Link {...link}>
      <InLanguage value={goalText(goal)} />
    </Link>
  );
}

function Missing({ lang, goals, plan }: { lang: Lang; goals: readonly Goal[]; plan: string }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('adminTranslations');
  const { t: ta } = useTranslation('admin');
  const headingId = useId();
  const rows = goals
    .map((g) => ({ goal: g, missing: missingTexts(g, lang) }))
    .filter((r) => r.missing.length > 0)
    .sort((a, b) => compareCodes(a.goal.code, b.goal.code));
  return (
    <section className={mergeClasses(surface.card, styles.section)} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.h2}>
        {t(`missing.${lang}`, { count: rows.length })}
      </h2>
      {rows.length === 0 ? (
        <p>{t(`complete.${lang}`)}</p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">{ta('field.code')}</th>
              <th scope="col">{t('goal')}</th>
              <th scope="col">{t('texts')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ goal, missing }) => (
              <tr key={goal.key}>
                <td className={styles.code}>{goal.code}</td>
                <th scope="row" className={styles.rowHead}>
                  <EditorLink goal={goal} plan={plan} />
                </th>
                <td>{missing.map((f) => ta(FIELD_LABEL[f])).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function TranslationsView({ plans, plan }: { plans: { key: string; title: string }[]; plan?: string }) {
  const styles = useStyles();
  const { t } = useTranslation('adminTranslations');
  const { t: ta } = useTranslation('admin');
  const go = useNavigate();
  const board = useBoard(plan);
  const goals = useMemo(() => board.data?.goals ?? [], [board.data]);
  return (
    <Page title={t('title')} subtitle={t('subtitle')} back={<BackLink to={paths.admin({ rest: 'goals' }, { plan })}>{ta('back.goals')}</BackLink>}>
      <div className={styles.stack}>
        {plans.length > 1 ? (
          <Field label={ta('planPicker')} className={styles.planSelect}>
            <Select value={plan ?? ''} onChange={(_, d) => go(translationsPath(d.value))}>
              {plans.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.title}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
        {!plan ? (
          <EmptyState title={ta('noPlans.title')}>{ta('noPlans.body')}</EmptyState>
        ) : board.error ? (
          <ErrorState error={board.error} onRetry={refetchAll(board)} />
        ) : !board.data ? (
          <LoadingCards count={2} label={t('loading')} />
        ) : goals.length === 0 ? (
          <EmptyState title={t('noGoals')}>{ta('list.emptyBody.goals')}</EmptyState>
        ) : (
          LANGS.map((l) => <Missing key={l} lang={l} goals={goals} plan={plan} />)
        )}
      </div>
    </Page>
  );
}

/** The goals list's way in, with what is missing in Swedish on its face. */
export function TranslationsLink({ plan, goals }: { plan: string; goals: readonly Goal[] }) {
  const { t } = useTranslation('adminTranslations');
  const link = useLinkProps(translationsPath(plan));
  const count = goals.filter((g) => missingTexts(g, 'sv').length > 0).length;
  return (
    <Button as="a" icon={<Translate20Regular />} {...link}>
      {count > 0 ? t('link.missing', { count }) : t('link.complete')}
    </Button>
  );
}
