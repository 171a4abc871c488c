import type { Locale } from '../domain';

/**
 * The bot's texts in Finnish, Swedish and English. A plain typed catalog rather than i18next:
 * the bot has ~60 short strings, no plurals beyond counts we print as numbers, and a typed key
 * set makes a missing translation a compile error. `{name}` placeholders are filled by `t`;
 * values are inserted verbatim, so callers escape user text first (see escape.ts).
 */
const en = {
  'welcome.title': 'Goal tracking is here',
  'welcome.body': 'I post a reminder in this channel each month listing the development group’s goals that are due, and you can report on them straight from the card.',
  'welcome.choose': 'Which development group works in this channel?',
  'welcome.link': 'Link channel',
  'welcome.who': 'Only admins and the group’s owners can link a channel.',
  'welcome.noGroups': 'No development groups have been set up yet. An admin adds them in the app’s admin view.',
  'linked.title': 'Channel linked',
  'linked.body': 'This channel now receives the monthly reminders of {group}.',
  'personal.welcome.title': 'Hello {name}',
  'personal.welcome.titleNoName': 'Hello',
  'personal.welcome.body': 'I will send you personal reminders about your goals here. Write **help** to see what I can do.',
  'group.title': 'Check-ins due: {plan}',
  'group.subtitle': '{group} · period {period} · due {due}',
  'group.none': 'This group has no goals due in this period.',
  'group.last': 'Latest: {status} ({period})',
  'group.never': 'No status reported yet',
  'group.done': 'Reported by {name}, {at}: {status}',
  'group.update': 'Update',
  'group.refresh': 'Refresh',
  'group.manualRefresh': 'Press Refresh to see the check-in forms.',
  'group.saved': 'Saved: {goal} – {status}',
  'group.allDone': 'All goals of this period are reported. Thank you!',
  'followUp.title': 'Asked by the leadership team',
  'followUp.asked': 'The leadership team asked on {date}: {ask}, due {due}',
  'followUp.overdue': 'Past its due date',
  'followUp.markDone': 'Mark done',
  'followUp.marked': 'Marked done: {ask}',
  'followUp.refused': 'Only members of the development group asked can mark its follow-up done.',
  'summary.title': 'Leadership review {date}: decisions',
  'summary.subtitle': '{plan} · period {period} · {count} decisions',
  'summary.groupTitle': 'Leadership review {date}: asked of {group}',
  'summary.none': 'The review recorded no decisions.',
  'summary.followUp': 'Asked of {group}: {ask}, due {due}',
  'summary.open': 'Open the goal',
  'state.due': 'Due',
  'state.overdue': 'Overdue',
  'state.done': 'Done',
  'state.upcoming': 'Upcoming',
  'form.title': 'Check-in: {goal}',
  'form.unit': 'Unit: {unit}',
  'form.status': 'Status',
  'form.statusError': 'Choose a status',
  'form.narrative': 'How is it going?',
  'form.narrativeHint': 'A short account of the situation, what was done and what comes next',
  'form.narrativeError': 'Write a short account of the situation',
  'form.value': 'Indicator value',
  'form.valueUnit': 'Indicator value ({unit})',
  'form.valueHint': 'The chosen service area’s own number',
  'form.submit': 'Submit',
  'form.cancel': 'Cancel',
  'form.invalid': 'Please check: {fields}',
  'form.unreadableGoal': 'The goal {goal} cannot be read from its SharePoint list, so nothing was saved: {fields}. Ask an admin to correct the item.',
  'refusal.title': 'You cannot report on this goal',
  'refusal.body': 'Only the goal’s responsible persons, members of its development group and admins can post check-ins. If you should be one of them, ask the group’s owner or an admin to add you.',
  'refusal.link': 'Only admins and the group’s owners can link a channel to a development group.',
  'refusal.unknown': 'This card is out of date. Press Refresh to load the current one.',
  'personal.title': 'Your goals due for {period}',
  'personal.body': '{plan}: please post a check-in by {due}.',
  'escalation.title': 'Overdue check-ins for {period}',
  'escalation.body': '{plan}: the due date {due} has passed and these goals still have no check-in.',
  'link.teams': 'Open in Teams',
  'link.browser': 'Open in browser',
  'digest.title': 'Leaders’ digest: {plan}, {period}',
  'digest.counts': 'Status of goals',
  'digest.notReported': 'Not reported',
  'digest.overdue': 'Overdue ({count})',
  'digest.noOverdue': 'No overdue goals.',
  'digest.changes': 'Changed since {previous}',
  'digest.noChanges': 'No status changes since {previous}.',
  'digest.dashboard': 'Open the dashboard',
  'help.title': 'What I can do',
  'help.body': 'Write **status** to see your goals that are due this period.\n\nEach month I post a reminder in your development group’s channel, and you can report on a goal straight from the card.',
  'help.commands': 'Commands: help, status',
  'status.title': 'Your goals due for {period}',
  'status.none': 'Nothing is due from you in period {period}.',
  'status.unknownUser': 'I do not find you among the goals’ responsible persons or group members.',
  'issue.period.outsidePlan': 'The period is outside the plan.',
  'issue.period.notReporting': 'Nothing is reported for this month.',
  'issue.period.future': 'This period is not open for reporting yet.',
  'issue.unit.notReported': 'The goal is not reported for this service area.',
  'issue.status.required': 'Choose a status.',
  'issue.status.offScale': 'Choose a status on the plan’s scale.',
  'issue.narrative.required': 'Write a short account of the situation.',
  'issue.narrative.tooLong': 'Write at most 8,000 characters.',
  'issue.indicatorValue.notTaken': 'This goal takes no indicator value.',
  'issue.indicatorValue.negative': 'The indicator value cannot be negative.',
  'issue.indicatorValue.outOfRange': 'The indicator value is outside the range set for the indicator.',
  'unknown.command': 'I did not understand that. Write **help** to see what I can do.',
} as const;

