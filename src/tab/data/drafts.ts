/**
 * Check-in drafts in IndexedDB (idb-keyval), one per user × goal × unit × period, so a
 * half-written narrative survives a reload, a closed tab or a crashed Teams client until it is
 * submitted. Each draft carries its submission id from the start: submitting it twice (double
 * click, retry after a lost answer) can never create two check-ins. Shared tab code: the check-in
 * form writes drafts, My goals shows which goals have one (`useDrafts`).
 */
import { createStore, del, entries, get, set, type UseStore } from 'idb-keyval';
import { useEffect, useState } from 'react';

export interface Draft {
  status?: number;
  narrative: string;
  /** As typed (locale decimal comma allowed); parsed on submit. */
  indicatorValue: string;
  submissionId: string;
  /** The language the narrative is written in, when the writer chose one (else the UI's). */
  language?: 'fi' | 'sv' | 'en';
  /** ISO instant of the last save. */
  savedAt?: string;
}

let store: UseStore | undefined;
const db = () => (store ??= createStore('tavoitteet-drafts', 'drafts'));

export function draftKey(userId: string, goalKey: string, unit: string | undefined, period: string): string {
  return ['v1', userId, goalKey, unit ?? '*', period].join('|');
}

/** Where a stored draft belongs: its goal, unit (undefined: the goal as a whole) and period. */
export interface DraftSlot {
  goalKey: string;
  unit: string | undefined;
  period: string;
  savedAt?: string;
}

const changed = new Set<() => void>();
const notify = () => changed.forEach((l) => l());

/** The user's drafts that hold something, newest first. */
export async function listDrafts(userId: string): Promise<DraftSlot[]> {
  try {
    const all = await entries<IDBValidKey, Draft>(db());
    const out: DraftSlot[] = [];
    for (const [key, d] of all) {
      const parts = typeof key === 'string' ? key.split('|') : [];
      if (parts.length !== 5 || parts[0] !== 'v1' || parts[1] !== userId || !d || typeof d.narrative !== 'string' || !hasContent(d)) continue;
      out.push({ goalKey: parts[2] as string, unit: parts[3] === '*' ? undefined : parts[3], period: parts[4] as string, ...(d.savedAt ? { savedAt: d.savedAt } : {}) });
    }
    return out.sort((a, b) => (b.savedAt ?? '').localeCompare(a.savedAt ?? ''));
  } catch {
    return [];
  }
}

/** The user's drafts, kept current as drafts are saved and deleted in this page. */
export function useDrafts(userId: string | undefined): DraftSlot[] | undefined {
  const [drafts, setDrafts] = useState<DraftSlot[] | undefined>(undefined);
  useEffect(() => {
    if (!userId) return;
    let live = true;
    const load = () => void listDrafts(userId).then((d) => live && setDrafts(d));
    load();
    changed.add(load);
    return () => {
      live = false;
      changed.delete(load);
    };
  }, [userId]);
  return drafts;
}

export function newSubmissionId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return `tab-${c.randomUUID()}`;
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return `tab-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

export function emptyDraft(): Draft {
  return { narrative: '', indicatorValue: '', submissionId: newSubmissionId() };
}

export async function loadDraft(key: string): Promise<Draft | undefined> {
  try {
    const d = await get<Draft>(key, db());
    return d && typeof d.submissionId === 'string' && typeof d.narrative === 'string' ? d : undefined;
  } catch {
    return undefined; // private mode or blocked storage: start empty, the form still works
  }
}

export async function saveDraft(key: string, draft: Draft): Promise<boolean> {
  try {
    await set(key, draft, db());
    notify();
    return true;
  } catch {
    return false;
  }
}

export async function deleteDraft(key: string): Promise<void> {
  try {
    await del(key, db());
    notify();
  } catch {
    // nothing stored
  }
}

/** Whether a draft holds anything worth keeping. */
export function hasContent(d: Draft): boolean {
  return d.status !== undefined || d.narrative.trim() !== '' || d.indicatorValue.trim() !== '';
}
