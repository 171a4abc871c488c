/**
 * The board report's dialog (opened by `ReportDownload`, which loads this part on first use): the
 * report of what the dashboard shows (its plan, period and filters) in a language and format the
 * leader chooses, independent of the UI language. The download starts at once and says how far it
 * is, so a large plan's report does not look stuck. "Tallenna SharePointiin" files the same report
 * in the site's document library, and the plan's earlier filed reports are listed with links.
 */
import {
  Button,
  Caption1 as Caption,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../../../../domain/localized';
import { REPORT_FORMATS, type ReportFormat } from '../../../../domain/report-rules';
import { useServices } from '../../../data';
import { useIssueText } from '../../../i18n/issues';
import { useFormat, useLocale } from '../../../i18n/locale';
import { downloadFiledReport, downloadReport, filedReportUrl, fileReport, listFiledReports, ReportRequestError, saveFile, type FiledReport, type ReportQuery } from '../api/download-report';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filed: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  meta: { color: tokens.colorNeutralForeground2, display: 'block' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
});

export interface ReportDialogProps {
  /** The dashboard's plan, period and filters. */
  query: Omit<ReportQuery, 'format' | 'lang'>;
  open: boolean;
  onClose(): void;
}

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; received: number; total: number | undefined }
  | { kind: 'done'; file: string; goals: number }
  | { kind: 'saving' }
  | { kind: 'saved'; file: FiledReport }
  | { kind: 'fetched'; file: string }
  | { kind: 'error'; message: string };

/** Stays mounted once opened, so the chosen format and language are kept between openings. */
export function ReportDialog({ query, open, onClose }: ReportDialogProps) {
  const styles = useStyles();
  const { t } = useTranslation('report');
  const fmt = useFormat();
  const { locale } = useLocale();
  const services = useServices();
  const issueText = useIssueText();
  const [format, setFormat] = useState<ReportFormat>('docx');
  const [lang, setLang] = useState<Locale>(locale);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [filed, setFiled] = useState<FiledReport[] | undefined>(undefined);
  const filedId = useId();

  // Each opening starts without the last one's outcome.
  useEffect(() => {
    if (open) setState({ kind: 'idle' });
  }, [open]);

  useEffect(() => {
    if (!open) return;
    let live = true;
    listFiledReports(services, query.plan).then(
      (files) => live && setFiled(files),
      () => live && setFiled([]),
    );
    return () => {
      live = false;
    };
  }, [open, services, query.plan]);

  const failed = (e: unknown) => {
    const code = e instanceof ReportRequestError ? e.code : 'server';
    const duplicate = e instanceof ReportRequestError && e.status === 409;
    // A refused field is said by its code in the user's language; the server's English is for logs.
    const field = e instanceof ReportRequestError ? e.fields[0] : undefined;
    setState({ kind: 'error', message: duplicate ? t('duplicate') : t(`errors.${code}`, { message: field ? issueText(field) : t('errors.generic') }) });
  };

  const save = async () => {
    setState({ kind: 'saving' });
    try {
      const file = await fileReport(services, { ...query, format, lang });
      setState({ kind: 'saved', file });
      setFiled((list) => [file, ...(list ?? [])]);
    } catch (e) {
      failed(e);
    }
  };

  const start = async () => {
    setState({ kind: 'busy', received: 0, total: undefined });
    try {
      const file = await downloadReport(services, { ...query, format, lang }, (received, total) => setState({ kind: 'busy', received, total }));
      saveFile(file);
      setState({ kind: 'done', file: file.fileName, goals: file.goals });
    } catch (e) {
      failed(e);
    }
  };

  const fetchFiled = async (name: string) => {
    setState({ kind: 'busy', received: 0, total: undefined });
    try {
      saveFile(await downloadFiledReport(services, name));
      setState({ kind: 'fetched', file: name });
    } catch (e) {
      failed(e);
    }
  };

  const busy = state.kind === 'busy' || state.kind === 'saving';
  const percent = state.kind === 'busy' && state.total ? Math.min(100, Math.round((state.received / state.total) * 100)) : undefined;
  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && onClose()}>
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
                <Field validationMessage={state.kind === 'saving' ? t('saving') : percent === undefined ? t('preparing') : t('receiving', { percent })} validationState="none">
                  <ProgressBar value={percent === undefined ? undefined : percent / 100} aria-label={state.kind === 'saving' ? t('saving') : t('preparing')} />
                </Field>
              ) : state.kind === 'done' ? (
                <MessageBar intent="success">
                  <MessageBarBody>{t('done', { file: state.file, goals: state.goals })}</MessageBarBody>
                </MessageBar>
              ) : state.kind === 'fetched' ? (
                <MessageBar intent="success">
                  <MessageBarBody>{t('filed.downloaded', { file: state.file })}</MessageBarBody>
                </MessageBar>
              ) : state.kind === 'saved' ? (
                <MessageBar intent="success">
                  <MessageBarBody>
                    {t('saved', { name: state.file.name })}{' '}
                    <Link href={state.file.webUrl} target="_blank" rel="noopener noreferrer">
                      {t('open')}
                    </Link>
                  </MessageBarBody>
                </MessageBar>
              ) : null}
            </div>
            {state.kind === 'error' ? (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{state.message}</MessageBarBody>
              </MessageBar>
            ) : null}
            <section aria-labelledby={filedId}>
              <h3 id={filedId} className={styles.heading}>
                {t('filed.title')}
              </h3>
              {filed === undefined ? (
                <p>{t('filed.loading')}</p>
              ) : filed.length === 0 ? (
                <p>{t('filed.empty')}</p>
              ) : (
                <ul className={styles.filed}>
                  {filed.map((f) => (
                    <li key={`${f.folder}/${f.name}`}>
                      <Link
                        href={filedReportUrl(services.config.apiBaseUrl, f.name)}
                        onClick={(e) => {
                          e.preventDefault();
                          if (!busy) void fetchFiled(f.name);
                        }}
                      >
                        {f.name}
                      </Link>{' '}
                      <Link href={f.webUrl} target="_blank" rel="noopener noreferrer" aria-label={t('filed.openNamed', { name: f.name })}>
                        {t('open')}
                      </Link>
                      <Caption className={styles.meta}>
                        {t('filed.meta', { period: fmt.period(f.period), language: t(`languages.${f.lang}`), format: t(`formats.${f.format}`), when: fmt.dateTime(f.filedAt ?? f.createdAt), by: f.filedBy?.name ?? f.createdBy })}
                      </Caption>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => void start()} disabled={busy}>
              {t('download')}
            </Button>
            <Button onClick={() => void save()} disabled={busy}>
              {t('save')}
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
