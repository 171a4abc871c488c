/**
 * "Poista" under the editor of a theme, goal, development group or service area created by
 * mistake. The confirmation names everything that goes (a theme takes its sub-themes and every
 * goal under them, domain/life-cycle.ts `themeDeletion`); the server refuses anything with history
 * (409), and the dialog then says which check-ins keep it and that the plan is archived instead.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, mergeClasses, MessageBar, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { Delete20Regular } from '@fluentui/react-icons';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { themeDeletion, type DeletableKind } from '../../../../domain/life-cycle';
import { paths } from '../../../routing/paths';
import { useNavigate } from '../../../routing/router';
import { useSurfaceStyles } from '../../../components/surface';
import { useServices, type Board } from '../../../data';
import { useText } from '../../../i18n/locale';
import { deleteEntity, deletionBlock } from './commands';
import { useCommandErrorText } from './error-text';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalM },
  h2: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, maxHeight: '12rem', overflowY: 'auto' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** What the admin is about to delete, from the board they see: its name and, for a theme, what it takes along. */
function useWhatGoes(kind: DeletableKind, key: string, board: Board) {
  const text = useText();
  if (kind === 'themes') {
    const goes = themeDeletion(key, board.themes, board.goals);
    return {
      name: `${board.theme(key)?.code ?? ''} ${text(board.theme(key)?.title)}`.trim(),
      subThemes: goes.themes.filter((k) => k !== key).map((k) => `${board.theme(k)?.code ?? ''} ${text(board.theme(k)?.title)}`.trim()),
      goals: goes.goals.map((k) => board.goal(k)).map((g) => (g ? `${g.code} ${g.title}` : '')),
    };
  }
  const name = kind === 'goals' ? `${board.goal(key)?.code ?? ''} ${board.goal(key)?.title ?? ''}`.trim() : kind === 'groups' ? text(board.group(key)?.name) : text(board.unit(key)?.name);
  return { name: name || key, subThemes: [] as string[], goals: [] as string[] };
}

export function DeleteEntity({ kind, entityKey, etag, board }: { kind: DeletableKind; entityKey: string; etag: string; board: Board }) {
  const styles = useStyles();
  const surface = useSurfaceStyles();
  const { t } = useTranslation('adminPlan');
  const services = useServices();
  const qc = useQueryClient();
  const go = useNavigate();
  const errorText = useCommandErrorText();
  const what = useWhatGoes(kind, entityKey, board);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const block = deletionBlock(error);
  // An archived plan's themes and goals are read-only: nothing of it is deleted.
  const readOnly = !!board.plan.archivedAt && (kind === 'themes' || kind === 'goals');

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await deleteEntity(services, kind, entityKey, etag);
      setOpen(false);
      services.reads.forceFullBoard(); // a plan, theme, group or unit changed: a delta read would miss it
      await qc.invalidateQueries();
      go(paths.admin({ rest: kind }, { plan: board.plan.key }), { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const refusal = block
    ? block.reason === 'history'
      ? t('delete.history', { count: block.checkIns, reviews: t('delete.reviewCount', { count: block.reviews }), goals: block.goals.join(', ') })
      : t('delete.inUse', { goals: block.goals.join(', ') || '–', plans: block.plans.join(', ') || '–' })
    : error !== undefined
      ? errorText(error)
      : undefined;

  return (
    <section className={mergeClasses(surface.card, styles.card)} aria-labelledby="admin-delete">
      <h2 id="admin-delete" className={styles.h2}>
        {t(`delete.title.${kind}`)}
      </h2>
      <Text>{readOnly ? t('archived.readOnly') : t(`delete.body.${kind}`)}</Text>
      <div>
        <Button icon={<Delete20Regular />} disabled={readOnly} onClick={() => (setError(undefined), setOpen(true))}>
          {t('delete.action')}
        </Button>
      </div>
      <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t(`delete.confirmTitle.${kind}`, { name: what.name })}</DialogTitle>
            <DialogContent className={styles.content}>
              <Text>{kind === 'themes' ? t('delete.themeTakes', { count: what.goals.length, themes: t('delete.subThemeCount', { count: what.subThemes.length }) }) : t(`delete.confirmBody.${kind}`)}</Text>
              {what.subThemes.length > 0 ? (
                <>
                  <Text weight="semibold">{t('delete.subThemes')}</Text>
                  <ul className={styles.list}>
                    {what.subThemes.map((s) => (
                      <li key={s}>{s}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              {what.goals.length > 0 ? (
                <>
                  <Text weight="semibold">{t('delete.goals')}</Text>
                  <ul className={styles.list}>
                    {what.goals.map((g) => (
                      <li key={g}>{g}</li>
                    ))}
                  </ul>
                </>
              ) : null}
              <Text>{t('delete.onlyWithoutHistory')}</Text>
              {refusal ? (
                <MessageBar intent="error" role="alert" layout="multiline">
                  <MessageBarBody>{refusal}</MessageBarBody>
                </MessageBar>
              ) : null}
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" icon={<Delete20Regular />} disabled={busy || !!block} onClick={() => void confirm()}>
                {t('delete.confirm')}
              </Button>
              <Button onClick={() => setOpen(false)}>{t('delete.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