export type MessageKey = keyof typeof en;
type Catalog = Record<MessageKey, string>;

const fi: Catalog = {
  'welcome.title': 'Tavoitteiden seuranta on täällä',
  'welcome.body': 'Lähetän tälle kanavalle joka kuukausi muistutuksen kehittämisryhmän erääntyvistä tavoitteista, ja niiden tilanteen voi päivittää suoraan kortilta.',
  'welcome.choose': 'Mikä kehittämisryhmä toimii tällä kanavalla?',
  'welcome.link': 'Yhdistä kanava',
  'welcome.who': 'Vain ylläpitäjät ja ryhmän omistajat voivat yhdistää kanavan.',
  'welcome.noGroups': 'Kehittämisryhmiä ei ole vielä perustettu. Ylläpitäjä lisää ne sovelluksen ylläpitonäkymässä.',
  'linked.title': 'Kanava yhdistetty',
  'linked.body': 'Tämä kanava saa nyt ryhmän {group} kuukausimuistutukset.',
  'personal.welcome.title': 'Hei {name}',
  'personal.welcome.titleNoName': 'Hei',
  'personal.welcome.body': 'Lähetän sinulle täällä henkilökohtaiset muistutukset tavoitteistasi. Kirjoita **ohje** nähdäksesi, mitä osaan.',
  'group.title': 'Tilannepäivitykset erääntyvät: {plan}',
  'group.subtitle': '{group} · jakso {period} · viimeistään {due}',
  'group.none': 'Ryhmällä ei ole tällä jaksolla erääntyviä tavoitteita.',
  'group.last': 'Viimeisin: {status} ({period})',
  'group.never': 'Tilannetta ei ole vielä raportoitu',
  'group.done': 'Raportoinut {name}, {at}: {status}',
  'group.update': 'Päivitä',
  'group.refresh': 'Päivitä kortti',
  'group.manualRefresh': 'Valitse Päivitä kortti nähdäksesi lomakkeet.',
  'group.saved': 'Tallennettu: {goal} – {status}',
  'group.allDone': 'Kaikki jakson tavoitteet on raportoitu. Kiitos!',
  'followUp.title': 'Johtoryhmän pyynnöt',
  'followUp.asked': 'Johtoryhmä pyysi {date}: {ask}, määräaika {due}',
  'followUp.overdue': 'Määräaika on mennyt',
  'followUp.markDone': 'Merkitse tehdyksi',
  'followUp.marked': 'Merkitty tehdyksi: {ask}',
  'followUp.refused': 'Vain pyynnön saaneen kehittämisryhmän jäsenet voivat merkitä sen tehdyksi.',
  'summary.title': 'Johtoryhmän katselmointi {date}: päätökset',
  'summary.subtitle': '{plan} · jakso {period} · {count} päätöstä',
  'summary.groupTitle': 'Johtoryhmän katselmointi {date}: pyynnöt ryhmälle {group}',
  'summary.none': 'Katselmoinnissa ei kirjattu päätöksiä.',
  'summary.followUp': 'Pyydetty ryhmältä {group}: {ask}, määräaika {due}',
  'summary.open': 'Avaa tavoite',
  'state.due': 'Erääntyy',
  'state.overdue': 'Myöhässä',
  'state.done': 'Valmis',
  'state.upcoming': 'Tulossa',
  'form.title': 'Tilannepäivitys: {goal}',
  'form.unit': 'Palvelualue: {unit}',
  'form.status': 'Tila',
  'form.statusError': 'Valitse tila',
  'form.narrative': 'Miten tavoite etenee?',
  'form.narrativeHint': 'Lyhyt kuvaus tilanteesta, tehdyistä toimista ja seuraavista askelista',
  'form.narrativeError': 'Kirjoita lyhyt kuvaus tilanteesta',
  'form.value': 'Mittarin arvo',
  'form.valueUnit': 'Mittarin arvo ({unit})',
  'form.valueHint': 'Valitun palvelualueen oma luku',
  'form.submit': 'Lähetä',
  'form.cancel': 'Peruuta',
  'form.invalid': 'Tarkista: {fields}',
  'form.unreadableGoal': 'Tavoitteen {goal} tietoja ei voi lukea SharePoint-listasta, joten mitään ei tallennettu: {fields}. Pyydä ylläpitäjää korjaamaan kohde.',
  'refusal.title': 'Et voi raportoida tästä tavoitteesta',
  'refusal.body': 'Tilannepäivityksiä voivat tehdä tavoitteen vastuuhenkilöt, sen kehittämisryhmän jäsenet ja ylläpitäjät. Jos sinun kuuluisi olla yksi heistä, pyydä ryhmän omistajaa tai ylläpitäjää lisäämään sinut.',
  'refusal.link': 'Vain ylläpitäjät ja ryhmän omistajat voivat yhdistää kanavan kehittämisryhmään.',
  'refusal.unknown': 'Kortti on vanhentunut. Valitse Päivitä kortti ladataksesi ajantasaisen.',
  'personal.title': 'Tavoitteesi, joiden tilanne raportoidaan jaksolta {period}',
  'personal.body': '{plan}: tee tilannepäivitys viimeistään {due}.',
  'escalation.title': 'Myöhässä olevat tilannepäivitykset jaksolta {period}',
  'escalation.body': '{plan}: määräpäivä {due} on mennyt, eikä näistä tavoitteista ole vielä tilannepäivitystä.',
  'link.teams': 'Avaa Teamsissa',
  'link.browser': 'Avaa selaimessa',
  'digest.title': 'Johdon kooste: {plan}, {period}',
  'digest.counts': 'Tavoitteiden tila',
  'digest.notReported': 'Ei raportoitu',
  'digest.overdue': 'Myöhässä ({count})',
  'digest.noOverdue': 'Ei myöhässä olevia tavoitteita.',
  'digest.changes': 'Muuttunut jakson {previous} jälkeen',
  'digest.noChanges': 'Ei tilamuutoksia jakson {previous} jälkeen.',
  'digest.dashboard': 'Avaa koontinäkymä',
  'help.title': 'Mitä osaan',
  'help.body': 'Kirjoita **tila** nähdäksesi tavoitteesi, joiden tilanne raportoidaan tällä jaksolla.\n\nLähetän joka kuukausi muistutuksen kehittämisryhmäsi kanavalle, ja tavoitteen tilanteen voi päivittää suoraan kortilta.',
  'help.commands': 'Komennot: ohje, tila',
  'status.title': 'Tavoitteesi jaksolla {period}',
  'status.none': 'Sinulta ei odoteta tilannepäivityksiä jaksolla {period}.',
  'status.unknownUser': 'En löydä sinua tavoitteiden vastuuhenkilöistä tai ryhmien jäsenistä.',
  'issue.period.outsidePlan': 'Jakso on suunnitelman ulkopuolella.',
  'issue.period.notReporting': 'Tältä kuukaudelta ei raportoida.',
  'issue.period.future': 'Jakson raportointi ei ole vielä auki.',
  'issue.unit.notReported': 'Tavoitteesta ei raportoida tälle palvelualueelle.',
  'issue.status.required': 'Valitse tila.',
  'issue.status.offScale': 'Valitse suunnitelman asteikon mukainen tila.',
  'issue.narrative.required': 'Kirjoita lyhyt kuvaus tilanteesta.',
  'issue.narrative.tooLong': 'Kirjoita enintään 8 000 merkkiä.',
  'issue.indicatorValue.notTaken': 'Tähän tavoitteeseen ei kirjata mittarin arvoa.',
  'issue.indicatorValue.negative': 'Mittarin arvo ei voi olla negatiivinen.',
  'issue.indicatorValue.outOfRange': 'Mittarin arvo on mittarille asetetun vaihteluvälin ulkopuolella.',
  'unknown.command': 'En ymmärtänyt. Kirjoita **ohje** nähdäksesi, mitä osaan.',
};

