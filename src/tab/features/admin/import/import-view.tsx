/**
 * The import page inside the admin view's frame: its own title and a way back to the plans. The
 * admin route renders this for `/admin/import`; the role check has happened there.
 */
import { Button } from '@fluentui/react-components';
import { ArrowUpload20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../routing/paths';
import { useLinkProps } from '../../../routing/router';
import { BackLink, Page } from '../../../components/page';
import { ImportPage } from './import-page';

export const importPath = (plan?: string) => paths.admin({ rest: 'import' }, { plan });

/** Whether the admin route's rest of path is the import page. */
export const isImportPath = (rest: string | undefined) => (rest ?? '').split('/')[0] === 'import';

export function ImportView({ plans, plan }: { plans: { key: string; title: string }[]; plan?: string }) {
  const { t } = useTranslation('adminImport');
  const { t: ta } = useTranslation('admin');
  return (
    <Page title={t('title')} back={<BackLink to={paths.admin({ rest: 'plans' }, { plan })}>{ta('back.plans')}</BackLink>}>
      <ImportPage plans={plans} {...(plan ? { initialPlan: plan } : {})} />
    </Page>
  );
}

/** The admin lists' way in: "Import a goal table". */
export function ImportLink({ plan }: { plan?: string }) {
  const { t } = useTranslation('adminImport');
  const link = useLinkProps(importPath(plan));
  return (
    <Button as="a" icon={<ArrowUpload20Regular />} {...link}>
      {t('open')}
    </Button>
  );
}
