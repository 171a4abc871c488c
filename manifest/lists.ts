/**
 * The SharePoint information architecture, as data: every list, its columns (internal names,
 * types, required, indexed, unique) and which entity property each column holds.
 *
 * Read by provisioning (creates the lists through Graph), by the Graph adapter's mapping
 * (entity ⇄ list item fields) and so, through provisioning, by the emulator. Nothing else names
 * a column: change a column here and everything follows.
 *
 * Conventions
 * - `Key` is the stable text id of the entity (not the SharePoint item id), indexed and unique,
 *   so references survive moves between sites.
 * - Columns used in `$filter` are `indexed` (SharePoint refuses other filters on large lists).
 * - `json` columns hold structured values (localized text, scales, people, the goal summary) as
 *   JSON in a multi-line text column; they are validated with the domain's zod schemas on read.
 * - Dates without time are text `YYYY-MM-DD` (a dateTime column would shift them by time zone).
 * - `Title` is SharePoint's built-in column; `titleFrom` says what to show in it.
 */

export type ColumnType = 'text' | 'note' | 'number' | 'dateTime' | 'boolean' | 'choice';

export interface ColumnSpec {
  /** Internal name, as in Graph `fields`. */
  readonly name: string;
  /** Dotted path of the entity property the column holds, e.g. `author.id`. */
  readonly field: string;
  readonly type: ColumnType;
  readonly json?: boolean;
  readonly required?: boolean;
  readonly indexed?: boolean;
  readonly unique?: boolean;
  readonly choices?: readonly string[];
  readonly description?: string;
  /**
   * A compound key the app writes from these entity properties, joined by `|` (e.g. plan|period),
   * so one indexed condition selects what would otherwise need two. Not an entity property: never
   * read back into the entity. `field` then only names it.
   */
  readonly derivedFrom?: readonly string[];
  /** For a `derivedFrom` part the entity may leave out: the text written in its place (e.g. `*`). */
  readonly derivedDefaults?: Readonly<Record<string, string>>;
}

export interface ListSpec {
  /** Entity name used in code. */
  readonly entity: EntityName;
  /** List display name (and the name provisioning looks it up by). */
  readonly displayName: string;
  readonly description: string;
  /** Dotted path of the property shown in SharePoint's Title column. */
  readonly titleFrom: string;
  readonly columns: readonly ColumnSpec[];
}

export type EntityName = 'plan' | 'theme' | 'goal' | 'checkIn' | 'review' | 'group' | 'unit' | 'reminderLog' | 'person' | 'meetingSession';

const key = { name: 'Key', field: 'key', type: 'text', required: true, indexed: true, unique: true } as const;
const planKey = { name: 'PlanKey', field: 'planKey', type: 'text', required: true, indexed: true } as const;
const person = (prefix: string, field: string) =>
  [
    { name: `${prefix}Id`, field: `${field}.id`, type: 'text', required: true },
    { name: `${prefix}Upn`, field: `${field}.upn`, type: 'text' },
    { name: `${prefix}Name`, field: `${field}.name`, type: 'text' },
  ] as const;

