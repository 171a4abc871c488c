/**
 * User text (goal titles, narratives, names) goes into TextBlocks, which Teams renders as a
 * markdown subset. Escaping keeps that text literal: no injected links (`[x](url)`), emphasis,
 * lists, headings, HTML-ish tags or `<at>` mentions. Adaptive Cards has no "plain text" switch on
 * TextBlock, so this is the only defence; every builder runs user text through `esc`.
 */
const MARKDOWN_SPECIALS = /[\\`*_~[\]()<>#|{}!]/g;

export function esc(text: string | undefined | null): string {
  if (!text) return '';
  return (
    text
      // Mentions are `<at>name</at>` in Teams; the angle brackets are escaped below, and a bare
      // "@name" is broken with a zero-width joiner so a client never links it as a mention.
      .replace(MARKDOWN_SPECIALS, (c) => `\\${c}`)
      .replace(/@(?=\S)/g, '@\u200b')
      // A line starting with "1. " or "- " or "+ " would become a list.
      .replace(/^(\s*)(\d+)\.(\s)/gm, '$1$2\\.$3')
      .replace(/^(\s*)([-+])(\s)/gm, '$1\\$2$3')
      // Autolinked bare URLs still open in a browser; break the scheme so they stay text.
      .replace(/\b(https?|ftp|mailto|tel):/gi, '$1\u200b:')
  );
}

/** Shortens long user text for compact card lines, on a word boundary, before escaping. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
