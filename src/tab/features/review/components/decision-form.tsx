/**
 * Records a comment or decision on the current goal, tagged with the meeting and the period; a
 * decision may ask something of a development group by a date (the follow-up). Posts through the
 * existing review command; the server decides who may write, this form only checks the fields.
 */
import { Button, Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Select, Textarea, tokens } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/states';
import { ApiError, fieldErrors, useRecordReview, useSubmissionId, type Board } from '../../../data';
import { useText } from '../../../i18n/locale';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  followUp: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingLeft: tokens.spacingHorizontalL, borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke2}` },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

export interface DecisionFormProps {
  goalKey: string;
  goalGroups: readonly string[];
  board: Board;
  period: string;
  meetingId: string;
  today: string;
}

export function DecisionForm({ goalKey, goalGroups, board, period, meetingId, today }: DecisionFormProps) {
  const styles = useStyles();
  const { t } = useTranslation('review');
  const text = useText();
  const record = useRecordReview();
  // A note sent again after a lost answer is stored once.
  const submission = useSubmissionId();
  const titleId = useId();
  const [kind, setKind] = useState<'comment' | 'decision'>('decision');
  const [body, setBody] = useState('');
  const [withFollowUp, setWithFollowUp] = useState(false);
  const [ask, setAsk] = useState('');
  const [groupKey, setGroupKey] = useState(goalGroups[0] ?? board.groups[0]?.key ?? '');
  const [dueDate, setDueDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const followUp = kind === 'decision' && withFollowUp;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!body.trim()) next.text = t('form.textRequired');
    if (followUp) {
      if (!ask.trim()) next.ask = t('form.askRequired');
      if (!groupKey) next.group = t('form.groupRequired');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) next.dueDate = t('form.dueRequired');
      else if (dueDate < today) next.dueDate = t('form.dueBeforeMeeting');
    }
    setErrors(next);
    setSaved(false);
    if (Object.keys(next).length) return;
    const input = { goalKey, period, meetingDate: today, kind, text: body.trim(), meetingId, ...(followUp ? { followUp: { ask: ask.trim(), groupKey, dueDate } } : {}) };
    record.mutate(
      { ...input, submissionId: submission.idFor(JSON.stringify(input)) },
      {
        onSuccess: () => {
          submission.stored();
          setBody('');
          setAsk('');
          setDueDate('');
          setWithFollowUp(false);
          setSaved(true);
        },
        onError: (err) => {
          const f = fieldErrors(err);
          setErrors({
            ...(f.text ? { text: t('form.textRequired') } : {}),
            ...(f['followUp.dueDate'] ? { dueDate: t('form.dueBeforeMeeting') } : {}),
            ...(f['followUp.groupKey'] ? { group: t('form.groupRequired') } : {}),
          });
        },
      },
    );
  };

  const serverError = record.error && !(record.error instanceof ApiError && record.error.code === 'invalid') ? record.error : undefined;
  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h3 id={titleId} className={styles.title}>
        {t('form.title')}
      </h3>
      <Field label={t('form.kind')}>
        <RadioGroup layout="horizontal" value={kind} onChange={(_, d) => setKind(d.value as 'comment' | 'decision')}>
          <Radio value="decision" label={t('form.decision')} />
          <Radio value="comment" label={t('form.comment')} />
        </RadioGroup>
      </Field>
      <Field label={t('form.text')} required validationMessage={errors.text}>
        <Textarea value={body} onChange={(_, d) => setBody(d.value)} resize="vertical" rows={3} />
      </Field>
      {kind === 'decision' ? <Checkbox checked={withFollowUp} onChange={(_, d) => setWithFollowUp(!!d.checked)} label={t('form.withFollowUp')} /> : null}
      {followUp ? (
        <div className={styles.followUp}>
          <Field label={t('form.ask')} required validationMessage={errors.ask}>
            <Textarea value={ask} onChange={(_, d) => setAsk(d.value)} resize="vertical" rows={2} />
          </Field>
          <Field label={t('form.group')} required validationMessage={errors.group}>
            <Select value={groupKey} onChange={(_, d) => setGroupKey(d.value)}>
              {board.groups.map((g) => (
                <option key={g.key} value={g.key}>
                  {text(g.name) || g.key}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('form.dueDate')} required validationMessage={errors.dueDate}>
            <Input type="date" value={dueDate} min={today} onChange={(_, d) => setDueDate(d.value)} />
          </Field>
        </div>
      ) : null}
      {serverError ? <ErrorState error={serverError} title={t('form.failed')} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={record.isPending}>
          {record.isPending ? t('form.saving') : t('form.save')}
        </Button>
        {saved ? (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{t('form.saved')}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </form>
  );
}