const sv: Catalog = {
  'welcome.title': 'Måluppföljningen är här',
  'welcome.body': 'Varje månad skickar jag en påminnelse i den här kanalen om utvecklingsgruppens mål som ska rapporteras, och ni kan rapportera direkt från kortet.',
  'welcome.choose': 'Vilken utvecklingsgrupp arbetar i den här kanalen?',
  'welcome.link': 'Koppla kanalen',
  'welcome.who': 'Endast administratörer och gruppens ägare kan koppla en kanal.',
  'welcome.noGroups': 'Inga utvecklingsgrupper har skapats ännu. En administratör lägger till dem i appens administrationsvy.',
  'linked.title': 'Kanalen är kopplad',
  'linked.body': 'Den här kanalen får nu månadspåminnelserna för {group}.',
  'personal.welcome.title': 'Hej {name}',
  'personal.welcome.titleNoName': 'Hej',
  'personal.welcome.body': 'Här skickar jag dig personliga påminnelser om dina mål. Skriv **hjälp** för att se vad jag kan göra.',
  'group.title': 'Uppföljningar att rapportera: {plan}',
  'group.subtitle': '{group} · period {period} · senast {due}',
  'group.none': 'Gruppen har inga mål att rapportera under den här perioden.',
  'group.last': 'Senast: {status} ({period})',
  'group.never': 'Ingen status rapporterad ännu',
  'group.done': 'Rapporterat av {name}, {at}: {status}',
  'group.update': 'Uppdatera',
  'group.refresh': 'Uppdatera kortet',
  'group.manualRefresh': 'Välj Uppdatera kortet för att se formulären.',
  'group.saved': 'Sparat: {goal} – {status}',
  'group.allDone': 'Alla mål för perioden är rapporterade. Tack!',
  'followUp.title': 'Ledningsgruppens begäranden',
  'followUp.asked': 'Ledningsgruppen bad {date}: {ask}, senast {due}',
  'followUp.overdue': 'Tidsfristen har gått ut',
  'followUp.markDone': 'Markera som klar',
  'followUp.marked': 'Markerad som klar: {ask}',
  'followUp.refused': 'Endast medlemmar i den utvecklingsgrupp som ombads kan markera begäran som klar.',
  'summary.title': 'Ledningsgruppens genomgång {date}: beslut',
  'summary.subtitle': '{plan} · period {period} · {count} beslut',
  'summary.groupTitle': 'Ledningsgruppens genomgång {date}: begärt av {group}',
  'summary.none': 'Inga beslut antecknades vid genomgången.',
  'summary.followUp': 'Begärt av {group}: {ask}, senast {due}',
  'summary.open': 'Öppna målet',
  'state.due': 'Ska rapporteras',
  'state.overdue': 'Försenad',
  'state.done': 'Klar',
  'state.upcoming': 'Kommande',
  'form.title': 'Uppföljning: {goal}',
  'form.unit': 'Serviceområde: {unit}',
  'form.status': 'Status',
  'form.statusError': 'Välj en status',
  'form.narrative': 'Hur går det?',
  'form.narrativeHint': 'En kort beskrivning av läget, vad som gjorts och vad som kommer härnäst',
  'form.narrativeError': 'Skriv en kort beskrivning av läget',
  'form.value': 'Mätarens värde',
  'form.valueUnit': 'Mätarens värde ({unit})',
  'form.valueHint': 'Det valda serviceområdets eget tal',
  'form.submit': 'Skicka',
  'form.cancel': 'Avbryt',
  'form.invalid': 'Kontrollera: {fields}',
  'form.unreadableGoal': 'Målet {goal} kan inte läsas i sin SharePoint-lista, så inget sparades: {fields}. Be en administratör rätta objektet.',
  'refusal.title': 'Du kan inte rapportera om det här målet',
  'refusal.body': 'Uppföljningar kan göras av målets ansvarspersoner, medlemmar i dess utvecklingsgrupp och administratörer. Om du borde vara en av dem, be gruppens ägare eller en administratör lägga till dig.',
  'refusal.link': 'Endast administratörer och gruppens ägare kan koppla en kanal till en utvecklingsgrupp.',
  'refusal.unknown': 'Kortet är föråldrat. Välj Uppdatera kortet för att hämta det aktuella.',
  'personal.title': 'Dina mål att rapportera för {period}',
  'personal.body': '{plan}: gör en uppföljning senast {due}.',
  'escalation.title': 'Försenade uppföljningar för {period}',
  'escalation.body': '{plan}: förfallodagen {due} har passerat och de här målen saknar ännu uppföljning.',
  'link.teams': 'Öppna i Teams',
  'link.browser': 'Öppna i webbläsaren',
  'digest.title': 'Ledningens sammandrag: {plan}, {period}',
  'digest.counts': 'Målens status',
  'digest.notReported': 'Inte rapporterat',
  'digest.overdue': 'Försenade ({count})',
  'digest.noOverdue': 'Inga försenade mål.',
  'digest.changes': 'Ändrat sedan {previous}',
  'digest.noChanges': 'Inga statusändringar sedan {previous}.',
  'digest.dashboard': 'Öppna översikten',
  'help.title': 'Vad jag kan göra',
  'help.body': 'Skriv **status** för att se dina mål som ska rapporteras under perioden.\n\nVarje månad skickar jag en påminnelse i din utvecklingsgrupps kanal, och du kan rapportera direkt från kortet.',
  'help.commands': 'Kommandon: hjälp, status',
  'status.title': 'Dina mål för perioden {period}',
  'status.none': 'Inget ska rapporteras av dig under perioden {period}.',
  'status.unknownUser': 'Jag hittar dig inte bland målens ansvarspersoner eller gruppmedlemmar.',
  'issue.period.outsidePlan': 'Perioden ligger utanför planen.',
  'issue.period.notReporting': 'Ingenting rapporteras för den här månaden.',
  'issue.period.future': 'Perioden är inte öppen för rapportering ännu.',
  'issue.unit.notReported': 'Målet rapporteras inte för det här serviceområdet.',
  'issue.status.required': 'Välj en status.',
  'issue.status.offScale': 'Välj en status på planens skala.',
  'issue.narrative.required': 'Skriv en kort beskrivning av läget.',
  'issue.narrative.tooLong': 'Skriv högst 8 000 tecken.',
  'issue.indicatorValue.notTaken': 'Det här målet har inget mätarvärde.',
  'issue.indicatorValue.negative': 'Mätarens värde kan inte vara negativt.',
  'issue.indicatorValue.outOfRange': 'Mätarens värde ligger utanför det intervall som angetts för mätaren.',
  'unknown.command': 'Jag förstod inte. Skriv **hjälp** för att se vad jag kan göra.',
};

