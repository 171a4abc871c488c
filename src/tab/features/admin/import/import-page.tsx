/**
 * Admin › Import (`/admin/import?plan=`): from a municipality's own goal table to a plan. Upload
 * an .xlsx or .csv → choose the sheet → check the column mapping (prefilled by the server's
 * header recognition) → preview every row and problem → confirm → result. Nothing is written
 * before the confirmation; the server re-reads the file on confirm and writes only what changed.
 */
import { Button, Field, Input, Link, makeStyles, mergeClasses, MessageBar, MessageBarBody, MessageBarTitle, Select, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowUpload20Regular, Checkmark20Regular, ArrowSync20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnTarget } from '../../../../domain/import/headers';
import { paths } from '../../../routing/paths';
import { useLinkProps } from '../../../routing/router';
import { useSurfaceStyles } from '../../../components/surface';
import { useServices } from '../../../data';
import { useText } from '../../../i18n/locale';
import { FIELD_CHOICES, mappingToSend, previewRows, problemValues, shownField, sortedProblems } from './import-model';
import { applyImportFile, ImportRequestError, MAX_FILE_BYTES, previewImportFile, readAsBase64, type ImportApplyResult, type ImportOptionsInput, type ImportPreviewResult } from './upload';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalL },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  grid: { display: 'grid', gap: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`, gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))', alignItems: 'start', '& > *': { minWidth: 0 } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    '& th, & td': { textAlign: 'left', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
    '& thead th': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  },
  /** Scrolls: each is a focusable, named region (tabIndex 0), so the keyboard scrolls it too. */
  tableWrap: { overflowX: 'auto', maxHeight: '32rem', overflowY: 'auto' },
  srOnly: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
  themeRow: { fontWeight: tokens.fontWeightSemibold },
  counts: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXL}`, margin: 0, padding: 0, listStyle: 'none' },
  error: { color: tokens.colorPaletteRedForeground1 },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const NEW_PLAN = '__new';

type FileState = { name: string; base64: string; size: number };

export interface ImportPageProps {
  plans: { key: string; title: string }[];
  initialPlan?: string;
}

function ResultLink({ to, children }: { to: string; children: string }) {
  const link = useLinkProps(to);
  return <Link {...link}>{children}</Link>;
}

