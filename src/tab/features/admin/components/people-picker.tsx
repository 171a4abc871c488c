/**
 * Choosing people (responsible persons, members, owners) from the whole directory: typing searches
 * it (Graph in a tenant, the demo directory locally, see data/people.ts), a chosen person shows as
 * a tag that can be removed with the keyboard, and the list says when a search finds no one.
 */
import { Combobox, Field, InteractionTag, InteractionTagPrimary, InteractionTagSecondary, makeStyles, mergeClasses, Option, TagGroup, Text, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchPeople } from '../../../../domain/people-search';
import type { Person } from '../../../../domain/person';
import { type FieldBase, useMessage } from './fields';

/**
 * Where the picker searches: the directory (`usePeopleSearch` from data/, what the admin editor
 * passes) or, without one, the people the plan already names (`useKnownPeople`). Called as a hook,
 * the same one for the picker's whole life.
 */
export type PeopleSearch = (query: string, known: readonly Person[]) => { data?: readonly Person[] | undefined; isFetching: boolean; error: unknown };

/** Searches only the people already named in the plan's groups and goals. */
export const useKnownPeople: PeopleSearch = (query, known) => ({ data: searchPeople(known, query, 50), isFetching: false, error: null });

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  tags: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  none: { color: tokens.colorNeutralForeground2 },
  combobox: { maxWidth: '28rem', width: '100%', minWidth: 0 },
});

/** Waits until typing pauses, so each key press is not a directory request. */
function useSettled(value: string, ms = 250): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(id);
  }, [value, ms]);
  return settled;
}

export function PeoplePicker({ value, onChange, known, useSearch, ...f }: FieldBase & { value: readonly Person[]; onChange(v: Person[]): void; known: readonly Person[]; useSearch: PeopleSearch }) {
  const styles = useStyles();
  const msg = useMessage(f.messages, f.path);
  const { t } = useTranslation('admin');
  const [query, setQuery] = useState('');
  const settled = useSettled(query);
  const found = useSearch(settled, known);
  const chosenId = useId();
  const chosen = new Set(value.map((p) => p.id));
  const options = found.data ?? [];
  const searching = found.isFetching || settled !== query;

  const toggle = (id: string) => {
    if (chosen.has(id)) {
      onChange(value.filter((p) => p.id !== id));
      return;
    }
    const person = options.find((p) => p.id === id);
    if (person) onChange([...value, { id: person.id, upn: person.upn, name: person.name }]);
  };

  return (
    <div className={mergeClasses(styles.root, f.className)}>
      <Field label={f.label} required={f.required} hint={f.hint ?? t('people.hint')} validationMessage={msg}>
        <Combobox
          className={styles.combobox}
          multiselect
          freeform
          aria-describedby={chosenId}
          placeholder={t('people.search')}
          // Fluent names the open button in English ("Open") unless told.
          expandIcon={{ 'aria-label': t('people.open') }}
          value={query}
          selectedOptions={value.map((p) => p.id)}
          onChange={(e) => setQuery(e.target.value)}
          onOptionSelect={(_, d) => {
            if (d.optionValue) toggle(d.optionValue);
            setQuery('');
          }}
          onOpenChange={(_, d) => {
            if (!d.open) setQuery('');
          }}
        >
          {found.error ? (
            <Option value="" disabled text="">
              {t('people.searchFailed')}
            </Option>
          ) : options.length === 0 ? (
            <Option value="" disabled text="">
              {searching ? t('people.searching') : t('people.noMatches', { query: settled.trim() })}
            </Option>
          ) : (
            options.map((p) => (
              <Option key={p.id} value={p.id} text={p.name}>
                {p.upn ? `${p.name} (${p.upn})` : p.name}
              </Option>
            ))
          )}
        </Combobox>
      </Field>
      {value.length > 0 ? (
        <TagGroup
          id={chosenId}
          className={styles.tags}
          aria-label={t('people.chosen', { label: f.label })}
          onDismiss={(_, d) => onChange(value.filter((p) => p.id !== d.value))}
        >
          {value.map((p) => (
            <InteractionTag key={p.id} value={p.id} shape="circular" size="small">
              <InteractionTagPrimary hasSecondaryAction>{p.name}</InteractionTagPrimary>
              <InteractionTagSecondary aria-label={t('people.remove', { name: p.name })} />
            </InteractionTag>
          ))}
        </TagGroup>
      ) : (
        <Text id={chosenId} size={200} className={styles.none}>
          {t('people.none')}
        </Text>
      )}
    </div>
  );
}
