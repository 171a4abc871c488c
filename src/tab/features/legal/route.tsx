/**
 * The privacy notice (GDPR Art. 13–14: controller, purpose and legal basis, data, storage,
 * retention, recipients, rights, DPO, supervisory authority) and the terms of use, at `/privacy`
 * and `/terms`: the Teams manifest's `privacyUrl` and `termsOfUseUrl`. Both are public (readable
 * before sign-in, see `PUBLIC_ROUTES`). The texts live in the `legal` catalogs in Finnish, Swedish
 * and English; the municipality's own details (controller, DPO, retention) are placeholders in
 * [square brackets] there, to be filled in by each municipality before publishing.
 */
import { Body1, Link, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useRoute } from '../../app/router';
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

/** Section order of each document; each id has `title`, `body` and optionally `items`, `email`, `url` + `linkText`. */
export const DOCUMENTS = {
  privacy: ['controller', 'dpo', 'purpose', 'legalBasis', 'data', 'noPupils', 'sources', 'storage', 'retention', 'recipients', 'transfers', 'automated', 'rights', 'supervision'],
  terms: ['service', 'users', 'content', 'noPupils', 'availability', 'privacy', 'changes', 'contact'],
} as const;

export type LegalDocument = keyof typeof DOCUMENTS;

function Section({ doc, id }: { doc: LegalDocument; id: string }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation('legal');
  const key = `${doc}.sections.${id}`;
  const items = t(`${key}.items`, { returnObjects: true, defaultValue: [] }) as unknown;
  const has = (k: string) => i18n.exists(`legal:${key}.${k}`);
  return (
    <section aria-labelledby={`${doc}-${id}`}>
      <Subtitle1 as="h2" id={`${doc}-${id}`} className={styles.h2}>
        {t(`${key}.title`)}
      </Subtitle1>
      <Body1 as="p">{t(`${key}.body`)}</Body1>
      {Array.isArray(items) && items.length > 0 ? (
        <ul className={styles.list}>
          {items.map((i) => (
            <li key={String(i)}>
              <Body1>{String(i)}</Body1>
            </li>
          ))}
        </ul>
      ) : null}
      {has('email') ? (
        <Body1 as="p">
          {t('emailLabel')} <Link href={`mailto:${t(`${key}.email`)}`}>{t(`${key}.email`)}</Link>
        </Body1>
      ) : null}
      {has('url') ? (
        <Body1 as="p">
          <Link href={t(`${key}.url`)} target="_blank" rel="noopener noreferrer">
            {t(`${key}.linkText`)}
          </Link>
        </Body1>
      ) : null}
    </section>
  );
}

export default function LegalView() {
  const styles = useStyles();
  const route = useRoute();
  const { t } = useTranslation('legal');
  const doc: LegalDocument = route.name === 'terms' ? 'terms' : 'privacy';
  return (
    <Page title={t(`${doc}.title`)} subtitle={t('updated')} narrow>
      <div className={styles.body}>
        <Body1 as="p">{t(`${doc}.intro`)}</Body1>
        {DOCUMENTS[doc].map((id) => (
          <Section key={id} doc={doc} id={id} />
        ))}
      </div>
    </Page>
  );
}
