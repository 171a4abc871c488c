/**
 * A refused life-cycle command as one sentence in the user's language: field issues by their
 * code (i18n/issues.ts), the HTTP status otherwise; the server's English is never shown.
 */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../data';
import { useIssueText } from '../../../i18n/issues';

export function useCommandErrorText(): (error: unknown, say?: { taken?: string; forbidden?: string }) => string {
  const { t } = useTranslation('adminPlan');
  const issueText = useIssueText();
  return (error, say = {}) => {
    if (!(error instanceof ApiError)) return t('error.other');
    if (error.status === 400 && error.fields.length > 0) return `${t('error.invalid')} ${error.fields.map(issueText).join(' ')}`;
    if (error.status === 409 && say.taken) return say.taken;
    if (error.status === 403) return say.forbidden ?? t('error.forbidden');
    if (error.status === 412) return t('error.stale');
    if (error.status === 404) return t('error.gone');
    if (error.status === 0) return t('error.network');
    if (error.status === 429 || error.status === 503) return t('error.busy');
    return t('error.other');
  };
}
