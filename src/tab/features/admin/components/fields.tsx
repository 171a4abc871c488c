/**
 * Form fields for the admin editors: each is a Fluent `Field` (label, required mark, validation
 * message right under the input, tied to it for screen readers) bound to one dotted path of the
 * entity being edited.
 */
import { Checkbox, Field, Input, makeStyles, Select, Textarea, tokens, mergeClasses } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { messageAt, type FieldMessages } from '../model';

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  checks: { display: 'flex', flexWrap: 'wrap', gap: `0 ${tokens.spacingHorizontalM}` },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  langs: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))' },
});

export interface FieldBase {
  label: string;
  path: string;
  messages: FieldMessages;
  required?: boolean;
  hint?: string;
  className?: string;
}

/** The message shown for a path, in the user's language. */
export function useMessage(messages: FieldMessages, path: string): string | undefined {
  const { t } = useTranslation('admin');
  const m = messageAt(messages, path);
  if (!m) return undefined;
  return m.keys ? t(m.keys, m.values ?? {}) : t(`validation.${m.key}`, m.values ?? {});
}

export function TextField({ value, onChange, multiline, disabled, ...f }: FieldBase & { value: string | undefined; onChange(v: string): void; multiline?: boolean; disabled?: boolean }) {
  const msg = useMessage(f.messages, f.path);
  return (
    <Field label={f.label} required={f.required} hint={f.hint} validationMessage={msg} className={f.className}>
      {multiline ? (
        <Textarea value={value ?? ''} onChange={(_, d) => onChange(d.value)} resize="vertical" rows={3} disabled={disabled} />
      ) : (
        <Input value={value ?? ''} onChange={(_, d) => onChange(d.value)} disabled={disabled} />
      )}
    </Field>
  );
}

/** Parses what people type (comma or point decimal); keeps their text while it is not a number yet. */
export function NumberField({ value, onChange, integer, ...f }: FieldBase & { value: number | undefined; onChange(v: number | undefined): void; integer?: boolean }) {
  const msg = useMessage(f.messages, f.path);
  const { i18n } = useTranslation();
  const show = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '' : i18n.language === 'en' ? String(n) : String(n).replace('.', ','));
  const [text, setText] = useState(show(value));
  useEffect(() => {
    setText((prev) => (Number.isNaN(value ?? 0) ? prev : show(value)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <Field label={f.label} required={f.required} hint={f.hint} validationMessage={msg} className={f.className}>
      <Input
        inputMode={integer ? 'numeric' : 'decimal'}
        value={text}
        onChange={(_, d) => {
          setText(d.value);
          const s = d.value.trim().replace(/[\s\u00a0]/g, '').replace(',', '.');
          if (s === '') onChange(undefined);
          else onChange(/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN);
        }}
      />
    </Field>
  );
}

export function DateField({ value, onChange, ...f }: FieldBase & { value: string | undefined; onChange(v: string | undefined): void }) {
  const msg = useMessage(f.messages, f.path);
  return (
    <Field label={f.label} required={f.required} hint={f.hint} validationMessage={msg} className={f.className}>
      <Input type="date" value={value ?? ''} onChange={(_, d) => onChange(d.value || undefined)} />
    </Field>
  );
}

export function SelectField({ value, onChange, options, ...f }: FieldBase & { value: string | undefined; onChange(v: string): void; options: { value: string; label: string }[] }) {
  const msg = useMessage(f.messages, f.path);
  return (
    <Field label={f.label} required={f.required} hint={f.hint} validationMessage={msg} className={f.className}>
      <Select value={value ?? ''} onChange={(_, d) => onChange(d.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** A set of checkboxes in a fieldset (a legend names the group for screen readers). */
export function CheckboxGroup<V extends string | number>({
  value,
  onChange,
  options,
  ...f
}: FieldBase & { value: readonly V[]; onChange(v: V[]): void; options: { value: V; label: string }[] }) {
  const styles = useStyles();
  const msg = useMessage(f.messages, f.path);
  const id = `cb-${f.path.replace(/\W/g, '-')}`;
  return (
    <fieldset className={mergeClasses(styles.group, f.className)} aria-describedby={msg ? `${id}-err` : undefined}>
      <legend className={styles.legend}>{f.label}</legend>
      <div className={styles.checks}>
        {options.map((o) => (
          <Checkbox
            key={String(o.value)}
            label={o.label}
            checked={value.includes(o.value)}
            onChange={(_, d) => onChange(d.checked ? options.map((x) => x.value).filter((x) => x === o.value || value.includes(x)) : value.filter((x) => x !== o.value))}
          />
        ))}
      </div>
      {msg ? (
        <span id={`${id}-err`} className={styles.error} role="alert">
          {msg}
        </span>
      ) : null}
    </fieldset>
  );
}

/** Finnish (required), Swedish and English versions of one text. */
export function LocalizedFields({
  value,
  onChange,
  multiline,
  ...f
}: FieldBase & { value: { fi: string; sv?: string; en?: string } | undefined; onChange(v: { fi: string; sv?: string; en?: string }): void; multiline?: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation('admin');
  const v = value ?? { fi: '' };
  return (
    <fieldset className={mergeClasses(styles.group, f.className)}>
      <legend className={styles.legend}>{f.label}</legend>
      <div className={styles.langs}>
        {(['fi', 'sv', 'en'] as const).map((l) => (
          <TextField
            key={l}
            label={t(`lang.${l}`)}
            path={`${f.path}.${l}`}
            messages={f.messages}
            required={l === 'fi' && f.required}
            value={v[l]}
            multiline={multiline}
            onChange={(x) => onChange({ ...v, [l]: x })}
          />
        ))}
      </div>
    </fieldset>
  );
}

export function Fieldset({ legend, children, className }: { legend: string; children: ReactNode; className?: string }) {
  const styles = useStyles();
  return (
    <fieldset className={mergeClasses(styles.group, className)}>
      <legend className={styles.legend}>{legend}</legend>
      {children}
    </fieldset>
  );
}
