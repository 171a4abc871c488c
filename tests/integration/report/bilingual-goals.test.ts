import { afterEach, describe, expect, it } from 'vitest';
import { ALL_LISTS, type ListSpec } from '../../../manifest/lists';
import { goalTexts, type Goal } from '../../../src/domain';
import { localize } from '../../../src/domain/report';
import { createBoardReader, createGraphRepository, createSiteLists, provisionLists } from '../../../src/graph';
import { startGraph, type GraphHarness } from '../graph/harness';
import { checkIn, goal, plan } from '../../unit/domain/fixtures';

// A site provisioned before goals were bilingual: the lists without the columns this change adds.
const NEW_COLUMNS = new Set(['Goals/Translations', 'CheckIns/NarrativeLanguage']);
const TODAYS_LISTS: ListSpec[] = ALL_LISTS.map((l) => ({ ...l, columns: l.columns.filter((c) => !NEW_COLUMNS.has(`${l.displayName}/${c.name}`)) }));

let g: GraphHarness | undefined;
afterEach(async () => {
  await g?.stop();
  g = undefined;
});

describe('bilingual goal texts on an existing site', () => {
  it('adds the new columns once, reads goals written before as Finnish, and keeps Swedish texts written after', async () => {
    g = await startGraph({ provision: false });
    await provisionLists({ client: g.client, siteId: g.siteId, lists: TODAYS_LISTS });
    const lists = createSiteLists(g.client, g.siteId);
    const repo = createGraphRepository({ client: g.client, siteId: g.siteId, lists });
    await repo.plans.create(plan());
    const before: Goal = goal({ key: 'g-old', title: 'Henkilöstön osaaminen vahvistuu' });
    await repo.goals.create(before);

    const upgrade = await provisionLists({ client: g.client, siteId: g.siteId });
    expect(upgrade.columnsAdded).toEqual([
      { list: 'Goals', column: 'Translations' },
      { list: 'CheckIns', column: 'NarrativeLanguage' },
    ]);
    expect((await provisionLists({ client: g.client, siteId: g.siteId })).columnsAdded).toEqual([]);

    const old = await repo.goals.get('g-old');
    expect(old.value.translations).toBeUndefined();
    expect(old.value.title).toBe('Henkilöstön osaaminen vahvistuu');
    expect(localize(goalTexts(old.value).title, 'sv')).toEqual({ text: 'Henkilöstön osaaminen vahvistuu', lang: 'fi' });

    const translated = { ...old.value, translations: { sv: { title: 'Personalens kompetens stärks', indicatorText: 'Antal utbildade +10 %' } } };
    await repo.goals.update(translated, old.etag);
    const after = (await repo.goals.get('g-old')).value;
    expect(after.title).toBe('Henkilöstön osaaminen vahvistuu');
    expect(localize(goalTexts(after).title, 'sv')).toEqual({ text: 'Personalens kompetens stärks', lang: 'sv' });
    expect(localize(goalTexts(after).indicatorText, 'en')).toEqual({ text: after.indicator.text, lang: 'fi' });

    // A narrative keeps the language it was written in.
    await repo.checkIns.create(checkIn({ goalKey: 'g-old', narrative: 'Utbildningarna har börjat.', language: 'sv' }));
    await repo.checkIns.create(checkIn({ goalKey: 'g-old', narrative: 'Koulutukset alkoivat.' }));
    const board = createBoardReader({ client: g.client, siteId: g.siteId, lists });
    const read = await board.readCheckIns({ goalKey: 'g-old' });
    expect(read.invalid).toEqual([]);
    expect(read.items.map((c) => [c.value.narrative, c.value.language]).sort()).toEqual([
      ['Koulutukset alkoivat.', undefined],
      ['Utbildningarna har börjat.', 'sv'],
    ]);
  });
});
