/**
 * The privacy notice (GDPR Art. 13–14: controller, purpose and legal basis, data, storage,
 * retention, recipients, rights, DPO, supervisory authority) and the terms of use, at `/privacy`
 * and `/terms`: the Teams manifest's `privacyUrl` and `termsOfUseUrl`. Both are public (readable
 * before sign-in, see `PUBLIC_ROUTES`). The texts live in the `legal` catalogs in Finnish, Swedish
 * and English; the municipality's own details (controller, DPO, retention) are placeholders in
 * [square brackets] there, to be filled in by each municipality before publishing.
 */
import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useRoute } from '../../routing/router';
import { DocumentPage, DocumentSection } from '../../components/document-page';

/** Section order of each document; each id has `title`, `body` and optionally `items`, `email`, `url` + `linkText`. */
export const DOCUMENTS = {
  privacy: ['controller', 'dpo', 'purpose', 'legalBasis', 'data', 'noPupils', 'sources', 'storage', 'retention', 'recipients', 'transfers', 'automated', 'rights', 'supervision'],
  terms: ['service', 'users', 'content', 'noPupils', 'availability', 'privacy', 'changes', 'contact'],
} as const;

export type LegalDocument = keyof typeof DOCUMENTS;

export default function LegalView() {
  const route = useRoute();
  const { t } = useTranslation('legal');
  const doc: LegalDocument = route.name === 'terms' ? 'terms' : 'privacy';
  return (
    <DocumentPage title={t(`${doc}.title`)} subtitle={t('updated')}>
      <Body1 as="p">{t(`${doc}.intro`)}</Body1>
      {DOCUMENTS[doc].map((id) => (
        <DocumentSection key={id} ns="legal" at={`${doc}.sections.${id}`} headingId={`${doc}-${id}`} emailLabel={t('emailLabel')} />
      ))}
    </DocumentPage>
  );
}
