/**
 * Admin (`/admin/<plans|themes|goals|groups|units>/<key|new>?plan=`): set up plans, themes,
 * goals, development groups and service areas through the command API. Each edit is sent with
 * the version it started from (If-Match); when someone else saved first, both versions show side
 * by side and the admin chooses. Only admins reach this view (the shell checks the role; the
 * server checks every write).
 */
import { Button, Link, makeStyles, mergeClasses, MessageBar, MessageBarBody, Select, Field, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { Add20Regular, Save20Regular, ShieldLock24Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultPlan, helsinkiDate } from '../../../domain/periods';
import { isAdmin } from '../../../domain/policy';
import { orderThemes } from '../../../domain/theme';
import { compareCodes } from '../../../domain/goal';
import { paths } from '../../routing/paths';
import { useLinkProps, useNavigate, useRoute } from '../../routing/router';
import { InLanguage, useGoalText, type TextInLanguage } from '../../components/in-language';
import { BackLink, Page } from '../../components/page';
import { EmptyState, ErrorState, LoadingCards, refetchAll } from '../../components/states';
import { useSurfaceStyles } from '../../components/surface';
import { useBoard, useMe, useNow, usePeopleSearch, usePlans, type Board, type EntityKind, type EntityOfKind } from '../../data';
import { useLocale, useText } from '../../i18n/locale';
import { ConflictView } from './components/conflict-view';
import { GoalForm, GroupForm, PlanForm, ThemeForm, UnitForm } from './components/entity-forms';
import { SaveNotice } from './components/save-notice';
import { UnsavedChangesGuard } from './components/unsaved-changes';
import { useEntityEditor } from './hooks/use-entity-editor';
import { ImportLink, ImportView, isImportPath } from './import/import-view';
import { isTranslationsPath, TranslationsLink, TranslationsView } from './translations/translations-view';
import { DeleteEntity } from './life-cycle/delete-entity';
import { PlanLifeCycle } from './life-cycle/plan-life-cycle';
import { blankGoal, blankGroup, blankPlan, blankTheme, blankUnit, KINDS, knownPeople } from './model';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', justifyContent: 'space-between', gap: tokens.spacingHorizontalL },
  card: { gap: tokens.spacingVerticalL },
  listHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    '& th, & td': { textAlign: 'left', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top', overflowWrap: 'anywhere' },
    '& thead th': { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  },
  caption: { position: 'absolute', width: '1px', height: '1px', margin: '-1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 },
  // Long keys break at 400 px instead of pushing the table (and the page) wider than the phone.
  keyCell: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap', '@media (max-width: 600px)': { whiteSpace: 'normal', overflowWrap: 'anywhere' } },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  planSelect: { minWidth: 'min(100%, 18rem)', maxWidth: '100%', '& .fui-Select, & select': { width: '100%', minWidth: 0 } },
  // Five tabs are wider than a phone: they wrap onto a second line instead of widening the page.
  tabs: { flexWrap: 'wrap', maxWidth: '100%' },
  rowHead: { fontWeight: tokens.fontWeightRegular },
});

type Target = { kind: EntityKind; key: string | undefined };

/** The part after `/admin/`: `goals/G-1` → goals, G-1; `goals/new` → a new goal; `` → the plans list. */
export function parseAdminPath(rest: string): Target {
  const [kind, key] = rest.split('/').map(decodeURIComponent);
  const k = (KINDS as readonly string[]).includes(kind ?? '') ? (kind as EntityKind) : 'plans';
  return { kind: k, key: key || undefined };
}

const adminPath = (kind: EntityKind, key?: string, plan?: string) => paths.admin({ rest: key ? `${kind}/${encodeURIComponent(key)}` : kind }, { plan });

function EditLink({ to, label, lang }: { to: string; label: string; lang?: string }) {
  const link = useLinkProps(to);
  return (
    <Link {...link} lang={lang}>
      {label}
    </Link>
  );
}

/** A catalog text with a name in it, the name marked with its own language when it is not the page's (a Finnish goal title in Swedish). */
function WithName({ template, name }: { template: (name: string) => string; name: TextInLanguage }) {
  const marker = '\u0001';
  const [before = '', after = ''] = template(marker).split(marker);
  return (
    <>
      {before}
      <InLanguage value={name} />
      {after}
    </>
  );
}

function NewButton({ to, label }: { to: string; label: string }) {
  const link = useLinkProps(to);
  return (
    <Button as="a" appearance="primary" icon={<Add20Regular />} {...link}>
      {label}
    </Button>
  );
}

function EntityList({ kind, board, planKeys }: { kind: EntityKind; board: Board; planKeys: { key: string; title: string }[] }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('admin');
  const text = useText();
  const goalText = useGoalText();
  const { locale } = useLocale();
  const plan = board.plan.key;
  const rows: { key: string; code?: string; name: string; nameLang?: string; extra?: string }[] =
    kind === 'plans'
      ? planKeys.map((p) => ({ key: p.key, name: p.title }))
      : kind === 'themes'
        ? orderThemes(board.themes).map((x) => ({ key: x.key, code: x.code, name: text(x.title), extra: x.parentKey ? text(board.theme(x.parentKey)?.title) : '' }))
        : kind === 'goals'
          ? [...board.goals]
              .sort((a, b) => compareCodes(a.code, b.code))
              .map((g) => {
                // The reader's language; a Finnish fallback says it is Finnish (lang="fi"), as on the other views.
                const shown = goalText(g);
                return { key: g.key, code: g.code, name: shown.text, nameLang: shown.lang !== locale ? shown.lang : undefined, extra: text(board.theme(g.themeKey)?.title) };
              })
          : kind === 'groups'
            ? board.groups.map((g) => ({ key: g.key, name: text(g.name), extra: t('group.count', { count: g.members.length }) }))
            : board.units.map((u) => ({ key: u.key, name: text(u.name) }));
  const showCode = kind === 'themes' || kind === 'goals';
  const showExtra = kind === 'themes' || kind === 'goals' || kind === 'groups';
  return (
    <section className={mergeClasses(surface.card, styles.card)} aria-labelledby="admin-list">
      <div className={styles.listHead}>
        <h2 id="admin-list" className={styles.h2}>
          {t(`list.${kind}`)}
        </h2>
        <div className={styles.actions}>
          {kind === 'plans' || kind === 'goals' ? <ImportLink plan={plan} /> : null}
          {kind === 'goals' ? <TranslationsLink plan={plan} goals={board.goals} /> : null}
          <NewButton to={adminPath(kind, 'new', plan)} label={t(`new.${kind}`)} />
        </div>
      </div>
      {rows.length === 0 ? (
        <EmptyState title={t('list.empty')}>{t(`list.emptyBody.${kind}`)}</EmptyState>
      ) : (
        <table className={styles.table}>
          <caption className={styles.caption}>{t(`list.${kind}`)}</caption>
          <thead>
            <tr>
              {showCode ? <th scope="col">{t('field.code')}</th> : null}
              <th scope="col">{t(kind === 'goals' || kind === 'themes' || kind === 'plans' ? 'field.title' : 'field.name')}</th>
              {showExtra ? <th scope="col">{t(`list.extra.${kind}`)}</th> : null}
              <th scope="col">{t('field.key')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                {showCode ? <td>{r.code}</td> : null}
                <th scope="row" className={styles.rowHead}>
                  <EditLink to={adminPath(kind, r.key, kind === 'plans' ? r.key : plan)} label={r.name || r.key} lang={r.name ? r.nameLang : undefined} />
                </th>
                {showExtra ? <td>{r.extra}</td> : null}
                <td className={styles.keyCell}>{r.key}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Editor<K extends EntityKind>({ kind, initial, etag, board }: { kind: K; initial: EntityOfKind[K]; etag: string | undefined; board: Board }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('admin');
  const { t: tPlan } = useTranslation('adminPlan');
  const text = useText();
  const goalText = useGoalText();
  const go = useNavigate();
  const ed = useEntityEditor(kind, initial, etag);
  const conflictRef = useRef<HTMLDivElement>(null);
  const people = useMemo(() => knownPeople(board.groups, board.goals), [board.groups, board.goals]);
  const wasNew = useRef(etag === undefined);

  useEffect(() => {
    if (ed.conflict) conflictRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [ed.conflict]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const ok = await ed.submit();
    if (!ok) {
      // Take the keyboard to the first field that needs attention.
      window.setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
      return;
    }
    if (wasNew.current) go(adminPath(kind, ed.draft.key, kind === 'plans' ? ed.draft.key : board.plan.key), { replace: true });
  };

  const common = { messages: ed.messages, isNew: ed.isNew };
  // An archived plan is read-only (the server refuses its edits): say so instead of letting a save fail.
  const readOnly = !!board.plan.archivedAt && (kind === 'plans' || kind === 'themes' || kind === 'goals');
  const form = (() => {
    switch (kind) {
      case 'plans':
        return <PlanForm value={ed.draft as EntityOfKind['plans']} onChange={(v) => ed.update(v as EntityOfKind[K])} units={board.units} {...common} />;
      case 'themes':
        return <ThemeForm value={ed.draft as EntityOfKind['themes']} onChange={(v) => ed.update(v as EntityOfKind[K])} themes={board.themes} {...common} />;
      case 'goals':
        return (
          <GoalForm
            value={ed.draft as EntityOfKind['goals']}
            onChange={(v) => ed.update(v as EntityOfKind[K])}
            themes={board.themes}
            groups={board.groups}
            planUnits={board.plan.units}
            units={board.units}
            people={people}
            useDirectory={usePeopleSearch}
            {...common}
          />
        );
      case 'groups':
        return <GroupForm value={ed.draft as EntityOfKind['groups']} onChange={(v) => ed.update(v as EntityOfKind[K])} people={people} useDirectory={usePeopleSearch} {...common} />;
      default:
        return <UnitForm value={ed.draft as EntityOfKind['units']} onChange={(v) => ed.update(v as EntityOfKind[K])} {...common} />;
    }
  })();

  const name =
    kind === 'goals'
      ? (ed.base as EntityOfKind['goals']).title
      : kind === 'plans' || kind === 'themes'
        ? text((ed.base as EntityOfKind['plans']).title)
        : text((ed.base as EntityOfKind['groups']).name);

  return (
    <>
      {ed.conflict ? (
        <div ref={conflictRef}>
          <ConflictView base={ed.base} mine={ed.draft} theirs={ed.conflict.theirs} onTakeTheirs={ed.takeTheirs} onReapply={ed.reapplyMine} />
        </div>
      ) : null}
      <form className={mergeClasses(surface.card, styles.card)} onSubmit={(e) => void submit(e)} noValidate aria-labelledby="admin-editor">
        <h2 id="admin-editor" className={styles.h2}>
          {ed.isNew ? (
            t(`new.${kind}`)
          ) : kind === 'goals' && name ? (
            <WithName template={(n) => t(`edit.${kind}`, { name: n })} name={goalText(ed.base as EntityOfKind['goals'])} />
          ) : (
            t(`edit.${kind}`, { name: name || ed.draft.key })
          )}
        </h2>
        {readOnly ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{tPlan('archived.readOnly')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {Object.keys(ed.messages).length > 0 ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{t('validation.summary', { count: Object.keys(ed.messages).length })}</MessageBarBody>
          </MessageBar>
        ) : null}
        {form}
        {ed.failure ? <ErrorState error={ed.failure} title={t('saveFailed')} /> : null}
        <SaveNotice notice={ed.notice} name={name || ed.draft.key} />
        <UnsavedChangesGuard when={ed.dirty && !ed.saving} />
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" icon={<Save20Regular />} disabled={ed.saving || !!ed.conflict || readOnly}>
            {ed.saving ? t('saving') : t('save')}
          </Button>
          {ed.conflict ? <Text>{t('conflict.chooseFirst')}</Text> : null}
        </div>
      </form>
    </>
  );
}

function AdminBody({ board, target, planOptions }: { board: Board; target: Target; planOptions: { key: string; title: string }[] }) {
  const { t } = useTranslation('admin');
  const now = useNow();
  const { kind, key } = target;
  if (!key) return <EntityList kind={kind} board={board} planKeys={planOptions} />;
  const isNew = key === 'new';
  const v = board.versions;
  const found = (() => {
    if (isNew) return undefined;
    switch (kind) {
      case 'plans':
        return v.plan.value.key === key ? v.plan : undefined;
      case 'themes':
        return v.themes.find((x) => x.value.key === key);
      case 'goals':
        return v.goals.find((x) => x.value.key === key);
      case 'groups':
        return v.groups.find((x) => x.value.key === key);
      default:
        return v.units.find((x) => x.value.key === key);
    }
  })();
  if (!isNew && !found) {
    return (
      <EmptyState title={t('notFound.title')}>
        {t('notFound.body', { key })}
      </EmptyState>
    );
  }
  const today = helsinkiDate(now);
  const firstTheme = orderThemes(board.themes)[0]?.key ?? '';
  const blank = {
    plans: () => blankPlan(today),
    themes: () => blankTheme(board.plan.key, Math.max(0, ...board.themes.map((x) => x.order)) + 1),
    goals: () => blankGoal(board.plan.key, firstTheme),
    groups: () => blankGroup(),
    units: () => blankUnit(Math.max(0, ...board.units.map((u) => u.order)) + 1),
  }[kind];
  const initial = (found ? structuredClone(found.value) : blank()) as EntityOfKind[typeof kind];
  const editor = <Editor key={`${kind}/${key}`} kind={kind} initial={initial} etag={found?.etag} board={board} />;
  if (!found) return editor;
  return (
    <>
      {editor}
      {kind === 'plans' ? (
        <PlanLifeCycle key={`${key}/${found.etag}`} plan={found.value as EntityOfKind['plans']} etag={found.etag} />
      ) : (
        <DeleteEntity kind={kind} entityKey={key} etag={found.etag} board={board} />
      )}
    </>
  );
}

export default function AdminView() {
  const styles = useStyles();
  const { t } = useTranslation('admin');
  const text = useText();
  const route = useRoute();
  const go = useNavigate();
  const now = useNow();
  const me = useMe();
  const plans = usePlans();
  const target = parseAdminPath(route.params.rest ?? '');
  const today = helsinkiDate(now);
  const wanted = route.query.get('plan') ?? (target.kind === 'plans' && target.key && target.key !== 'new' ? target.key : undefined);
  const plan = plans.data?.find((p) => p.key === wanted) ?? defaultPlan(plans.data ?? [], today);
  const board = useBoard(plan?.key);
  const planOptions = useMemo(() => (plans.data ?? []).map((p) => ({ key: p.key, title: text(p.title) })), [plans.data, text]);

  if (me.data && !isAdmin(me.data)) {
    return (
      <Page title={t('title')} narrow>
        <EmptyState icon={<ShieldLock24Regular />} title={t('noAccess.title')}>
          {t('noAccess.body')}
        </EmptyState>
      </Page>
    );
  }
  if (isImportPath(route.params.rest)) return <ImportView plans={planOptions} {...(plan ? { plan: plan.key } : {})} />;
  if (isTranslationsPath(route.params.rest)) return <TranslationsView plans={planOptions} {...(plan ? { plan: plan.key } : {})} />;
  const error = me.error ?? plans.error ?? board.error;
  return (
    <Page
      title={t('title')}
      subtitle={t('subtitle')}
      back={target.key ? <BackLink to={adminPath(target.kind, undefined, plan?.key)}>{t(`back.${target.kind}`)}</BackLink> : undefined}
    >
      <div className={styles.bar}>
        <TabList className={styles.tabs} selectedValue={target.kind} onTabSelect={(_, d) => go(adminPath(d.value as EntityKind, undefined, plan?.key))} aria-label={t('tabs.label')}>
          {KINDS.map((k) => (
            <Tab key={k} value={k}>
              {t(`tabs.${k}`)}
            </Tab>
          ))}
        </TabList>
        {plans.data && plans.data.length > 0 && target.kind !== 'plans' && target.kind !== 'groups' && target.kind !== 'units' ? (
          <Field label={t('planPicker')} className={styles.planSelect}>
            <Select value={plan?.key ?? ''} onChange={(_, d) => go(adminPath(target.kind, undefined, d.value))}>
              {planOptions.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.title}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </div>
      {error ? (
        <ErrorState
          error={error}
          onRetry={refetchAll(me, plans, board)}
        />
      ) : !plans.data || !me.data ? (
        <LoadingCards count={3} label={t('loading')} />
      ) : plans.data.length === 0 || !plan ? (
        target.kind === 'plans' && target.key === 'new' ? (
          <NoPlanYet />
        ) : (
          <EmptyState title={t('noPlans.title')} action={<NewButton to={adminPath('plans', 'new')} label={t('new.plans')} />}>
            {t('noPlans.body')}
          </EmptyState>
        )
      ) : !board.data ? (
        <LoadingCards count={3} label={t('loading')} />
      ) : (
        <AdminBody board={board.data} target={target} planOptions={planOptions} />
      )}
    </Page>
  );
}

/** The very first plan: there is no board to take units from yet, so units are added afterwards. */
function NoPlanYet() {
  const { t } = useTranslation('admin');
  return <EmptyState title={t('noPlans.first')}>{t('noPlans.firstBody')}</EmptyState>;
}