export function ImportPage({ plans, initialPlan }: ImportPageProps) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('adminImport');
  const { t: tPlan } = useTranslation('adminPlan');
  const text = useText();
  const services = useServices();
  const [file, setFile] = useState<FileState>();
  const [fileError, setFileError] = useState<string>();
  const [planChoice, setPlanChoice] = useState<string>(initialPlan && plans.some((p) => p.key === initialPlan) ? initialPlan : NEW_PLAN);
  const [newPlan, setNewPlan] = useState({ key: '', title: '', periodStart: '', periodEnd: '' });
  const [period, setPeriod] = useState('');
  const [sheet, setSheet] = useState<string>();
  const [chosen, setChosen] = useState<Record<string, ColumnTarget | ''>>({});
  const [preview, setPreview] = useState<ImportPreviewResult>();
  const [result, setResult] = useState<ImportApplyResult>();
  const [busy, setBusy] = useState<'preview' | 'apply'>();
  const [failure, setFailure] = useState<ImportRequestError>();
  const planTouched = useRef(false);
  // The plans arrive after the page: take the plan the address names once they do, unless the admin chose already.
  useEffect(() => {
    if (!planTouched.current && initialPlan && plans.some((p) => p.key === initialPlan)) setPlanChoice(initialPlan);
  }, [plans, initialPlan]);
  const resultRef = useRef<HTMLHeadingElement>(null);
  const previewRef = useRef<HTMLHeadingElement>(null);

  const planKey = planChoice === NEW_PLAN ? newPlan.key.trim() : planChoice;
  const options = (): ImportOptionsInput => ({
    plan: planKey,
    ...(sheet ? { sheet } : {}),
    ...(preview ? { mapping: mappingToSend(preview.draft.columns, chosen) } : {}),
    ...(period ? { period } : {}),
    ...(planChoice === NEW_PLAN && newPlan.title.trim() ? { title: newPlan.title.trim() } : {}),
    ...(planChoice === NEW_PLAN && newPlan.periodStart ? { periodStart: newPlan.periodStart } : {}),
    ...(planChoice === NEW_PLAN && newPlan.periodEnd ? { periodEnd: newPlan.periodEnd } : {}),
  });

  const fileMessage = (e: ImportRequestError) => t(`file.${['too-large', 'empty', 'not-spreadsheet', 'password-protected', 'legacy-xls', 'corrupt', 'forbidden', 'network'].includes(e.reason) ? e.reason : 'other'}`, { message: e.message });

  const runPreview = async (f: FileState | undefined = file, opts = options()) => {
    if (!f || !opts.plan) return;
    setBusy('preview');
    setFailure(undefined);
    setResult(undefined);
    try {
      const p = await previewImportFile(services, f, opts);
      setPreview(p);
      setSheet(p.draft.sheet || undefined);
      window.setTimeout(() => previewRef.current?.focus(), 0);
    } catch (e) {
      setPreview(undefined);
      setFailure(e instanceof ImportRequestError ? e : new ImportRequestError(0, 'other', String(e)));
    } finally {
      setBusy(undefined);
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    setPreview(undefined);
    setResult(undefined);
    setFailure(undefined);
    setChosen({});
    setSheet(undefined);
    if (!f) return;
    if (f.size > MAX_FILE_BYTES) {
      setFile(undefined);
      setFileError(t('file.too-large', { message: '' }));
      return;
    }
    if (f.size === 0) {
      setFile(undefined);
      setFileError(t('file.empty', { message: '' }));
      return;
    }
    setFileError(undefined);
    const next = { name: f.name, base64: await readAsBase64(f), size: f.size };
    setFile(next);
    if (planKey) await runPreview(next, { ...options(), mapping: {} });
  };

  const confirm = async () => {
    if (!file || !preview?.applicable) return;
    setBusy('apply');
    setFailure(undefined);
    try {
      const r = await applyImportFile(services, file, options());
      setResult(r);
      setPreview(undefined);
    } catch (e) {
      setFailure(e instanceof ImportRequestError ? e : new ImportRequestError(0, 'other', String(e)));
    } finally {
      setBusy(undefined);
    }
  };

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const d = preview?.draft;
  const changeOf = new Map((preview?.changes ?? []).map((c) => [`${c.entity}:${c.key}`, c]));
  const errors = d ? d.problems.filter((p) => p.severity === 'error').length : 0;
  const levelLabel = (v: number | undefined) => (v === undefined || !d ? '' : text(d.scale.scale.levels.find((l) => l.value === v)?.label));
  const written = (entity: string, action: 'create' | 'update') => result?.written.filter((w) => w.entity === entity && w.action === action).length ?? 0;

  return (
    <>
      <section className={mergeClasses(surface.card, styles.card)} aria-labelledby="import-file">
        <h2 id="import-file" className={styles.h2}>
          {t('step.file')}
        </h2>
        <Text>{t('intro')}</Text>
        <div className={styles.grid}>
          <Field label={t('plan.label')} hint={t('plan.hint')}>
            <Select
              value={planChoice}
              onChange={(_, v) => {
                planTouched.current = true;
                setPlanChoice(v.value);
              }}
            >
              <option value={NEW_PLAN}>{t('plan.new')}</option>
              {plans.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.title}
                </option>
              ))}
            </Select>
          </Field>
          {planChoice === NEW_PLAN ? (
            <>
              <Field label={t('plan.key')} required hint={t('plan.keyHint')}>
                <Input value={newPlan.key} onChange={(_, v) => setNewPlan({ ...newPlan, key: v.value })} />
              </Field>
              <Field label={t('plan.title')} hint={t('plan.titleHint')}>
                <Input value={newPlan.title} onChange={(_, v) => setNewPlan({ ...newPlan, title: v.value })} />
              </Field>
              <Field label={t('plan.start')} hint={t('plan.yearsHint')}>
                <Input type="date" value={newPlan.periodStart} onChange={(_, v) => setNewPlan({ ...newPlan, periodStart: v.value })} />
              </Field>
              <Field label={t('plan.end')}>
                <Input type="date" value={newPlan.periodEnd} onChange={(_, v) => setNewPlan({ ...newPlan, periodEnd: v.value })} />
              </Field>
            </>
          ) : null}
          <Field label={t('period.label')} hint={t('period.hint')}>
            <Input type="month" value={period} onChange={(_, v) => setPeriod(v.value)} />
          </Field>
        </div>
        <Field label={t('file.label')} hint={t('file.hint')} validationMessage={fileError} required>
          {(control) => <input {...control} type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" onChange={(e) => void onFile(e)} />}
        </Field>
        <div className={styles.actions}>
          <Button appearance={preview ? 'secondary' : 'primary'} icon={<ArrowUpload20Regular />} disabled={!file || !planKey || !!busy} onClick={() => void runPreview()}>
            {preview ? t('action.refresh') : t('action.preview')}
          </Button>
          {!planKey ? <Text>{t('plan.needKey')}</Text> : null}
          {busy ? <Spinner size="tiny" label={busy === 'apply' ? t('busy.apply') : t('busy.preview')} /> : null}
        </div>
        {failure ? (
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('failed')}</MessageBarTitle>
              {fileMessage(failure)}
              {failure.fields.length > 0 && !['too-large', 'empty', 'not-spreadsheet', 'password-protected', 'legacy-xls', 'corrupt'].includes(failure.reason) ? (
                <ul className={styles.problems}>
                  {failure.fields.map((f) => (
                    <li key={`${f.path}:${f.message}`}>
                      {f.path}: {f.message}
                    </li>
                  ))}
                </ul>
              ) : null}
            </MessageBarBody>
          </MessageBar>
        ) : null}
      </section>

      {d ? (
        <>
          <section className={mergeClasses(surface.card, styles.card)} aria-labelledby="import-columns">
            <h2 id="import-columns" className={styles.h2}>
              {t('step.columns')}
            </h2>
            {d.sheets.length > 1 ? (
              <Field label={t('sheet.label')} hint={t('sheet.hint')}>
                <Select
                  value={d.sheet}
                  onChange={(_, v) => {
                    setSheet(v.value);
                    setChosen({});
                    void runPreview(file, { ...options(), sheet: v.value, mapping: {} });
                  }}
                >
                  {d.sheets.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : null}
            {d.source === 'reimport' ? (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>{tPlan('reimport.notice', { sheet: d.sheet })}</MessageBarBody>
              </MessageBar>
            ) : null}
            {d.columns.length > 0 ? (
              <div className={styles.tableWrap} tabIndex={0} role="region" aria-label={t('columns.caption', { row: d.headerRow ?? '' })}>
                <table className={styles.table}>
                  <caption className={styles.mono}>{t('columns.caption', { row: d.headerRow ?? '' })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('columns.column')}</th>
                      <th scope="col">{t('columns.header')}</th>
                      <th scope="col">{t('columns.field')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.columns.map((c) => {
                      const value = shownField(c, chosen);
                      const unmapped = value === '';
                      return (
                        <tr key={c.column}>
                          <td className={styles.mono}>{c.letter}</td>
                          <th scope="row">{c.header}</th>
                          <td>
                            <Field validationMessage={unmapped ? t('columns.unmapped') : undefined} label={{ children: t('columns.fieldFor', { header: c.header }), className: styles.srOnly }}>
                              <Select value={value} onChange={(_, v) => setChosen({ ...chosen, [c.header]: v.value as ColumnTarget })}>
                                {unmapped ? <option value="">{t('columns.choose')}</option> : null}
                                {FIELD_CHOICES.map((f) => (
                                  <option key={f} value={f}>
                                    {t(`field.${f}`)}
                                  </option>
                                ))}
                              </Select>
                            </Field>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            ) : null}
            <div className={styles.actions}>
              <Button icon={<ArrowSync20Regular />} disabled={!!busy} onClick={() => void runPreview()}>
                {t('action.refresh')}
              </Button>
            </div>
          </section>

          <section className={mergeClasses(surface.card, styles.card)} aria-labelledby="import-preview">
            <h2 id="import-preview" className={styles.h2} tabIndex={-1} ref={previewRef}>
              {t('step.preview')}
            </h2>
            <Text>
              {t(d.planIsNew ? 'summary.newPlan' : 'summary.existingPlan', { plan: text(d.plan.title) || d.plan.key, start: d.plan.periodStart, end: d.plan.periodEnd })}{' '}
              {t(`summary.scale.${d.scale.source}`, { scale: text(d.scale.scale.name) })} {d.period ? t('summary.period', { period: d.period }) : null}
            </Text>
            <ul className={styles.counts} aria-label={t('counts.label')}>
              {(['theme', 'goal', 'checkIn', 'group', 'unit'] as const).map((e) => (
                <li key={e}>{t(`counts.${e}`, { create: preview.counts[e].create, update: preview.counts[e].update, unchanged: preview.counts[e].unchanged })}</li>
              ))}
            </ul>
            {d.newGroups.length > 0 ? (
              <Text>
                {t('newGroups', { count: d.newGroups.length })} {d.newGroups.map((g) => text(g.name)).join('; ')}
              </Text>
            ) : null}
            {d.problems.length > 0 ? (
              <MessageBar intent={errors > 0 ? 'error' : 'warning'} role={errors > 0 ? 'alert' : 'status'} layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{errors > 0 ? t('problems.errors', { count: errors }) : t('problems.warnings', { count: d.problems.length })}</MessageBarTitle>
                  <ul className={styles.problems}>
                    {sortedProblems(d.problems).map((p, i) => (
                      <li key={i}>
                        <strong>{p.row !== undefined ? t('problems.at.row', { row: p.row, column: p.column ?? '–' }) : p.column ? t('problems.at.column', { column: p.column }) : t('problems.at.file')}</strong>{' '}
                        {t(`problem.${p.code}`, problemValues(p))}
                      </li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            ) : null}
            <div className={styles.tableWrap} tabIndex={0} role="region" aria-label={t('rows.caption')}>
              <table className={styles.table}>
                <caption className={styles.mono}>{t('rows.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('rows.row')}</th>
                    <th scope="col">{t('rows.kind')}</th>
                    <th scope="col">{t('rows.text')}</th>
                    <th scope="col">{t('rows.status')}</th>
                    <th scope="col">{t('rows.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  {previewRows(d.rows).map((r) => {
                    const change = r.kind === 'theme' ? changeOf.get(`theme:${r.themeKey}`) : r.kind === 'goal' ? changeOf.get(`goal:${r.goalKey}`) : undefined;
                    return (
                      <tr key={`${r.row}:${r.kind}`} className={r.kind === 'theme' ? styles.themeRow : undefined}>
                        <td className={styles.mono}>{r.row}</td>
                        <td>{t(`rows.kinds.${r.kind}`)}</td>
                        <td>
                          {r.code ? `${r.code} ` : ''}
                          {r.text}
                        </td>
                        <td>{levelLabel(r.status)}</td>
                        <td>{change ? t(`rows.actions.${change.action}`, { fields: (change.fields ?? []).join(', ') }) : r.kind === 'unknown' ? t('rows.actions.skipped') : ''}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <div className={styles.actions}>
              <Button appearance="primary" icon={<Checkmark20Regular />} disabled={!preview.applicable || !!busy} onClick={() => void confirm()}>
                {t('action.confirm')}
              </Button>
              {!preview.applicable ? <Text className={styles.error}>{t('action.fixFirst')}</Text> : null}
            </div>
          </section>
        </>
      ) : null}

      {result ? (
        <section className={mergeClasses(surface.card, styles.card)} aria-labelledby="import-result">
          <h2 id="import-result" className={styles.h2} tabIndex={-1} ref={resultRef}>
            {t('step.result')}
          </h2>
          <MessageBar intent="success" role="status" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{result.written.length === 0 ? t('result.nothing') : t('result.done', { plan: text(result.draft.plan.title) || result.draft.plan.key })}</MessageBarTitle>
              {t('result.counts', { themes: written('theme', 'create'), goals: written('goal', 'create'), checkIns: written('checkIn', 'create'), groups: written('group', 'create'), updated: result.written.filter((w) => w.action === 'update').length })}
            </MessageBarBody>
          </MessageBar>
          <div className={styles.actions}>
            <ResultLink to={paths.dashboard({ plan: result.draft.plan.key })}>{t('result.dashboard')}</ResultLink>
            <ResultLink to={paths.admin({ rest: 'groups' }, { plan: result.draft.plan.key })}>{t('result.groups')}</ResultLink>
          </div>
        </section>
      ) : null}
    </>
  );
}
