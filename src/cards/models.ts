import type { DueState, Locale, LocalizedText, StatusScale } from '../domain';
import type { GroupCardRef } from './actions';

/**
 * What the builders need, as plain values the bot computes from the lists. Builders never read
 * the repository or the clock; that keeps them pure and their tests plain JSON comparisons.
 */

export interface LastStatus {
  period: string;
  status: number;
  authorName: string;
  at: string;
}

export interface SlotView {
  /** Unit key, or undefined for a goal that reports as a whole. */
  unit?: string;
  unitName?: LocalizedText;
  state: DueState;
  /** The latest report before this period, to show where things stood. */
  last?: LastStatus;
  /** The report for this period, when done. */
  done?: LastStatus;
}

/** The goal's title in fi/sv/en (`title` is the Finnish one); a card shows the card's language or Finnish. */
export type TitleText = LocalizedText;

export interface GoalView {
  key: string;
  code: string;
  title: string;
  titleText?: TitleText;
  /** `min`/`max`: the range the admin set (decision 0009); without `min` a value may not be negative. */
  indicator: { kind: 'qualitative' | 'quantitative'; unit?: string; min?: number; max?: number };
  slots: SlotView[];
}

export interface GroupCardModel {
  locale: Locale;
  ref: GroupCardRef;
  planTitle: LocalizedText;
  groupName: LocalizedText;
  /** Due date of the period, YYYY-MM-DD. */
  dueDate: string;
  scale: StatusScale;
  goals: GoalView[];
  /** Entra object ids of everyone allowed to submit (members, owners, responsible persons). */
  permittedUserIds: string[];
  /**
   * `shared`: the card as posted to the channel (Update for everyone; the bot refuses outsiders).
   * `member`: a permitted user's view. `reader`: anyone else's view, without Update buttons.
   */
  view: 'shared' | 'member' | 'reader';
  /** The inline check-in form, open for one goal. */
  form?: FormState;
  /** A line on top, e.g. "Saved: …" (already localized; user parts escaped by the caller). */
  notice?: { text: string; color: 'good' | 'attention' };
  /** What the leadership team's decisions ask of this group and is still open, earliest due first. */
  followUps?: FollowUpView[];
}

/** An open follow-up of a review decision, as the group's card lists it. */
export interface FollowUpView {
  reviewKey: string;
  goalCode: string;
  ask: string;
  /** The meeting that asked, YYYY-MM-DD. */
  meetingDate: string;
  dueDate: string;
  overdue: boolean;
}

/** The summary of a review meeting's decisions: for the meeting chat, or one group's share for its channel. */
export interface MeetingSummaryModel {
  locale: Locale;
  planTitle: LocalizedText;
  period: string;
  meetingDate: string;
  /** Set for a group's channel: only what was asked of it. */
  groupName?: LocalizedText;
  decisions: {
    goalKey: string;
    goalCode: string;
    goalTitle: string;
    text: string;
    followUp?: { ask: string; groupName: LocalizedText; dueDate: string };
  }[];
}

export interface FormState {
  goalKey: string;
  /** Preselected unit for goals with units. */
  unit?: string;
  submissionId: string;
  values?: { status?: number; narrative?: string; indicatorValue?: number };
  /** Field problems from the last submit (already localized/escaped). */
  errors?: string[];
}

export interface PersonalGoal {
  key: string;
  code: string;
  title: string;
  titleText?: TitleText;
  /** Open slots: unit names (localized text) or undefined for a whole-goal report. */
  openUnits: (LocalizedText | undefined)[];
  state: DueState;
}

export interface PersonalReminderModel {
  locale: Locale;
  kind: 'personal' | 'escalation';
  planTitle: LocalizedText;
  period: string;
  dueDate: string;
  goals: PersonalGoal[];
}

export interface DigestModel {
  locale: Locale;
  planKey: string;
  planTitle: LocalizedText;
  period: string;
  previousPeriod: string;
  scale: StatusScale;
  /** Goals per overall status value; `none` = nothing reported for the period. */
  counts: { status: number | 'none'; count: number }[];
  overdue: { key: string; code: string; title: string; titleText?: TitleText; units: (LocalizedText | undefined)[] }[];
  changes: { key: string; code: string; title: string; titleText?: TitleText; from?: number; to: number }[];
}

export interface StatusReplyModel {
  locale: Locale;
  period: string;
  goals: PersonalGoal[];
  known: boolean;
}
