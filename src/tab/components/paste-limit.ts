/**
 * A text box with a length limit cuts a longer paste silently (the browser's `maxLength`). This says
 * how much of a paste will not fit, so the box can tell the person at once instead.
 */
import type { ClipboardEvent } from 'react';

/** Characters of the paste that the box's limit will cut off (0 when it all fits). */
export function charactersCutByPaste(e: ClipboardEvent<HTMLTextAreaElement | HTMLInputElement>, max: number): number {
  const el = e.currentTarget;
  const pasted = e.clipboardData.getData('text/plain');
  const selected = Math.max(0, (el.selectionEnd ?? el.value.length) - (el.selectionStart ?? el.value.length));
  const room = Math.max(0, max - (el.value.length - selected));
  return Math.max(0, pasted.length - room);
}
