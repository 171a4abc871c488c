/**
 * The accessibility statement the Act on the Provision of Digital Services (306/2019) requires:
 * the compliance status, known gaps, how it was assessed, a feedback channel and the supervisory
 * authority. The text lives in the `a11y` catalogs in Finnish, Swedish and English.
 */
import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { DocumentPage, DocumentSection } from '../../components/document-page';

const SECTIONS = ['status', 'gaps', 'assessment', 'feedback', 'supervision'] as const;

export default function AccessibilityView() {
  const { t } = useTranslation('a11y');
  return (
    <DocumentPage title={t('title')} subtitle={t('updated')}>
      <Body1>{t('intro')}</Body1>
      {SECTIONS.map((s) => (
        <DocumentSection key={s} ns="a11y" at={s} headingId={`a11y-${s}`} emailLabel={t('feedback.contactLabel')} />
      ))}
    </DocumentPage>
  );
}
