/**
 * What a review note shows beyond its text (issue 8): that it was corrected, its earlier wordings
 * (a disclosure, so history stays visible without crowding the list), that it was withdrawn and
 * why; and for its author Correct and Withdraw (an admin may withdraw too), each an inline form.
 * Nothing is deleted. Shared by goal detail and the review's side panel.
 */
import { Badge, Button, Caption1, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canCorrectReview, canWithdrawReview, type Review } from '../../domain/review';
import { ApiError, fieldErrors } from '../data/api';
import { useCorrectReview, useWithdrawReview } from '../data/follow-ups';
import { useFormat } from '../i18n/locale';
import { ErrorState } from './states';

const TEXT_MAX = 4000;
const REASON_MAX = 1000;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  sub: { color: tokens.colorNeutralForeground2 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  history: { '& summary': { cursor: 'pointer', color: tokens.colorBrandForeground1 }, '& ol': { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL } },
  old: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0, textDecorationLine: 'none' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * The status lines and history of a note: what its decision asked of a group and whether that is
 * done (and by whom), corrected, earlier wordings, withdrawn with its reason.
 */
export function ReviewNoteHistory({ review, groupName }: { review: Review; groupName?: (groupKey: string) => string }) {
  const styles = useStyles();
  const { t } = useTranslation('followUp');
  const fmt = useFormat();
  const revisions = review.revisions ?? [];
  const f = review.followUp;
  return (
    <div className={styles.root}>
      {f ? (
        <Text size={200} data-testid="note-follow-up">
          {t('note.followUp', { group: groupName?.(f.groupKey) ?? f.groupKey, ask: f.ask, due: fmt.date(f.dueDate) })}
          {' · '}
          {f.state === 'done' && f.doneAt && f.doneBy ? t('note.followUpDone', { date: fmt.dateTime(f.doneAt), name: f.doneBy.name }) : t('note.followUpOpen')}
        </Text>
      ) : null}
      {review.withdrawn ? (
        <Text data-testid="note-withdrawn">
          <Badge appearance="outline" color="danger">
            {t('note.withdrawnBadge')}
          </Badge>{' '}
          {t('note.withdrawn', { date: fmt.dateTime(review.withdrawn.at), name: review.withdrawn.by.name, reason: review.withdrawn.reason })}
        </Text>
      ) : null}
      {review.correctedAt ? <Caption1 className={styles.sub}>{t('note.corrected', { date: fmt.dateTime(review.correctedAt) })}</Caption1> : null}
      {revisions.length ? (
        <details className={styles.history}>
          <summary>{t('note.history', { count: revisions.length })}</summary>
          <ol>
            {revisions.map((r, i) => (
              <li key={i}>
                <Caption1 className={styles.sub}>{t('note.version', { date: fmt.dateTime(r.writtenAt), name: r.writtenBy.name })}</Caption1>
                <p className={styles.old}>{r.text}</p>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}

/** Correct (the author) and Withdraw (the author or an admin) for one note, as inline forms. */
export function ReviewNoteActions({ review, me }: { review: Review; me: { id: string; roles: readonly string[] } }) {
  const styles = useStyles();
  const { t } = useTranslation('followUp');
  const [open, setOpen] = useState<'correct' | 'withdraw' | undefined>();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>();
  const correct = useCorrectReview();
  const withdraw = useWithdrawReview();
  const fieldId = useId();
  if (review.withdrawn) return null;
  const mayCorrect = canCorrectReview(me, review);
  const mayWithdraw = canWithdrawReview(me, review);
  if (!mayCorrect && !mayWithdraw) return null;

  const begin = (what: 'correct' | 'withdraw') => {
    setOpen(what);
    setValue(what === 'correct' ? review.text : '');
    setError(undefined);
    correct.reset();
    withdraw.reset();
  };
  const done = () => {
    setOpen(undefined);
    setValue('');
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const v = value.trim();
    if (open === 'correct') {
      if (!v) return setError(t('note.textRequired'));
      if (v === review.text) return setError(t('note.unchanged'));
      correct.mutate(
        { key: review.key, text: v },
        { onSuccess: done, onError: (err) => setError(fieldErrors(err).text ? (err instanceof ApiError && err.fields[0]?.code === 'text.unchanged' ? t('note.unchanged') : t('note.textRequired')) : undefined) },
      );
    } else {
      if (!v) return setError(t('note.reasonRequired'));
      withdraw.mutate({ key: review.key, reason: v }, { onSuccess: done, onError: (err) => setError(fieldErrors(err).reason ? t('note.reasonRequired') : undefined) });
    }
  };
  const pending = correct.isPending || withdraw.isPending;
  const failure = (correct.error ?? withdraw.error) as unknown;
  const serverError = failure && !(failure instanceof ApiError && failure.code === 'invalid') ? failure : undefined;

  if (!open) {
    return (
      <div className={styles.actions}>
        {mayCorrect ? (
          <Button size="small" onClick={() => begin('correct')}>
            {t('note.correct')}
          </Button>
        ) : null}
        {mayWithdraw ? (
          <Button size="small" onClick={() => begin('withdraw')}>
            {t('note.withdraw')}
          </Button>
        ) : null}
      </div>
    );
  }
  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <Field
        id={fieldId}
        label={open === 'correct' ? t('note.correctLabel') : t('note.withdrawLabel')}
        hint={open === 'correct' ? t('note.correctHint') : t('note.withdrawHint')}
        required
        validationMessage={error}
      >
        {/* Focus moves into the form that replaced the button pressed, so a keyboard user goes on typing. */}
        <Textarea autoFocus value={value} onChange={(_, d) => setValue(d.value)} rows={open === 'correct' ? 3 : 2} resize="vertical" maxLength={open === 'correct' ? TEXT_MAX : REASON_MAX} />
      </Field>
      {serverError ? <ErrorState error={serverError} title={t('note.failed')} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" size="small" disabled={pending}>
          {open === 'correct' ? t('note.saveCorrection') : t('note.confirmWithdraw')}
        </Button>
        <Button size="small" onClick={done}>
          {t('note.cancel')}
        </Button>
      </div>
    </form>
  );
}
