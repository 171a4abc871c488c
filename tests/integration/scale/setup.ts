import type { Role } from '../../../src/domain';

/** Leaders beyond the demo's, each with a personal chat: one digest each, so a pass sends enough to meet the per-app limit. */
export function scaleLeaders(n: number): { id: string; upn: string; name: string; roles: Role[] }[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`;
    return { id, upn: `johtaja${i + 1}@jarvenranta.example`, name: `Johtaja ${i + 1}`, roles: ['leader'] };
  });
}
