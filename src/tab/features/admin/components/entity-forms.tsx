/**
 * The fields of each entity an admin sets up. Pure forms: a value in, a changed value out, and
 * messages by field path shown next to the fields; saving and conflicts are the editor's.
 */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, Delete20Regular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import type { Goal } from '../../../../domain/goal';
import { goalTexts, withGoalText } from '../../../../domain/goal-texts';
import { LOCALES, type Locale } from '../../../../domain/localized';
import type { Group, Unit } from '../../../../domain/organisation';
import type { Person } from '../../../../domain/person';
import type { Plan } from '../../../../domain/plan';
import { BUILT_IN_SCALES, STATUS_COLORS, type StatusColor, type StatusLevel } from '../../../../domain/status-scale';
import { orderThemes, type Theme } from '../../../../domain/theme';
import { StatusChip } from '../../../components/status-chip';
import { useText } from '../../../i18n/locale';
import type { FieldMessages } from '../model';
import { GoalTextFields } from './goal-text-fields';
import { CheckboxGroup, DateField, Fieldset, LocalizedFields, NumberField, SelectField, TextField, useMessage } from './fields';
import { PeoplePicker, useKnownPeople, type PeopleSearch } from './people-picker';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    alignItems: 'start',
    gap: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 14rem), 1fr))',
    // A native select is as wide as its longest option (a theme's title): the column decides instead.
    '& > *': { minWidth: 0 },
    '& .fui-Select, & select': { width: '100%', minWidth: 0, maxWidth: '100%' },
  },
  levelList: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  level: {
    display: 'grid',
    gridTemplateColumns: '5rem repeat(3, minmax(8rem, 1fr)) 9rem auto',
    alignItems: 'end',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    // Fluent inputs carry a minimum width; in this grid the columns decide.
    '& .fui-Input': { minWidth: 0 },
    '@media (max-width: 800px)': { gridTemplateColumns: '1fr 1fr' },
  },
  levelLegend: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  remove: { alignSelf: 'end' },
  full: { gridColumn: '1 / -1' },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  caption: { margin: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalXS}`, color: tokens.colorNeutralForeground2 },
  scaleRow: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
});

interface FormProps<T> {
  value: T;
  onChange(v: T): void;
  messages: FieldMessages;
  isNew: boolean;
}

function KeyField({ value, onChange, messages, isNew }: { value: string; onChange(v: string): void; messages: FieldMessages; isNew: boolean }) {
  const { t } = useTranslation('admin');
  return <TextField label={t('field.key')} path="key" messages={messages} required value={value} onChange={onChange} disabled={!isNew} hint={isNew ? t('hint.key') : t('hint.keyFixed')} />;
}

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

export function PlanForm({ value: p, onChange, messages, isNew, units }: FormProps<Plan> & { units: readonly Unit[] }) {
  const styles = useStyles();
  const { t, i18n } = useTranslation('admin');
  const text = useText();
  const set = <K extends keyof Plan>(k: K, v: Plan[K]) => onChange({ ...p, [k]: v });
  const rem = (k: keyof Plan['reminders'], v: number | undefined) => onChange({ ...p, reminders: { ...p.reminders, [k]: v as number } });
  const levelsMsg = useMessage(messages, 'statusScale.levels');
  const monthName = (m: number) => new Intl.DateTimeFormat(i18n.language === 'sv' ? 'sv-FI' : i18n.language === 'en' ? 'en-GB' : 'fi-FI', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2021, m - 1, 15)));
  const setLevel = (i: number, patch: Partial<StatusLevel>) =>
    set('statusScale', { ...p.statusScale, key: p.statusScale.key.startsWith('custom') ? p.statusScale.key : `custom-${p.key || 'plan'}`, levels: p.statusScale.levels.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  const builtIn = BUILT_IN_SCALES.find((s) => s.key === p.statusScale.key);
  return (
    <div className={styles.grid}>
      <KeyField value={p.key} onChange={(v) => set('key', v)} messages={messages} isNew={isNew} />
      <LocalizedFields className={styles.full} label={t('field.title')} path="title" messages={messages} required value={p.title} onChange={(v) => set('title', v)} />
      <DateField label={t('field.periodStart')} path="periodStart" messages={messages} required value={p.periodStart} onChange={(v) => set('periodStart', v ?? '')} />
      <DateField label={t('field.periodEnd')} path="periodEnd" messages={messages} required value={p.periodEnd} onChange={(v) => set('periodEnd', v ?? '')} />
      <SelectField
        label={t('field.cadence')}
        path="cadence"
        messages={messages}
        value={p.cadence}
        onChange={(v) => set('cadence', v as Plan['cadence'])}
        options={[
          { value: 'monthly', label: t('cadence.monthly') },
          { value: 'tertial', label: t('cadence.tertial') },
        ]}
      />
      <SelectField
        label={t('field.language')}
        path="language"
        messages={messages}
        value={p.language}
        onChange={(v) => set('language', v as Locale)}
        options={LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
      />
      <Fieldset legend={t('field.statusScale')} className={styles.full}>
        <div className={styles.scaleRow}>
          <SelectField
            label={t('scale.pick')}
            path="statusScale.key"
            messages={messages}
            value={builtIn ? builtIn.key : 'custom'}
            onChange={(v) => {
              const s = BUILT_IN_SCALES.find((x) => x.key === v);
              if (s) set('statusScale', structuredClone(s));
            }}
            options={[...BUILT_IN_SCALES.map((s) => ({ value: s.key, label: text(s.name) })), ...(builtIn ? [] : [{ value: 'custom', label: t('scale.custom') }])]}
          />
        </div>
        <p className={styles.caption}>{t('scale.levels')}</p>
        <ol className={styles.levelList}>
          {p.statusScale.levels.map((l, i) => (
            <li key={i}>
              <fieldset className={styles.level}>
                <legend className={styles.levelLegend}>
                  {t('scale.level', { n: i + 1 })}
                  <StatusChip scale={p.statusScale} value={l.value} size="small" />
                </legend>
                <NumberField label={t('scale.value')} path={`statusScale.levels.${i}.value`} messages={messages} integer value={l.value} onChange={(v) => setLevel(i, { value: v as number })} />
                {(['fi', 'sv', 'en'] as const).map((lang) => (
                  <TextField
                    key={lang}
                    label={t(`lang.${lang}`)}
                    path={`statusScale.levels.${i}.label.${lang}`}
                    messages={messages}
                    required={lang === 'fi'}
                    value={l.label[lang]}
                    onChange={(v) => setLevel(i, { label: { ...l.label, [lang]: v } })}
                  />
                ))}
                <SelectField
                  label={t('scale.color')}
                  path={`statusScale.levels.${i}.color`}
                  messages={messages}
                  value={l.color}
                  onChange={(v) => setLevel(i, { color: v as StatusColor })}
                  options={STATUS_COLORS.map((c) => ({ value: c, label: t(`color.${c}`) }))}
                />
                <Button
                  className={styles.remove}
                  appearance="subtle"
                  icon={<Delete20Regular />}
                  aria-label={t('scale.remove', { n: i + 1 })}
                  disabled={p.statusScale.levels.length <= 2}
                  onClick={() => set('statusScale', { ...p.statusScale, key: `custom-${p.key || 'plan'}`, levels: p.statusScale.levels.filter((_, j) => j !== i) })}
                />
              </fieldset>
            </li>
          ))}
        </ol>
        {levelsMsg ? (
          <span className={styles.error} role="alert">
            {levelsMsg}
          </span>
        ) : null}
        <div>
          <Button
            icon={<Add20Regular />}
            disabled={p.statusScale.levels.length >= 10}
            onClick={() =>
              set('statusScale', {
                ...p.statusScale,
                key: `custom-${p.key || 'plan'}`,
                levels: [...p.statusScale.levels, { value: Math.max(-1, ...p.statusScale.levels.map((l) => l.value)) + 1, color: 'grey', label: { fi: '' } }],
              })
            }
          >
            {t('scale.add')}
          </Button>
        </div>
      </Fieldset>
      <CheckboxGroup
        className={styles.full}
        label={t('field.units')}
        path="units"
        messages={messages}
        value={p.units}
        onChange={(v) => set('units', v)}
        options={units.map((u) => ({ value: u.key, label: `${u.key} – ${text(u.name)}` }))}
      />
      <Fieldset legend={t('field.reminders')} className={styles.full}>
        <div className={styles.grid}>
          <NumberField label={t('field.reminders_reminderDay')} path="reminders.reminderDay" messages={messages} integer value={p.reminders.reminderDay} onChange={(v) => rem('reminderDay', v)} hint={t('hint.day')} />
          <NumberField label={t('field.reminders_dueDay')} path="reminders.dueDay" messages={messages} integer value={p.reminders.dueDay} onChange={(v) => rem('dueDay', v)} hint={t('hint.dueDay')} />
          <NumberField label={t('field.reminders_escalationDays')} path="reminders.escalationDays" messages={messages} integer value={p.reminders.escalationDays} onChange={(v) => rem('escalationDays', v)} hint={t('hint.workingDays')} />
          <NumberField label={t('field.reminders_digestDays')} path="reminders.digestDays" messages={messages} integer value={p.reminders.digestDays} onChange={(v) => rem('digestDays', v)} hint={t('hint.workingDays')} />
          <NumberField label={t('field.reminders_sendHour')} path="reminders.sendHour" messages={messages} integer value={p.reminders.sendHour} onChange={(v) => rem('sendHour', v)} hint={t('hint.hour')} />
          <CheckboxGroup
            className={styles.full}
            label={t('field.reminders_nonReportingMonths')}
            path="reminders.nonReportingMonths"
            messages={messages}
            value={p.reminders.nonReportingMonths}
            onChange={(v) => onChange({ ...p, reminders: { ...p.reminders, nonReportingMonths: v } })}
            options={MONTHS.map((m) => ({ value: m, label: monthName(m) }))}
          />
        </div>
      </Fieldset>
    </div>
  );
}

export function ThemeForm({ value: th, onChange, messages, isNew, themes }: FormProps<Theme> & { themes: readonly Theme[] }) {
  const styles = useStyles();
  const { t } = useTranslation('admin');
  const text = useText();
  const set = <K extends keyof Theme>(k: K, v: Theme[K]) => onChange({ ...th, [k]: v });
  const parents = orderThemes(themes).filter((x) => x.key !== th.key);
  return (
    <div className={styles.grid}>
      <KeyField value={th.key} onChange={(v) => set('key', v)} messages={messages} isNew={isNew} />
      <TextField label={t('field.code')} path="code" messages={messages} required value={th.code} onChange={(v) => set('code', v)} hint={t('hint.code')} />
      <NumberField label={t('field.order')} path="order" messages={messages} integer required value={th.order} onChange={(v) => set('order', v as number)} />
      <SelectField
        label={t('field.parentKey')}
        path="parentKey"
        messages={messages}
        value={th.parentKey ?? ''}
        onChange={(v) => onChange({ ...th, parentKey: v || undefined })}
        options={[{ value: '', label: t('theme.topLevel') }, ...parents.map((x) => ({ value: x.key, label: `${x.code} ${text(x.title)}` }))]}
      />
      <LocalizedFields className={styles.full} label={t('field.title')} path="title" messages={messages} required value={th.title} onChange={(v) => set('title', v)} />
      <LocalizedFields className={styles.full} label={t('field.description')} path="description" messages={messages} multiline value={th.description} onChange={(v) => set('description', v)} />
    </div>
  );
}

export function GoalForm({
  value: g,
  onChange,
  messages,
  isNew,
  themes,
  groups,
  planUnits,
  units,
  people,
  useDirectory,
}: FormProps<Goal> & { themes: readonly Theme[]; groups: readonly Group[]; planUnits: readonly string[]; units: readonly Unit[]; people: readonly Person[]; useDirectory?: PeopleSearch }) {
  const styles = useStyles();
  const { t } = useTranslation('admin');
  const text = useText();
  const set = <K extends keyof Goal>(k: K, v: Goal[K]) => onChange({ ...g, [k]: v });
  const measure = (k: 'baseline' | 'target', patch: Partial<Goal['baseline']>) => onChange({ ...g, [k]: { ...g[k], ...patch } });
  // Goal texts side by side in fi/sv/en: Finnish in the goal's own fields, the others in its translations.
  const texts = goalTexts(g);
  const localized = (field: Parameters<typeof withGoalText>[1]) => (v: { fi: string; sv?: string; en?: string }) => onChange(withGoalText(g, field, v));
  return (
    <div className={styles.grid}>
      <KeyField value={g.key} onChange={(v) => set('key', v)} messages={messages} isNew={isNew} />
      <TextField label={t('field.code')} path="code" messages={messages} value={g.code} onChange={(v) => set('code', v)} hint={t('hint.code')} />
      <SelectField
        className={styles.full}
        label={t('field.themeKey')}
        path="themeKey"
        messages={messages}
        required
        value={g.themeKey}
        onChange={(v) => set('themeKey', v)}
        options={[{ value: '', label: t('theme.choose') }, ...orderThemes(themes).map((x) => ({ value: x.key, label: `${x.code} ${text(x.title)}` }))]}
      />
      <GoalTextFields className={styles.full} label={t('field.title')} path="title" messages={messages} required value={texts.title} onChange={localized('title')} />
      <GoalTextFields className={styles.full} label={t('field.description')} path="description" messages={messages} multiline value={texts.description} onChange={localized('description')} />
      <Fieldset legend={t('field.indicator')} className={styles.full}>
        <div className={styles.grid}>
          <GoalTextFields className={styles.full} label={t('field.indicator_text')} path="indicator.text" messages={messages} required multiline value={texts.indicatorText} onChange={localized('indicatorText')} />
          <SelectField
            label={t('field.indicator_kind')}
            path="indicator.kind"
            messages={messages}
            value={g.indicator.kind}
            onChange={(v) => set('indicator', { ...g.indicator, kind: v as Goal['indicator']['kind'] })}
            options={[
              { value: 'qualitative', label: t('kind.qualitative') },
              { value: 'quantitative', label: t('kind.quantitative') },
            ]}
          />
          <GoalTextFields className={styles.full} label={t('field.indicator_unit')} path="indicator.unit" messages={messages} value={texts.indicatorUnit} onChange={localized('indicatorUnit')} />
          <SelectField
            label={t('field.indicator_direction')}
            path="indicator.direction"
            messages={messages}
            required={g.indicator.kind === 'quantitative'}
            value={g.indicator.direction ?? ''}
            onChange={(v) => set('indicator', { ...g.indicator, direction: (v || undefined) as Goal['indicator']['direction'] })}
            options={[
              { value: '', label: t('direction.none') },
              { value: 'increase', label: t('direction.increase') },
              { value: 'decrease', label: t('direction.decrease') },
            ]}
          />
        </div>
      </Fieldset>
      {(['baseline', 'target'] as const).map((k) => (
        <Fieldset key={k} legend={t(`field.${k}`)} className={styles.full}>
          <div className={styles.grid}>
            <NumberField label={t(`field.${k}_value`)} path={`${k}.value`} messages={messages} value={g[k].value} onChange={(v) => measure(k, { value: v })} />
            <GoalTextFields className={styles.full} label={t(`field.${k}_text`)} path={`${k}.text`} messages={messages} multiline value={texts[k === 'baseline' ? 'baselineText' : 'targetText']} onChange={localized(k === 'baseline' ? 'baselineText' : 'targetText')} />
            <DateField label={t(`field.${k}_date`)} path={`${k}.date`} messages={messages} value={g[k].date} onChange={(v) => measure(k, { date: v })} />
          </div>
        </Fieldset>
      ))}
      <PeoplePicker className={styles.full} label={t('field.responsiblePersons')} path="responsiblePersons" messages={messages} value={g.responsiblePersons} known={people} useSearch={useDirectory ?? useKnownPeople} onChange={(v) => set('responsiblePersons', v)} />
      <CheckboxGroup
        className={styles.full}
        label={t('field.responsibleGroupKeys')}
        path="responsibleGroupKeys"
        messages={messages}
        value={g.responsibleGroupKeys}
        onChange={(v) => set('responsibleGroupKeys', v)}
        options={groups.map((x) => ({ value: x.key, label: text(x.name) }))}
      />
      <CheckboxGroup
        className={styles.full}
        label={t('field.units')}
        path="units"
        messages={messages}
        value={g.units}
        onChange={(v) => set('units', v)}
        options={planUnits.map((k) => ({ value: k, label: `${k} – ${text(units.find((u) => u.key === k)?.name) || k}` }))}
      />
    </div>
  );
}

export function GroupForm({ value: g, onChange, messages, isNew, people, useDirectory }: FormProps<Group> & { people: readonly Person[]; useDirectory?: PeopleSearch }) {
  const styles = useStyles();
  const { t } = useTranslation('admin');
  const set = <K extends keyof Group>(k: K, v: Group[K]) => onChange({ ...g, [k]: v });
  return (
    <div className={styles.grid}>
      <KeyField value={g.key} onChange={(v) => set('key', v)} messages={messages} isNew={isNew} />
      <SelectField
        label={t('field.language')}
        path="language"
        messages={messages}
        value={g.language ?? ''}
        onChange={(v) => onChange({ ...g, language: (v || undefined) as Locale | undefined })}
        options={[{ value: '', label: t('group.planLanguage') }, ...LOCALES.map((l) => ({ value: l, label: t(`lang.${l}`) }))]}
      />
      <LocalizedFields className={styles.full} label={t('field.name')} path="name" messages={messages} required value={g.name} onChange={(v) => set('name', v)} />
      <PeoplePicker className={styles.full} label={t('field.members')} path="members" messages={messages} value={g.members} known={people} useSearch={useDirectory ?? useKnownPeople} onChange={(v) => set('members', v)} />
      <PeoplePicker className={styles.full} label={t('field.owners')} path="owners" messages={messages} value={g.owners} known={people} useSearch={useDirectory ?? useKnownPeople} onChange={(v) => set('owners', v)} />
    </div>
  );
}

export function UnitForm({ value: u, onChange, messages, isNew }: FormProps<Unit>) {
  const styles = useStyles();
  const { t } = useTranslation('admin');
  return (
    <div className={styles.grid}>
      <KeyField value={u.key} onChange={(v) => onChange({ ...u, key: v })} messages={messages} isNew={isNew} />
      <NumberField label={t('field.order')} path="order" messages={messages} integer required value={u.order} onChange={(v) => onChange({ ...u, order: v as number })} />
      <LocalizedFields className={styles.full} label={t('field.name')} path="name" messages={messages} required value={u.name} onChange={(v) => onChange({ ...u, name: v })} />
    </div>
  );
}