export const LISTS = {
  plan: {
    entity: 'plan',
    displayName: 'Plans',
    description: 'Goal plans: period, reporting cadence, status scale, units and reminder calendar.',
    titleFrom: 'title.fi',
    columns: [
      key,
      { name: 'TitleText', field: 'title', type: 'note', json: true, required: true },
      { name: 'PeriodStart', field: 'periodStart', type: 'text', required: true },
      { name: 'PeriodEnd', field: 'periodEnd', type: 'text', required: true },
      { name: 'Cadence', field: 'cadence', type: 'choice', choices: ['monthly', 'tertial'], required: true },
      { name: 'StatusScale', field: 'statusScale', type: 'note', json: true, required: true },
      { name: 'Units', field: 'units', type: 'note', json: true },
      { name: 'Reminders', field: 'reminders', type: 'note', json: true },
      { name: 'Language', field: 'language', type: 'choice', choices: ['fi', 'sv', 'en'] },
      { name: 'ArchivedAt', field: 'archivedAt', type: 'dateTime' },
    ],
  },
  theme: {
    entity: 'theme',
    displayName: 'Themes',
    description: 'Strategic themes and focus areas of a plan, hierarchical and ordered.',
    titleFrom: 'title.fi',
    columns: [
      key,
      planKey,
      { name: 'ParentKey', field: 'parentKey', type: 'text' },
      { name: 'Code', field: 'code', type: 'text', required: true },
      { name: 'SortOrder', field: 'order', type: 'number', required: true },
      { name: 'TitleText', field: 'title', type: 'note', json: true, required: true },
      { name: 'DescriptionText', field: 'description', type: 'note', json: true },
    ],
  },
  goal: {
    entity: 'goal',
    displayName: 'Goals',
    description: 'Goals with indicator, baseline, target, responsibilities and the latest status per unit.',
    titleFrom: 'title',
    columns: [
      key,
      planKey,
      { name: 'ThemeKey', field: 'themeKey', type: 'text', required: true, indexed: true },
      { name: 'Code', field: 'code', type: 'text' },
      { name: 'GoalTitle', field: 'title', type: 'note', required: true },
      { name: 'Description', field: 'description', type: 'note' },
      { name: 'Indicator', field: 'indicator', type: 'note', json: true, required: true },
      { name: 'Baseline', field: 'baseline', type: 'note', json: true },
      { name: 'Target', field: 'target', type: 'note', json: true },
      { name: 'ResponsiblePersons', field: 'responsiblePersons', type: 'note', json: true },
      { name: 'ResponsibleGroups', field: 'responsibleGroupKeys', type: 'note', json: true },
      { name: 'Units', field: 'units', type: 'note', json: true },
      {
        name: 'StatusSummary',
        field: 'summary',
        type: 'note',
        json: true,
        description: 'Latest check-in per unit (denormalized by the app server; do not edit by hand).',
      },
      { name: 'Translations', field: 'translations', type: 'note', json: true, description: 'Swedish and English goal texts; the other columns hold the Finnish.' },
    ],
  },
  checkIn: {
    entity: 'checkIn',
    displayName: 'CheckIns',
    description: 'Append-only check-ins: status, narrative and indicator value per goal, unit and period.',
    titleFrom: 'key',
    columns: [
      key,
      { name: 'GoalKey', field: 'goalKey', type: 'text', required: true, indexed: true },
      planKey,
      { name: 'Period', field: 'period', type: 'text', required: true, indexed: true },
      { name: 'Unit', field: 'unit', type: 'text' },
      { name: 'Status', field: 'status', type: 'number', required: true },
      { name: 'Narrative', field: 'narrative', type: 'note', required: true },
      { name: 'NarrativeLanguage', field: 'language', type: 'choice', choices: ['fi', 'sv', 'en'] },
      { name: 'IndicatorValue', field: 'indicatorValue', type: 'number' },
      ...person('Author', 'author'),
      { name: 'SubmittedAt', field: 'submittedAt', type: 'dateTime', required: true },
      { name: 'Source', field: 'source', type: 'choice', choices: ['tab', 'card', 'import'], required: true },
      { name: 'SubmissionId', field: 'submissionId', type: 'text', required: true, indexed: true, unique: true },
      // PlanKey alone selects every check-in of a plan (90,000 at 500 goals × 5 units × 36 months),
      // over SharePoint's list view threshold; plan + period selects one period's — 15,000 at 3,000
      // goals × 5 units, over it again. Plan + period + service area selects at most one check-in
      // per goal and correction: what the app reads a period by, one query per slot in one $batch
      // (docs/decisions/0008). PlanPeriod stays written for items and views that already use it.
      {
        name: 'PlanPeriodUnit', field: 'planPeriodUnit', type: 'text', indexed: true, derivedFrom: ['planKey', 'period', 'unit'], derivedDefaults: { unit: '*' },
        description: 'Plan key, period and service area (plan|YYYY-MM|unit, * for a goal reported as a whole): what the app reads a period\'s check-ins by. Written by the app.',
      },
      {
        name: 'PlanPeriod', field: 'planPeriod', type: 'text', indexed: true, derivedFrom: ['planKey', 'period'],
        description: 'Plan key and period (plan|YYYY-MM). Written by the app.',
      },
    ],
  },
  review: {
    entity: 'review',
    displayName: 'Reviews',
    description: "Leaders' review comments and decisions per goal.",
    titleFrom: 'key',
    columns: [
      key,
      { name: 'GoalKey', field: 'goalKey', type: 'text', required: true, indexed: true },
      planKey,
      { name: 'Period', field: 'period', type: 'text' },
      { name: 'MeetingDate', field: 'meetingDate', type: 'text', required: true },
      { name: 'Kind', field: 'kind', type: 'choice', choices: ['comment', 'decision'], required: true },
      { name: 'Body', field: 'text', type: 'note', required: true },
      ...person('Author', 'author'),
      { name: 'CreatedAt', field: 'createdAt', type: 'dateTime', required: true },
      // Review follow-ups (issue 8). None is required, so notes written before them read unchanged.
      { name: 'MeetingId', field: 'meetingId', type: 'text', indexed: true, description: 'The meeting the note was recorded in.' },
      { name: 'FollowUpAsk', field: 'followUp.ask', type: 'note', description: 'What the decision asks of a development group.' },
      { name: 'FollowUpGroupKey', field: 'followUp.groupKey', type: 'text', indexed: true, description: 'The development group asked.' },
      { name: 'FollowUpDueDate', field: 'followUp.dueDate', type: 'text' },
      { name: 'FollowUpState', field: 'followUp.state', type: 'choice', choices: ['open', 'done'] },
      { name: 'FollowUpDoneAt', field: 'followUp.doneAt', type: 'dateTime' },
      { name: 'FollowUpDoneById', field: 'followUp.doneBy.id', type: 'text' },
      { name: 'FollowUpDoneByName', field: 'followUp.doneBy.name', type: 'text' },
      // Corrections and withdrawals (issue 8): earlier wordings stay, nothing is deleted.
      { name: 'Revisions', field: 'revisions', type: 'note', json: true, description: 'Earlier wordings of the note, oldest first.' },
      { name: 'CorrectedAt', field: 'correctedAt', type: 'dateTime' },
      { name: 'CorrectedById', field: 'correctedBy.id', type: 'text' },
      { name: 'CorrectedByName', field: 'correctedBy.name', type: 'text' },
      { name: 'Withdrawal', field: 'withdrawn', type: 'note', json: true, description: 'Why, when and by whom the note was withdrawn.' },
    ],
  },
  group: {
    entity: 'group',
    displayName: 'Groups',
    description: 'Development groups: members, owners and the linked Teams channel.',
    titleFrom: 'name.fi',
    columns: [
      key,
      { name: 'NameText', field: 'name', type: 'note', json: true, required: true },
      { name: 'Members', field: 'members', type: 'note', json: true },
      { name: 'Owners', field: 'owners', type: 'note', json: true },
      { name: 'Conversation', field: 'conversation', type: 'note', json: true },
      { name: 'Language', field: 'language', type: 'choice', choices: ['fi', 'sv', 'en'] },
    ],
  },
  unit: {
    entity: 'unit',
    displayName: 'Units',
    description: 'Reporting units (service areas).',
    titleFrom: 'name.fi',
    columns: [
      key,
      { name: 'NameText', field: 'name', type: 'note', json: true, required: true },
      { name: 'SortOrder', field: 'order', type: 'number' },
    ],
  },
  reminderLog: {
    entity: 'reminderLog',
    displayName: 'ReminderLog',
    description: 'Every reminder the bot sent, under a unique key, so a rerun never sends twice.',
    titleFrom: 'key',
    columns: [
      key,
      planKey,
      { name: 'Period', field: 'period', type: 'text', required: true, indexed: true },
      { name: 'Target', field: 'target', type: 'text', required: true },
      { name: 'Kind', field: 'kind', type: 'choice', choices: ['group', 'personal', 'escalation', 'digest'], required: true },
      { name: 'ConversationId', field: 'conversationId', type: 'note', required: true },
      { name: 'State', field: 'state', type: 'choice', choices: ['sending', 'sent', 'failed'], required: true },
      { name: 'SentAt', field: 'sentAt', type: 'dateTime' },
      { name: 'ActivityId', field: 'activityId', type: 'text' },
      { name: 'ErrorText', field: 'error', type: 'note' },
      // PlanKey alone selects every reminder a plan ever sent (1,300 a month at 300 groups and
      // 1,000 people), over the list view threshold within months (docs/decisions/0008).
      {
        name: 'PlanPeriod', field: 'planPeriod', type: 'text', indexed: true, derivedFrom: ['planKey', 'period'],
        description: 'Plan key and period (plan|YYYY-MM): what the bot reads a plan\'s recent sends by. Written by the app.',
      },
    ],
  },
  person: {
    entity: 'person',
    displayName: 'People',
    description: "People who installed the app personally: the bot's personal conversation and their language.",
    titleFrom: 'name',
    columns: [
      key,
      { name: 'Upn', field: 'upn', type: 'text' },
      { name: 'PersonName', field: 'name', type: 'text' },
      { name: 'Conversation', field: 'conversation', type: 'note', json: true },
      { name: 'Language', field: 'language', type: 'choice', choices: ['fi', 'sv', 'en'] },
    ],
  },
  meetingSession: {
    entity: 'meetingSession',
    displayName: 'MeetingSessions',
    description: "One item per review meeting: its agenda and the presenter's current goal, which every attendee's stage follows.",
    titleFrom: 'key',
    columns: [
      // A Teams meeting id, not one of our keys: longer, base64 (domain/schemas/meeting.ts).
      { ...key, description: 'The Teams meeting id.' },
      planKey,
      { name: 'Period', field: 'period', type: 'text', required: true },
      { name: 'GroupKey', field: 'groupKey', type: 'text' },
      { name: 'AgendaOrder', field: 'order', type: 'choice', choices: ['worst', 'theme', 'group', 'overdue'], required: true },
      { name: 'GoalKeys', field: 'goalKeys', type: 'note', json: true, required: true },
      { name: 'CurrentGoalKey', field: 'currentGoalKey', type: 'text', required: true },
      { name: 'UpdatedById', field: 'updatedBy.id', type: 'text', required: true },
      { name: 'UpdatedByName', field: 'updatedBy.name', type: 'text', required: true },
      { name: 'UpdatedAt', field: 'updatedAt', type: 'dateTime', required: true },
      { name: 'EndedAt', field: 'endedAt', type: 'dateTime' },
      { name: 'ChatId', field: 'chatId', type: 'note', description: "The meeting's chat, where the summary is posted." },
    ],
  },
} as const satisfies Record<EntityName, ListSpec>;

