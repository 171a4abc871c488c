/**
 * "Raportti / Rapport": the button that opens the board report's dialog (`report-dialog.tsx`),
 * shown to leaders and admins (the server decides again). The dialog, with its radios and
 * progress bar, is a part of its own: loaded when the pointer or focus comes to the button, so the
 * dashboard's first view does not carry it.
 */
import { Button } from '@fluentui/react-components';
import { DocumentArrowDown20Regular } from '@fluentui/react-icons';
import { lazy, Suspense, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canExportReport } from '../../../../domain/report-rules';
import { useMe } from '../../../data';
import type { ReportQuery } from '../api/download-report';

const loadDialog = () => import('./report-dialog');
const ReportDialog = lazy(() => loadDialog().then((m) => ({ default: m.ReportDialog })));

export interface ReportDownloadProps {
  /** The dashboard's plan, period and filters. */
  query: Omit<ReportQuery, 'format' | 'lang'>;
}

export function ReportDownload({ query }: ReportDownloadProps) {
  const { t } = useTranslation('report');
  const me = useMe();
  const [open, setOpen] = useState(false);
  const [asked, setAsked] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (!me.data || !canExportReport(me.data)) return null;
  const preload = () => void loadDialog().catch(() => undefined); // a failed load is retried on open
  return (
    <>
      <Button
        ref={button}
        icon={<DocumentArrowDown20Regular />}
        aria-haspopup="dialog"
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => {
          setAsked(true);
          setOpen(true);
        }}
      >
        {t('action')}
      </Button>
      {asked ? (
        <Suspense fallback={null}>
          <ReportDialog
            query={query}
            open={open}
            onClose={() => {
              setOpen(false);
              button.current?.focus(); // the dialog has no trigger inside it to return focus to
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
