/**
 * Leaders' review notes on a goal (comments and decisions from meetings), newest meeting first,
 * and for leaders and admins a form that records one (POST /api/reviews). The new note shows at
 * once from the mutation's answer; the server decides who may write, the form only hides itself.
 */
import { Badge, Button, Caption1, Field, Input, makeStyles, mergeClasses, MessageBar, MessageBarBody, Radio, RadioGroup, Text, Textarea, tokens } from '@fluentui/react-components';
import { Comment24Regular } from '@fluentui/react-icons';
import { useId, useState, type ClipboardEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { openFollowUps } from '../../../../domain/meeting';
import { helsinkiDate } from '../../../../domain/periods';
import type { Review } from '../../../../domain/review';
import { FollowUpList } from '../../../components/follow-up-list';
import { ReviewNoteActions, ReviewNoteHistory } from '../../../components/review-note-actions';
import { EmptyState, ErrorState } from '../../../components/states';
import { useSurfaceStyles } from '../../../components/surface';
import { charactersCutByPaste } from '../../../components/paste-limit';
import { ApiError, useBoard, useMe, useNow, useRecordReview, useSubmissionId } from '../../../data';
import { useIssueText } from '../../../i18n/issues';
import { useFormat, useText } from '../../../i18n/locale';

const TEXT_MAX = 4000;

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground2 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'minmax(10rem, 14rem) 1fr',
    alignItems: 'start',
    padding: tokens.spacingHorizontalL,
    '@media (max-width: 640px)': { gridTemplateColumns: '1fr' },
  },
  full: { gridColumn: '1 / -1' },
  subTitle: { margin: `0 0 ${tokens.spacingVerticalS}`, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  formTitle: { margin: 0, gridColumn: '1 / -1', fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { gridColumn: '1 / -1', display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  counter: { gridColumn: '1 / -1', color: tokens.colorNeutralForeground2, marginTop: `calc(-1 * ${tokens.spacingVerticalS})` },
});

/**
 * The goal's notes, newest meeting first, and above them what its decisions still ask of groups
 * (issue 8): a member of the asked group marks a follow-up done here. A corrected note shows its
 * earlier wordings, a withdrawn one its reason; its author corrects or withdraws it.
 */
export function ReviewList({ reviews }: { reviews: Review[] }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('goal');
  const { t: tf } = useTranslation('followUp');
  const fmt = useFormat();
  const text = useText();
  const me = useMe();
  const today = helsinkiDate(useNow());
  const board = useBoard(reviews[0]?.planKey);
  const open = openFollowUps(reviews);
  const followUps = open.length ? (
    <section aria-labelledby="goal-follow-ups" className={surface.inset}>
      <h3 id="goal-follow-ups" className={styles.subTitle}>
        {tf('followUps.title')}
      </h3>
      <FollowUpList items={open} groupName={(k) => text(board.data?.group(k)?.name) || k} myGroups={me.data?.groups ?? []} today={today} />
    </section>
  ) : null;
  if (reviews.length === 0) {
    return (
      <EmptyState icon={<Comment24Regular />} title={t('reviews.empty.title')}>
        {t('reviews.empty.body')}
      </EmptyState>
    );
  }
  return (
    <>
      {followUps}
      <ul className={styles.list}>
        {reviews.map((r) => (
          <li key={r.key} className={surface.inset} data-review-key={r.key}>
            <div className={styles.head}>
              <Badge appearance={r.kind === 'decision' ? 'filled' : 'outline'} color={r.kind === 'decision' ? 'brand' : 'informative'}>
                {t(`reviews.kind.${r.kind}`)}
              </Badge>
              <Text weight="semibold">{t('reviews.meeting', { date: fmt.date(r.meetingDate) })}</Text>
              {r.period ? <Caption1 className={styles.meta}>{t('reviews.period', { period: fmt.period(r.period) })}</Caption1> : null}
            </div>
            <p className={styles.text}>{r.text}</p>
            <Caption1 className={styles.meta}>{r.author.name}</Caption1>
            <ReviewNoteHistory review={r} groupName={(k) => text(board.data?.group(k)?.name) || k} />
            {me.data ? <ReviewNoteActions review={r} me={me.data} /> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ReviewForm({ goalKey, period, today }: { goalKey: string; period: string | undefined; today: string }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('goal');
  const record = useRecordReview();
  // A note sent again after a lost answer is stored once.
  const submission = useSubmissionId();
  const titleId = useId();
  const [meetingDate, setMeetingDate] = useState(today);
  const [kind, setKind] = useState<'comment' | 'decision'>('comment');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ text?: string; meetingDate?: string }>({});
  const [saved, setSaved] = useState(false);
  const [cut, setCut] = useState(0);
  const fmt = useFormat();
  const issueText = useIssueText();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!text.trim()) next.text = t('reviews.form.textRequired');
    else if (text.length > TEXT_MAX) next.text = t('reviews.form.textTooLong', { max: TEXT_MAX });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(meetingDate)) next.meetingDate = t('reviews.form.dateRequired');
    setErrors(next);
    setSaved(false);
    if (Object.keys(next).length) return;
    const input = { goalKey, meetingDate, kind, text: text.trim(), ...(period ? { period } : {}) };
    record.mutate(
      { ...input, submissionId: submission.idFor(JSON.stringify(input)) },
      {
        onSuccess: () => {
          submission.stored();
          setText('');
          setSaved(true);
        },
        onError: (err) => {
          if (!(err instanceof ApiError)) return;
          const text = err.fields.find((f) => f.path.startsWith('text'));
          const date = err.fields.find((f) => f.path.startsWith('meetingDate'));
          if (text || date) setErrors({ ...(text ? { text: issueText(text) } : {}), ...(date ? { meetingDate: issueText(date) } : {}) });
        },
      },
    );
  };

  const serverError = record.error && !(record.error instanceof ApiError && record.error.code === 'invalid') ? record.error : undefined;
  return (
    <form className={mergeClasses(surface.surface, styles.form)} onSubmit={submit} aria-labelledby={titleId} noValidate>
      <h3 id={titleId} className={styles.formTitle}>
        {t('reviews.form.title')}
      </h3>
      <Field label={t('reviews.form.meetingDate')} required validationMessage={errors.meetingDate}>
        <Input type="date" value={meetingDate} onChange={(_, d) => setMeetingDate(d.value)} />
      </Field>
      <Field label={t('reviews.form.kind')}>
        <RadioGroup layout="horizontal" value={kind} onChange={(_, d) => setKind(d.value as 'comment' | 'decision')}>
          <Radio value="comment" label={t('reviews.kind.comment')} />
          <Radio value="decision" label={t('reviews.kind.decision')} />
        </RadioGroup>
      </Field>
      <Field className={styles.full} label={t('reviews.form.text')} required validationMessage={errors.text} hint={t('reviews.form.hint', { max: fmt.number(TEXT_MAX) })}>
        <Textarea
          value={text}
          onChange={(_, d) => {
            setText(d.value);
            if (d.value.length < TEXT_MAX) setCut(0);
          }}
          onPaste={(e: ClipboardEvent<HTMLTextAreaElement>) => setCut(charactersCutByPaste(e, TEXT_MAX))}
          maxLength={TEXT_MAX}
          resize="vertical"
          rows={4}
        />
      </Field>
      <Caption1 className={styles.counter} aria-live="off">
        {t('reviews.form.counter', { length: fmt.number(text.length), max: fmt.number(TEXT_MAX) })}
      </Caption1>
      {cut > 0 ? (
        <MessageBar className={styles.full} intent="warning" role="alert">
          <MessageBarBody>{t('reviews.form.cut', { count: cut, cut: fmt.number(cut), max: fmt.number(TEXT_MAX) })}</MessageBarBody>
        </MessageBar>
      ) : null}
      {serverError ? (
        <div className={styles.full}>
          <ErrorState error={serverError} title={t('reviews.form.failed')} />
        </div>
      ) : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={record.isPending}>
          {record.isPending ? t('reviews.form.saving') : t('reviews.form.save')}
        </Button>
        {saved ? (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{t('reviews.form.saved')}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </form>
  );
}