export const ALL_LISTS: readonly ListSpec[] = Object.values(LISTS);

/**
 * The columns the report archive adds to the site's default document library (`GET /sites/{site}/drive/list`),
 * written on each filed report's list item (`PATCH …/drive/items/{id}/listItem/fields`): who filed it —
 * the leader, as the upload itself runs as the app — and what it reports. Not required: files an admin
 * puts in the library by hand carry none of them. `ReportLanguage`, not `Language`: SharePoint has a
 * site column of that name.
 */
export const REPORT_LIBRARY_COLUMNS = [
  { name: 'FiledBy', field: 'filedBy.name', type: 'text', description: 'Who filed the report (the leader, not the app).' },
  { name: 'FiledById', field: 'filedBy.id', type: 'text', description: "The filer's Entra object id." },
  { name: 'PlanKey', field: 'planKey', type: 'text' },
  { name: 'Period', field: 'period', type: 'text', description: 'The snapshot period, YYYY-MM.' },
  { name: 'ReportLanguage', field: 'lang', type: 'choice', choices: ['fi', 'sv', 'en'] },
] as const satisfies readonly ColumnSpec[];

/** Graph `columnDefinition` for a column, as provisioning posts it. */
export function columnDefinition(c: ColumnSpec): Record<string, unknown> {
  const base: Record<string, unknown> = {
    name: c.name,
    displayName: c.name,
    required: c.required ?? false,
    indexed: c.indexed ?? false,
    enforceUniqueValues: c.unique ?? false,
    ...(c.description ? { description: c.description } : {}),
  };
  switch (c.type) {
    case 'text':
      return { ...base, text: { allowMultipleLines: false, maxLength: 255 } };
    case 'note':
      return { ...base, text: { allowMultipleLines: true, linesForEditing: 6, textType: 'plain' } };
    case 'number':
      return { ...base, number: {} };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateTime', displayAs: 'standard' } };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'choice':
      return { ...base, choice: { allowTextEntry: false, choices: [...(c.choices ?? [])], displayAs: 'dropDownMenu' } };
  }
}

/** The body of `POST /sites/{id}/lists` for a list. */
export function listCreateBody(l: ListSpec): Record<string, unknown> {
  return { displayName: l.displayName, description: l.description, list: { template: 'genericList' }, columns: l.columns.map(columnDefinition) };
}
