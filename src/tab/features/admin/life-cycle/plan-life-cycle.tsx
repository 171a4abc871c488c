/**
 * Under a plan's editor: "create a new plan from this one" (themes, goals, indicators, targets,
 * groups and units to a new key, title and period; no history; the copied goals are then edited in
 * this same editor, before the new plan starts), and archiving at the end of the period with a
 * confirmation that says what archiving does, or restoring. Both are commands to the server
 * (`POST /api/plans/:key/copy`, `/archive` with If-Match).
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, mergeClasses, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { Archive20Regular, ArrowUndo20Regular, Copy20Regular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestCopy } from '../../../../domain/life-cycle';
import type { Plan } from '../../../../domain/plan';
import { paths } from '../../../routing/paths';
import { useNavigate } from '../../../routing/router';
import { useSurfaceStyles } from '../../../components/surface';
import { useServices } from '../../../data';
import { useFormat, useText } from '../../../i18n/locale';
import { DateField, LocalizedFields, TextField } from '../components/fields';
import { serverMessages, type FieldMessages } from '../model';
import { copyPlan, setArchived } from './commands';
import { useCommandErrorText } from './error-text';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalL },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grid: { display: 'grid', gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`, gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))', alignItems: 'start' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

export function PlanLifeCycle({ plan, etag }: { plan: Plan; etag: string }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('adminPlan');
  const text = useText();
  const format = useFormat();
  const services = useServices();
  const qc = useQueryClient();
  const go = useNavigate();
  const errorText = useCommandErrorText();
  const [copy, setCopy] = useState(() => suggestCopy(plan));
  const [busy, setBusy] = useState<'copy' | 'archive'>();
  const [error, setError] = useState<{ what: 'copy' | 'archive'; error: unknown }>();
  const [messages, setMessages] = useState<FieldMessages>({});
  const [confirming, setConfirming] = useState(false);
  const archived = !!plan.archivedAt;

  const submitCopy = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('copy');
    setError(undefined);
    setMessages({});
    try {
      await copyPlan(services, plan.key, copy);
      services.reads.forceFullBoard(); // a plan, theme, group or unit changed: a delta read would miss it
      await qc.invalidateQueries();
      go(paths.admin({ rest: `plans/${encodeURIComponent(copy.key)}` }, { plan: copy.key }));
    } catch (err) {
      setError({ what: 'copy', error: err });
      const fields = (err as { fields?: { path: string; message: string; code?: string }[] }).fields ?? [];
      setMessages(serverMessages(fields));
    } finally {
      setBusy(undefined);
    }
  };

  const archive = async (value: boolean) => {
    setBusy('archive');
    setError(undefined);
    try {
      await setArchived(services, plan.key, value, etag);
      setConfirming(false);
      services.reads.forceFullBoard(); // a plan, theme, group or unit changed: a delta read would miss it
      await qc.invalidateQueries();
    } catch (err) {
      setConfirming(false);
      setError({ what: 'archive', error: err });
    } finally {
      setBusy(undefined);
    }
  };

  const failure = (what: 'copy' | 'archive') =>
    error?.what === what ? (
      <MessageBar intent="error" role="alert" layout="multiline">
        <MessageBarBody>{errorText(error.error, { taken: t('error.taken', { key: copy.key }), forbidden: t('error.forbidden') })}</MessageBarBody>
      </MessageBar>
    ) : null;

  return (
    <section className={mergeClasses(surface.card, styles.card)} aria-labelledby="plan-life-cycle">
      <h2 id="plan-life-cycle" className={styles.h2}>
        {t('title')}
      </h2>
      <section className={styles.form} aria-labelledby="plan-archive">
        <h3 id="plan-archive" className={styles.h3}>
          {t(archived ? 'archived.title' : 'archive.title')}
        </h3>
        {archived ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t('archived.notice', { date: format.date(plan.archivedAt ?? '') })}</MessageBarBody>
          </MessageBar>
        ) : (
          <Text>{t('archive.body')}</Text>
        )}
        <div className={styles.actions}>
          {archived ? (
            <Button icon={<ArrowUndo20Regular />} disabled={!!busy} onClick={() => void archive(false)}>
              {t('archived.restore')}
            </Button>
          ) : (
            <Button icon={<Archive20Regular />} disabled={!!busy} onClick={() => setConfirming(true)}>
              {t('archive.action')}
            </Button>
          )}
        </div>
        {failure('archive')}
      </section>
      <form onSubmit={(e) => void submitCopy(e)} className={styles.form} aria-labelledby="plan-copy" noValidate>
        <h3 id="plan-copy" className={styles.h3}>
          {t('copy.title')}
        </h3>
        <Text>{t('copy.body', { plan: text(plan.title) })}</Text>
        <div className={styles.grid}>
          <TextField label={t('copy.key')} path="key" messages={messages} required value={copy.key} onChange={(v) => setCopy({ ...copy, key: v })} />
          <DateField label={t('copy.start')} path="periodStart" messages={messages} required value={copy.periodStart} onChange={(v) => setCopy({ ...copy, periodStart: v ?? '' })} />
          <DateField label={t('copy.end')} path="periodEnd" messages={messages} required value={copy.periodEnd} onChange={(v) => setCopy({ ...copy, periodEnd: v ?? '' })} />
        </div>
        <LocalizedFields label={t('copy.newTitle')} path="title" messages={messages} required value={copy.title} onChange={(v) => setCopy({ ...copy, title: v })} />
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" icon={<Copy20Regular />} disabled={!!busy || !copy.key || !copy.title.fi}>
            {busy === 'copy' ? t('copy.busy') : t('copy.action')}
          </Button>
        </div>
        {failure('copy')}
      </form>
      <Dialog open={confirming} onOpenChange={(_, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('archive.confirmTitle', { plan: text(plan.title) })}</DialogTitle>
            <DialogContent>{t('archive.confirmBody')}</DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={!!busy} onClick={() => void archive(true)}>
                {t('archive.confirm')}
              </Button>
              <Button onClick={() => setConfirming(false)}>{t('archive.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
