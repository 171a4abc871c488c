/**
 * "Raportti / Rapport": the board report of what the dashboard shows (its plan, period and
 * filters) in a language and format the leader chooses, independent of the UI language. Shown to
 * leaders and admins; the server decides again. The download starts at once and says how far it
 * is, so a large plan's report does not look stuck.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowDown20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../../domain/localized';
import { canExportReport, REPORT_FORMATS, type ReportFormat } from '../../../../domain/report-rules';
import { useMe, useServices } from '../../../data';
import { useFormat, useLocale } from '../../../i18n/locale';
import { downloadReport, ReportRequestError, saveFile, type ReportQuery } from '../api/download-report';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface ReportDownloadProps {
  /** The dashboard's plan, period and filters. */
  query: Omit<ReportQuery, 'format' | 'lang'>;
}

type State = { kind: 'idle' } | { kind: 'busy'; received: number; total: number | undefined } | { kind: 'done'; file: string; goals: number } | { kind: 'error'; message: string };

export function ReportDownload({ query }: ReportDownloadProps) {
  const styles = useStyles();
  const { t } = useTranslation('report');
  const fmt = useFormat();
  const { locale } = useLocale();
  const services = useServices();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ReportFormat>('docx');
  const [lang, setLang] = useState<Locale>(locale);
  const [state, setState] = useState<State>({ kind: 'idle' });

  if (!me.data || !canExportReport(me.data)) return null;

  const start = async () => {
    setState({ kind: 'busy', received: 0, total: undefined });
    try {
      const file = await downloadReport(services, { ...query, format, lang }, (received, total) => setState({ kind: 'busy', received, total }));
      saveFile(file);
      setState({ kind: 'done', file: file.fileName, goals: file.goals });
    } catch (e) {
      const code = e instanceof ReportRequestError ? e.code : 'server';
      setState({ kind: 'error', message: t(`errors.${code}`, { message: e instanceof Error ? e.message : '' }) });
    }
  };

  const busy = state.kind === 'busy';
  const percent = busy && state.total ? Math.min(100, Math.round((state.received / state.total) * 100)) : undefined;
  return (
    <Dialog
      open={open}
      onOpenChange={(_e, d) => {
        setOpen(d.open);
        if (d.open) setState({ kind: 'idle' });
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<DocumentArrowDown20Regular />}>{t('action')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('dialogTitle')}</DialogTitle>
          <DialogContent className={styles.body}>
            <p>{t('intro', { period: fmt.period(query.period) })}</p>
            <Field label={t('format')}>
              <RadioGroup value={format} onChange={(_e, d) => setFormat(d.value as ReportFormat)} disabled={busy}>
                {REPORT_FORMATS.map((f) => (
                  <Radio key={f} value={f} label={t(`formats.${f}`)} />
                ))}
              </RadioGroup>
            </Field>
            <Field label={t('language')}>
              <RadioGroup value={lang} onChange={(_e, d) => setLang(d.value as Locale)} disabled={busy} layout="horizontal">
                {LOCALES.map((l) => (
                  <Radio key={l} value={l} label={t(`languages.${l}`)} />
                ))}
              </RadioGroup>
            </Field>
            <div role="status" aria-live="polite">
              {busy ? (
                <Field validationMessage={percent === undefined ? t('preparing') : t('receiving', { percent })} validationState="none">
                  <ProgressBar value={percent === undefined ? undefined : percent / 100} aria-label={t('preparing')} />
                </Field>
              ) : state.kind === 'done' ? (
                <MessageBar intent="success">
                  <MessageBarBody>{t('done', { file: state.file, goals: state.goals })}</MessageBarBody>
                </MessageBar>
              ) : null}
            </div>
            {state.kind === 'error' ? (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{state.message}</MessageBarBody>
              </MessageBar>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => void start()} disabled={busy}>
              {t('download')}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('close')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
