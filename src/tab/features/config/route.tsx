/**
 * Channel tab configuration (`pages.config`): the channel chooses the plan and the development
 * group it follows; the tab then opens the dashboard filtered to them. Outside Teams the page shows
 * what would be saved, so it can be tried and tested in a plain browser.
 */
import { Body1, Field, makeStyles, mergeClasses, MessageBar, MessageBarBody, Select, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { ErrorState, LoadingCards } from '../../components/states';
import { useSurfaceStyles } from '../../components/surface';
import { paths } from '../../routing/paths';
import { useBoard, useConfig, useHost, usePlans } from '../../data';
import { useText } from '../../i18n/locale';

const useStyles = makeStyles({
  panel: { gap: tokens.spacingVerticalL, padding: tokens.spacingHorizontalXL },
  preview: { display: 'grid', gridTemplateColumns: 'auto 1fr', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere', fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

export interface TabSettings {
  contentUrl: string;
  websiteUrl: string;
  entityId: string;
  suggestedDisplayName: string;
}

export function tabSettings(base: string, planKey: string, groupKey: string | undefined, displayName: string): TabSettings {
  const path = paths.dashboard({ plan: planKey, ...(groupKey ? { group: groupKey } : {}) });
  const root = base.replace(/\/$/, '');
  return {
    contentUrl: `${root}${path}${path.includes('?') ? '&' : '?'}inTeams=1`,
    websiteUrl: `${root}${path}`,
    entityId: `dashboard:${planKey}:${groupKey ?? '*'}`,
    suggestedDisplayName: displayName,
  };
}

export default function ConfigView() {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('config');
  const text = useText();
  const host = useHost();
  const config = useConfig();
  const plans = usePlans();
  const [planKey, setPlanKey] = useState<string>('');
  const [groupKey, setGroupKey] = useState<string>('');
  const plan = plans.data?.find((p) => p.key === planKey) ?? plans.data?.[0];
  const board = useBoard(plan?.key);

  useEffect(() => {
    if (!planKey && plans.data?.[0]) setPlanKey(plans.data[0].key);
  }, [plans.data, planKey]);

  const group = board.data?.group(groupKey);
  const settings = useMemo(
    () =>
      plan
        ? tabSettings(config.publicUrl || window.location.origin, plan.key, group?.key, group ? t('displayName.group', { group: text(group.name) }) : t('displayName.plan'))
        : undefined,
    [plan, group, config.publicUrl, t, text],
  );

  // In Teams: register the save handler and tell Teams whether Save may be pressed.
  const teams = host.kind === 'teams' ? host.teams : undefined;
  useEffect(() => {
    if (!teams) return;
    teams.pages.config.setValidityState(!!settings);
    if (!settings) return;
    teams.pages.config.registerOnSaveHandler((saveEvent) => {
      teams.pages.config.setConfig(settings).then(
        () => saveEvent.notifySuccess(),
        (e: unknown) => saveEvent.notifyFailure(e instanceof Error ? e.message : String(e)),
      );
    });
  }, [teams, settings]);

  return (
    <Page title={t('title')} subtitle={t('intro')} narrow>
      {plans.error ? (
        <ErrorState error={plans.error} onRetry={() => void plans.refetch()} />
      ) : !plans.data ? (
        <LoadingCards count={1} />
      ) : plans.data.length === 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>{t('noPlans')}</MessageBarBody>
        </MessageBar>
      ) : (
        <div className={mergeClasses(surface.card, styles.panel)}>
          <Field label={t('plan.label')} hint={t('plan.hint')}>
            <Select value={plan?.key ?? ''} onChange={(_, d) => (setPlanKey(d.value), setGroupKey(''))}>
              {plans.data.map((p) => (
                <option key={p.key} value={p.key}>
                  {text(p.title)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('group.label')} hint={t('group.hint')} validationMessage={board.error ? t('group.loadFailed') : undefined}>
            <Select value={groupKey} onChange={(_, d) => setGroupKey(d.value)} disabled={!board.data}>
              <option value="">{t('group.all')}</option>
              {(board.data?.groups ?? []).map((g) => (
                <option key={g.key} value={g.key}>
                  {text(g.name)}
                </option>
              ))}
            </Select>
          </Field>
          {settings ? (
            <section aria-labelledby="config-preview">
              <Subtitle2 as="h2" id="config-preview">
                {teams ? t('preview.teamsTitle') : t('preview.browserTitle')}
              </Subtitle2>
              <Body1>{teams ? t('preview.teamsBody') : t('preview.browserBody')}</Body1>
              <dl className={styles.preview}>
                <dt className={styles.term}>{t('preview.name')}</dt>
                <dd className={styles.value}>
                  <Text>{settings.suggestedDisplayName}</Text>
                </dd>
                <dt className={styles.term}>{t('preview.contentUrl')}</dt>
                <dd className={styles.value}>{settings.contentUrl}</dd>
                <dt className={styles.term}>{t('preview.entityId')}</dt>
                <dd className={styles.value}>{settings.entityId}</dd>
              </dl>
            </section>
          ) : null}
        </div>
      )}
    </Page>
  );
}
