/**
 * The editor's "saved" / "created" confirmation, shown beside the Save button (where the admin is
 * looking, not at the top of a long form) and scrolled into view when it appears; announced as a status.
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorNotice } from '../hooks/use-entity-editor';

export function SaveNotice({ notice, name }: { notice: EditorNotice | null; name: string }) {
  const { t } = useTranslation('admin');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [notice]);
  return (
    <div ref={ref} role="status">
      {notice ? (
        <MessageBar intent={notice === 'saved' || notice === 'created' ? 'success' : 'info'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t(`notice.${notice}.title`)}</MessageBarTitle>
            {t(`notice.${notice}.body`, { name })}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
