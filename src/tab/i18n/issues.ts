/**
 * The server's refusals in the user's language. Every field issue in an error body carries a
 * stable code, `<field>.<reason>` (`indicatorValue.negative`, `meetingDate.tooFarAhead`, see
 * domain/errors.ts); its English `message` is for logs and scripts and is never shown. A code is
 * looked up in the common catalog under `issue.`: first the exact code, then its reason alone
 * (`issue.reason.tooLong`), then one generic sentence, so a code the tab does not know yet still
 * reads as a sentence in the user's language.
 */
import { useTranslation } from 'react-i18next';

export interface CodedIssue {
  path: string;
  code?: string | undefined;
}

/** The field a path names, without list positions (`levels.0.value` → `levels.value`). */
const fieldOf = (path: string) => path.split('.').filter((p) => p !== '' && !/^\d+$/.test(p)).join('.') || 'body';

/** Catalog keys for an issue, most specific first (i18next takes the first that exists). */
export function issueKeys(issue: CodedIssue): string[] {
  const code = issue.code && issue.code.includes('.') ? issue.code : `${fieldOf(issue.path)}.${issue.code || 'invalid'}`;
  const reason = code.slice(code.lastIndexOf('.') + 1);
  return [`common:issue.${code}`, `common:issue.reason.${reason}`, 'common:issue.generic'];
}

/** `(issue) => sentence` in the current language. */
export function useIssueText(): (issue: CodedIssue) => string {
  const { t } = useTranslation();
  return (issue) => t(issueKeys(issue));
}
