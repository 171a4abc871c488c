import type { Theme } from './schemas/theme';

/** Hierarchical grouping inside a plan: strategic theme → focus area, or part → action package. */
export type { Theme };

/** Themes in reading order: each parent followed by its children, siblings by `order`. */
export function orderThemes(themes: readonly Theme[]): Theme[] {
  const byParent = new Map<string | undefined, Theme[]>();
  for (const t of themes) {
    const list = byParent.get(t.parentKey) ?? [];
    list.push(t);
    byParent.set(t.parentKey, list);
  }
  const keys = new Set(themes.map((t) => t.key));
  const out: Theme[] = [];
  const visit = (parent: string | undefined) => {
    const children = (byParent.get(parent) ?? []).sort((a, b) => a.order - b.order || a.code.localeCompare(b.code));
    for (const c of children) {
      out.push(c);
      visit(c.key);
    }
  };
  visit(undefined);
  // Orphans (parent missing, e.g. a hand-edited list) still show, after the tree, with their own children.
  for (const t of themes) {
    if (t.parentKey && !keys.has(t.parentKey) && !out.includes(t)) {
      out.push(t);
      visit(t.key);
    }
  }
  // Themes in a parent cycle (also hand-edited) are reachable from no root; show them rather than lose them.
  for (const t of themes) if (!out.includes(t)) out.push(t);
  return out;
}
