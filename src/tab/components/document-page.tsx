/**
 * A readable document (the accessibility statement, the privacy notice, the terms of use): a narrow
 * page with one card of text, and sections drawn from a catalog. A section's texts live under one
 * catalog key: `title`, `body`, optionally `items` (a list), `email`, and `url` + `linkText`; a
 * part shows only where the catalog has it, so a document's shape is edited in its catalogs.
 */
import { Body1, Link, makeStyles, mergeClasses, Subtitle1, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from './page';
import { useSurfaceStyles } from './surface';

const useStyles = makeStyles({
  body: { padding: tokens.spacingHorizontalXL, lineHeight: tokens.lineHeightBase400 },
  h2: { margin: `${tokens.spacingVerticalM} 0 0` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

/** The page: title, subtitle (when it was updated) and the document's card; children are its intro and sections. */
export function DocumentPage({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  return (
    <Page title={title} subtitle={subtitle} narrow>
      <div className={mergeClasses(surface.card, styles.body)}>{children}</div>
    </Page>
  );
}

export interface DocumentSectionProps {
  /** Catalog namespace, e.g. `a11y`, `legal`. */
  ns: string;
  /** The section's key in that namespace, e.g. `feedback` or `privacy.sections.dpo`. */
  at: string;
  /** The heading's id (the section is labelled by it); unique on the page. */
  headingId: string;
  /** Shown before the e-mail address. */
  emailLabel: string;
}

export function DocumentSection({ ns, at, headingId, emailLabel }: DocumentSectionProps) {
  const styles = useStyles();
  const { t, i18n } = useTranslation(ns);
  const items = t(`${at}.items`, { returnObjects: true, defaultValue: [] }) as unknown;
  const has = (k: string) => i18n.exists(`${ns}:${at}.${k}`);
  return (
    <section aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId} className={styles.h2}>
        {t(`${at}.title`)}
      </Subtitle1>
      <Body1 as="p">{t(`${at}.body`)}</Body1>
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
          {emailLabel} <Link href={`mailto:${t(`${at}.email`)}`}>{t(`${at}.email`)}</Link>
        </Body1>
      ) : null}
      {has('url') ? (
        <Body1 as="p">
          <Link href={t(`${at}.url`)} target="_blank" rel="noopener noreferrer">
            {t(`${at}.linkText`)}
          </Link>
        </Body1>
      ) : null}
    </section>
  );
}
