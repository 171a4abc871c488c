/**
 * The accessibility statement the Act on the Provision of Digital Services (306/2019) requires:
 * the compliance status, known gaps, how it was assessed, a feedback channel and the supervisory
 * authority. The text lives in the `a11y` catalogs in Finnish, Swedish and English.
 */
import { Body1, Link, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';

const useStyles = makeStyles({
  body: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    lineHeight: tokens.lineHeightBase400,
  },
  h2: { margin: `${tokens.spacingVerticalM} 0 0` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const SECTIONS = ['status', 'gaps', 'assessment', 'feedback', 'supervision'] as const;

export default function AccessibilityView() {
  const styles = useStyles();
  const { t } = useTranslation('a11y');
  return (
    <Page title={t('title')} subtitle={t('updated')} narrow>
      <div className={styles.body}>
        <Body1>{t('intro')}</Body1>
        {SECTIONS.map((s) => {
          const items = t(`${s}.items`, { returnObjects: true, defaultValue: [] }) as unknown;
          return (
            <section key={s} aria-labelledby={`a11y-${s}`}>
              <Subtitle1 as="h2" id={`a11y-${s}`} className={styles.h2}>
                {t(`${s}.title`)}
              </Subtitle1>
              <Body1 as="p">{t(`${s}.body`)}</Body1>
              {Array.isArray(items) && items.length > 0 ? (
                <ul className={styles.list}>
                  {items.map((i) => (
                    <li key={String(i)}>
                      <Body1>{String(i)}</Body1>
                    </li>
                  ))}
                </ul>
              ) : null}
              {s === 'feedback' ? (
                <Body1 as="p">
                  {t('feedback.contactLabel')} <Link href={`mailto:${t('feedback.email')}`}>{t('feedback.email')}</Link>
                </Body1>
              ) : null}
              {s === 'supervision' ? (
                <Body1 as="p">
                  <Link href={t('supervision.url')} target="_blank" rel="noopener noreferrer">
                    {t('supervision.linkText')}
                  </Link>
                </Body1>
              ) : null}
            </section>
          );
        })}
      </div>
    </Page>
  );
}