const CATALOGS: Record<Locale, Catalog> = { fi, sv, en };

export function t(locale: Locale, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const template = CATALOGS[locale][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/**
 * The commands' words, by language (Finnish users write "ohje", Swedes "hjälp"). A word that is
 * one language's only ("ohje", "hjälp") also tells which language to answer in; "status" is both
 * Swedish and English, so it says nothing about the language.
 */
export const COMMAND_WORDS_BY_LOCALE: Record<Locale, { help: readonly string[]; status: readonly string[] }> = {
  fi: { help: ['ohje', 'ohjeet', 'apua', 'apu'], status: ['tila', 'tilanne'] },
  sv: { help: ['hjälp', 'hjalp'], status: ['status', 'läge', 'lage'] },
  en: { help: ['help'], status: ['status'] },
};

/** Every language's words for each command; "?" asks for help in any language. */
export const COMMAND_WORDS = {
  help: [...new Set(Object.values(COMMAND_WORDS_BY_LOCALE).flatMap((w) => w.help)), '?'],
  status: [...new Set(Object.values(COMMAND_WORDS_BY_LOCALE).flatMap((w) => w.status))],
} as const;

export type CommandWord = 'help' | 'status';

/**
 * What someone wrote as a command: which command (undefined when it is none), and the language
 * the word belongs to when it is only one language's. Case, Unicode form, an @mention of the bot
 * and punctuation around the word ("Ohje.", "hjälp!") do not matter.
 */
export function parseCommand(text: string | undefined): { command: CommandWord | undefined; locale: Locale | undefined } {
  const cleaned = (text ?? '')
    .replace(/<at>[^<]*<\/at>/g, '')
    .normalize('NFC')
    .trim()
    .toLowerCase();
  const first = cleaned.split(/\s+/)[0] ?? '';
  const word = first === '?' ? first : first.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const command: CommandWord | undefined = (COMMAND_WORDS.status as readonly string[]).includes(word)
    ? 'status'
    : (COMMAND_WORDS.help as readonly string[]).includes(word)
      ? 'help'
      : undefined;
  if (!command) return { command, locale: undefined };
  const locales = (Object.keys(COMMAND_WORDS_BY_LOCALE) as Locale[]).filter((l) => COMMAND_WORDS_BY_LOCALE[l][command].includes(word));
  return { command, locale: locales.length === 1 ? locales[0] : undefined };
}

/** The issue codes a card says in the user's language (docs/api.md); belowMin and aboveMax read as one. */
const ISSUE_KEYS: Record<string, MessageKey> = {
  'period.outsidePlan': 'issue.period.outsidePlan',
  'period.notReporting': 'issue.period.notReporting',
  'period.future': 'issue.period.future',
  'unit.notReported': 'issue.unit.notReported',
  'status.required': 'issue.status.required',
  'status.offScale': 'issue.status.offScale',
  'narrative.required': 'issue.narrative.required',
  'narrative.tooLong': 'issue.narrative.tooLong',
  'indicatorValue.notTaken': 'issue.indicatorValue.notTaken',
  'indicatorValue.negative': 'issue.indicatorValue.negative',
  'indicatorValue.belowMin': 'issue.indicatorValue.outOfRange',
  'indicatorValue.aboveMax': 'issue.indicatorValue.outOfRange',
};

/**
 * A refused field as a card says it: by its code in the user's language, never the server's
 * English; a code without a translation keeps the field and the English message. Not escaped.
 */
export function issueText(locale: Locale, issue: { path: string; code?: string | undefined; message: string }): string {
  const key = issue.code ? ISSUE_KEYS[issue.code] : undefined;
  return key ? t(locale, key) : `${issue.path}: ${issue.message}`;
}
