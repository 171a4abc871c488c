/**
 * Check-in drafts in IndexedDB (idb-keyval), one per user × goal × unit × period, so a
 * half-written narrative survives a reload, a closed tab or a crashed Teams client until it is
 * submitted. Each draft carries its submission id from the start: submitting it twice (double
 * click, retry after a lost answer) can never create two check-ins.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

export interface Draft {
  status?: number;
  narrative: string;
  /** As typed (locale decimal comma allowed); parsed on submit. */
  indicatorValue: string;
  submissionId: string;
  /** ISO instant of the last save. */
  savedAt?: string;
}

let store: UseStore | undefined;
const db = () => (store ??= createStore('tavoitteet-drafts', 'drafts'));

export function draftKey(userId: string, goalKey: string, unit: string | undefined, period: string): string {
  return ['v1', userId, goalKey, unit ?? '*', period].join('|');
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
    return true;
  } catch {
    return false;
  }
}

export async function deleteDraft(key: string): Promise<void> {
  try {
    await del(key, db());
  } catch {
    // nothing stored
  }
}

/** Whether a draft holds anything worth keeping. */
export function hasContent(d: Draft): boolean {
  return d.status !== undefined || d.narrative.trim() !== '' || d.indicatorValue.trim() !== '';
}
