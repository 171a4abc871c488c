/**
 * The check-in form: unit (when the goal reports per unit), status as radio cards, narrative
 * (last period's text one click away), indicator value for quantitative goals. Every change is
 * saved as a draft in IndexedDB; validation messages sit next to their fields.
 */
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { Delete16Regular, DocumentCopy16Regular, Send16Regular } from '@fluentui/react-icons';
import { Fragment, useCallback, useEffect, useId, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NARRATIVE_MAX, type CheckIn, type CheckInInput } from '../../../domain/check-in';
import { OVERALL, type Goal } from '../../../domain/goal';
import type { Unit } from '../../../domain/organisation';
import type { Plan } from '../../../domain/plan';
import { LOCALES, type Locale } from '../../../domain/localized';
import { InLanguage, useGoalText } from '../../components/in-language';
import { StatusChip } from '../../components/status-chip';
import { ErrorState } from '../../components/states';
import { charactersCutByPaste } from '../../components/paste-limit';
import { useSurfaceStyles } from '../../components/surface';
import { ApiError } from '../../data/api';
import { useFormat, useLocale, useText } from '../../i18n/locale';
import { deleteDraft, draftKey, emptyDraft, hasContent, loadDraft, saveDraft, type Draft } from '../../data/drafts';
import { StatusRadioCards } from './status-radio-cards';
import { FIELD_ORDER, parseLocaleNumber, serverFieldErrors, validateDraft, type CheckInField, type FieldErrors } from './validate';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  panel: {
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    '@media (max-width: 600px)': { padding: tokens.spacingHorizontalM },
  },
  error: { color: tokens.colorPaletteRedForeground1, display: 'block', marginTop: tokens.spacingVerticalXS },
  previousHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  previousText: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: '12rem', overflowY: 'auto', color: tokens.colorNeutralForeground2 },
  narrativeTools: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  counter: { color: tokens.colorNeutralForeground2 },
  indicator: { display: 'grid', gridTemplateColumns: 'minmax(12rem, 16rem) 1fr', gap: tokens.spacingHorizontalXL, alignItems: 'start', '@media (max-width: 600px)': { gridTemplateColumns: '1fr' } },
  facts: { display: 'grid', gridTemplateColumns: 'auto 1fr', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`, margin: 0 },
  factTerm: { color: tokens.colorNeutralForeground2 },
  factValue: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  footer: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  spacer: { flexGrow: 1 },
  draftState: { color: tokens.colorNeutralForeground2 },
  unitDone: { color: tokens.colorNeutralForeground2, marginLeft: tokens.spacingHorizontalXS },
  // Service areas wrap onto more lines in a narrow pane (a phone, Teams' side panel), never wider than the page.
  units: { flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS },
  // The input fills its column and shrinks with it, its unit inside it: never over the facts beside it.
  indicatorInput: { width: '100%', minWidth: 0, '& input': { minWidth: 0 } },
});

export interface CheckInFormProps {
  goal: Goal;
  plan: Plan;
  units: readonly Unit[];
  period: string;
  /** Unit key, or undefined for the goal as a whole. */
  unit: string | undefined;
  userId: string;
  /** The latest check-in of this slot in an earlier period (for "copy last period's text"). */
  previous?: CheckIn;
  /** Units already reported this period (shown next to the unit choice). */
  reportedUnits?: ReadonlySet<string>;
  onUnitChange(unit: string | undefined): void;
  onSubmit(input: CheckInInput): Promise<{ created: boolean }>;
  onDone(result: { created: boolean }): void;
  onCancel(): void;
  /** The app's clock (local mode runs in 2021): when a draft was saved. */
  clock?: () => Date;
}

export function CheckInForm(props: CheckInFormProps) {
  const key = draftKey(props.userId, props.goal.key, props.unit, props.period);
  // Choosing another service area with the arrow keys opens that slot's form: focus goes back to
  // the chosen radio there, so the next arrow press moves on instead of getting lost.
  const unitFocus = useRef(false);
  const { onUnitChange } = props;
  const changeUnit = useCallback(
    (u: string | undefined) => {
      unitFocus.current = (document.activeElement as HTMLInputElement | null)?.type === 'radio';
      onUnitChange(u);
    },
    [onUnitChange],
  );
  // A fresh form per slot: its own draft, its own submission id.
  return <DraftedForm key={key} draftStorageKey={key} {...props} onUnitChange={changeUnit} unitFocus={unitFocus} />;
}

type BodyExtras = { draftStorageKey: string; unitFocus: { current: boolean } };

function DraftedForm({ draftStorageKey, ...props }: CheckInFormProps & BodyExtras) {
  const { t } = useTranslation('checkIn');
  const [initial, setInitial] = useState<{ draft: Draft; restored: boolean } | null>(null);
  useEffect(() => {
    let live = true;
    void loadDraft(draftStorageKey).then((d) => live && setInitial({ draft: d ?? emptyDraft(), restored: !!d && hasContent(d) }));
    return () => {
      live = false;
    };
  }, [draftStorageKey]);
  if (!initial) return <Spinner size="small" label={t('draft.loading')} />;
  return <FormBody {...props} draftStorageKey={draftStorageKey} initial={initial.draft} restored={initial.restored} />;
}

function FormBody({
  goal,
  plan,
  units,
  period,
  unit,
  previous,
  reportedUnits,
  onUnitChange,
  onSubmit,
  onDone,
  onCancel,
  clock,
  draftStorageKey,
  unitFocus,
  initial,
  restored,
}: CheckInFormProps & BodyExtras & { initial: Draft; restored: boolean }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('checkIn');
  const fmt = useFormat();
  const text = useText();
  const { locale } = useLocale();
  const goalText = useGoalText();
  const unitText = goalText(goal, 'indicatorUnit').text;
  const ids = { status: useId(), narrative: useId(), indicator: useId(), unit: useId(), form: useId() };
  const [draft, setDraft] = useState<Draft>(initial);
  const narrativeLanguage: Locale = draft.language ?? locale;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [savedAt, setSavedAt] = useState<string | undefined>(restored ? initial.savedAt : undefined);
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [showRestored, setShowRestored] = useState(restored);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [discarded, setDiscarded] = useState(false);
  const [cut, setCut] = useState(0);
  const refs = useRef<Partial<Record<CheckInField, HTMLElement | null>>>({});
  const quantitative = goal.indicator.kind === 'quantitative';
  const dirty = useRef(false);
  const unitGroup = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!unitFocus.current) return;
    unitFocus.current = false;
    unitGroup.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
  }, [unitFocus]);

  // Autosave: shortly after each change, and at once when the page is hidden or closed.
  const latest = useRef(draft);
  latest.current = draft;
  const flush = useCallback(async () => {
    if (!dirty.current) return;
    dirty.current = false;
    const d = { ...latest.current, savedAt: (clock ? clock() : new Date()).toISOString() };
    if (await saveDraft(draftStorageKey, d)) setSavedAt(d.savedAt);
  }, [draftStorageKey, clock]);
  useEffect(() => {
    if (!dirty.current) return;
    const timer = window.setTimeout(() => void flush(), 300);
    return () => window.clearTimeout(timer);
  }, [draft, flush]);
  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void flush();
    };
  }, [flush]);

  const update = (patch: Partial<Draft>) => {
    dirty.current = true;
    setDiscarded(false);
    setDraft((d) => ({ ...d, ...patch }));
    // A corrected field loses its message; others keep theirs until the next submit.
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch) as (keyof Draft)[]) if (k in next) delete next[k as CheckInField];
      return next;
    });
  };

  const message = (f: CheckInField) => {
    const e = errors[f];
    return e ? t(e.key, e.values) : undefined;
  };

  const focusFirstError = (errs: FieldErrors) => {
    const first = FIELD_ORDER.find((f) => errs[f]);
    if (first) refs.current[first]?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (submitting) return; // the same submission id would make it harmless; this keeps the UI calm
    const errs = validateDraft(draft, { plan, goal, period, unit });
    setErrors(errs);
    setFailure(null);
    if (Object.keys(errs).length > 0) {
      focusFirstError(errs);
      return;
    }
    const value = quantitative ? parseLocaleNumber(draft.indicatorValue) : undefined;
    const input: CheckInInput = {
      goalKey: goal.key,
      period,
      ...(unit !== undefined ? { unit } : {}),
      status: draft.status as number,
      narrative: draft.narrative.trim(),
      language: narrativeLanguage,
      ...(typeof value === 'number' ? { indicatorValue: value } : {}),
      submissionId: draft.submissionId,
    };
    setSubmitting(true);
    try {
      await flush();
      const result = await onSubmit(input);
      await deleteDraft(draftStorageKey);
      dirty.current = false;
      onDone(result);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid' && err.fields.length > 0) {
        const server = serverFieldErrors(err.fields);
        setErrors(server);
        if (Object.keys(server).length > 0) focusFirstError(server);
        else setFailure(err);
      } else {
        setFailure(err);
      }
    } finally {
      setSubmitting(false);
    }
  };

  const discard = async () => {
    dirty.current = false;
    setConfirmDiscard(false);
    await deleteDraft(draftStorageKey);
    setDraft(emptyDraft());
    setErrors({});
    setSavedAt(undefined);
    setShowRestored(false);
    setCut(0);
    setDiscarded(true);
    refs.current.narrative?.focus();
  };

  const onNarrativePaste = (e: ClipboardEvent<HTMLTextAreaElement>) => setCut(charactersCutByPaste(e, NARRATIVE_MAX));

  const copyPrevious = () => {
    if (!previous) return;
    const current = draft.narrative.trim();
    update({ narrative: current ? `${draft.narrative.trimEnd()}\n\n${previous.narrative}` : previous.narrative });
    refs.current.narrative?.focus();
  };

  const slotOptions = goal.units.length > 0 ? [...goal.units, OVERALL] : [];
  const unitName = (k: string) => (k === OVERALL ? t('unit.overall') : text(units.find((u) => u.key === k)?.name) || k);

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate aria-describedby={showRestored ? `${ids.form}-restored` : undefined}>
      {showRestored ? (
        <MessageBar intent="info" id={`${ids.form}-restored`}>
          <MessageBarBody>{t('draft.restored', { time: initial.savedAt ? fmt.dateTime(initial.savedAt) : '' })}</MessageBarBody>
        </MessageBar>
      ) : null}

      <div className={mergeClasses(surface.card, surface.raised, styles.panel)}>
        {slotOptions.length > 0 ? (
          <Field label={t('unit.label')} hint={t('unit.hint')} validationMessage={message('unit')} validationState={errors.unit ? 'error' : 'none'}>
            <RadioGroup
              className={styles.units}
              layout="horizontal"
              value={unit ?? OVERALL}
              onChange={(_, d) => onUnitChange(d.value === OVERALL ? undefined : d.value)}
              ref={(el) => {
                unitGroup.current = el;
                refs.current.unit = el?.querySelector('input') ?? null;
              }}
            >
              {slotOptions.map((k) => (
                <Radio
                  key={k}
                  value={k}
                  label={
                    <>
                      {unitName(k)}
                      {reportedUnits?.has(k) ? <span className={styles.unitDone}>{t('unit.reported')}</span> : null}
                    </>
                  }
                />
              ))}
            </RadioGroup>
          </Field>
        ) : null}

        <div>
          <StatusRadioCards
            name={`status-${goal.key}`}
            legend={t('status.label')}
            requiredMark="*"
            scale={plan.statusScale}
            value={draft.status}
            onChange={(v) => update({ status: v })}
            invalid={!!errors.status}
            errorId={errors.status ? ids.status : undefined}
            firstRef={(el) => {
              refs.current.status = el;
            }}
          />
          {errors.status ? (
            <Text id={ids.status} className={styles.error} role="alert">
              {message('status')}
            </Text>
          ) : null}
        </div>

        <Field
          label={t('narrative.label')}
          hint={t('narrative.hint', { max: fmt.number(NARRATIVE_MAX) })}
          required
          validationMessage={message('narrative')}
          validationState={errors.narrative ? 'error' : 'none'}
        >
          <Textarea
            ref={(el) => {
              refs.current.narrative = el;
            }}
            value={draft.narrative}
            onChange={(_, d) => {
              update({ narrative: d.value });
              if (d.value.length < NARRATIVE_MAX) setCut(0);
            }}
            onPaste={onNarrativePaste}
            lang={narrativeLanguage}
            resize="vertical"
            rows={8}
            maxLength={NARRATIVE_MAX}
          />
        </Field>
        {cut > 0 ? (
          <MessageBar intent="warning" role="alert">
            <MessageBarBody>{t('narrative.cut', { count: cut, cut: fmt.number(cut), max: fmt.number(NARRATIVE_MAX) })}</MessageBarBody>
          </MessageBar>
        ) : null}
        <div className={styles.narrativeTools}>
          <Caption1 className={styles.counter} aria-live="off">
            {t('narrative.counter', { length: fmt.number(draft.narrative.length), max: fmt.number(NARRATIVE_MAX) })}
          </Caption1>
          {previous ? (
            <Button icon={<DocumentCopy16Regular />} onClick={copyPrevious} type="button">
              {t('narrative.copyPrevious')}
            </Button>
          ) : null}
        </div>
        <Field label={t('language.label')} hint={t('language.hint')}>
          <RadioGroup layout="horizontal" value={narrativeLanguage} onChange={(_, d) => update({ language: d.value as Locale })}>
            {LOCALES.map((l) => (
              <Radio key={l} value={l} label={t(`language.${l}`)} />
            ))}
          </RadioGroup>
        </Field>
        {previous ? (
          <section className={mergeClasses(surface.inset, surface.outlined)} aria-label={t('previous.label', { period: fmt.period(previous.period) })}>
            <div className={styles.previousHead}>
              <Text weight="semibold">{t('previous.title', { period: fmt.period(previous.period) })}</Text>
              <StatusChip scale={plan.statusScale} value={previous.status} size="small" />
              <Caption1 className={styles.counter}>{t('previous.by', { name: previous.author.name, date: fmt.date(previous.submittedAt) })}</Caption1>
            </div>
            <Body1 className={styles.previousText} tabIndex={0} role="region" aria-label={t('previous.title', { period: fmt.period(previous.period) })} lang={(previous.language ?? plan.language) !== locale ? (previous.language ?? plan.language) : undefined}>
              {previous.narrative}
            </Body1>
          </section>
        ) : null}

        {quantitative ? (
          <div className={styles.indicator}>
            <Field
              label={t('indicator.label')}
              hint={t('indicator.hint')}
              validationMessage={message('indicatorValue')}
              validationState={errors.indicatorValue ? 'error' : 'none'}
            >
              <Input
                ref={(el) => {
                  refs.current.indicatorValue = el;
                }}
                className={styles.indicatorInput}
                inputMode="decimal"
                value={draft.indicatorValue}
                onChange={(_, d) => update({ indicatorValue: d.value })}
                contentAfter={unitText ? <Text aria-hidden="true">{unitText}</Text> : undefined}
                aria-description={unitText ? t('indicator.unit', { unit: unitText }) : undefined}
              />
            </Field>
            <dl className={styles.facts} aria-label={t('indicator.factsLabel')}>
              <dt className={styles.factTerm}>{t('indicator.measure')}</dt>
              <dd className={styles.factValue}>
                <InLanguage value={goalText(goal, 'indicatorText')} />
              </dd>
              {(['baseline', 'target'] as const).map((which) => {
                const m = goal[which];
                if (m.value === undefined && !m.text) return null;
                const own = goalText(goal, which === 'baseline' ? 'baselineText' : 'targetText');
                return (
                  <Fragment key={which}>
                    <dt className={styles.factTerm}>{t(`indicator.${which}`)}</dt>
                    <dd className={styles.factValue}>
                      {m.value !== undefined ? `${fmt.number(m.value)} ${unitText}`.trim() : <InLanguage value={own} />}
                      {m.date ? ` (${fmt.date(m.date)})` : ''}
                    </dd>
                  </Fragment>
                );
              })}
              {previous?.indicatorValue !== undefined ? (
                <>
                  <dt className={styles.factTerm}>{t('indicator.previous', { period: fmt.period(previous.period) })}</dt>
                  <dd className={styles.factValue}>{`${fmt.number(previous.indicatorValue)} ${unitText}`.trim()}</dd>
                </>
              ) : null}
            </dl>
          </div>
        ) : null}
      </div>

      {failure ? <ErrorState error={failure} title={t('submit.failed')} onRetry={() => void submit(new Event('submit') as unknown as FormEvent)} /> : null}

      <div className={styles.footer}>
        <Button type="submit" appearance="primary" icon={submitting ? <Spinner size="tiny" /> : <Send16Regular />} disabled={submitting} disabledFocusable={submitting}>
          {submitting ? t('submit.sending') : t('submit.label')}
        </Button>
        <Button type="button" onClick={onCancel}>
          {t('cancel')}
        </Button>
        <span className={styles.spacer} />
        <Caption1 className={styles.draftState} role="status">
          {savedAt ? t('draft.savedAt', { time: fmt.dateTime(savedAt) }) : discarded ? t('draft.discarded') : t('draft.autosave')}
        </Caption1>
        {hasContent(draft) ? (
          <Button type="button" appearance="subtle" icon={<Delete16Regular />} onClick={() => setConfirmDiscard(true)}>
            {t('draft.discard')}
          </Button>
        ) : null}
        <Dialog modalType="alert" open={confirmDiscard} onOpenChange={(_, d) => setConfirmDiscard(d.open)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{t('draft.discardTitle')}</DialogTitle>
              <DialogContent>{t('draft.discardBody')}</DialogContent>
              <DialogActions>
                <Button appearance="primary" onClick={() => void discard()}>
                  {t('draft.discardConfirm')}
                </Button>
                <DialogTrigger disableButtonEnhancement>
                  <Button>{t('draft.discardKeep')}</Button>
                </DialogTrigger>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </div>
    </form>
  );
}
