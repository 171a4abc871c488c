import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The dependency direction of docs/architecture.md is a lint rule; these cases prove each part of
 * it bites: a probe file is linted as if it sat at the given path.
 */
const eslint = new ESLint({ cwd: process.cwd() });
const RULES = ['boundaries/dependencies', 'no-restricted-imports', 'import-x/no-cycle'];

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && RULES.includes(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('architecture boundaries', () => {
  it.each([
    ['src/domain/probe.ts', "import { listen } from '../server';\nexport const x = listen;\n"],
    ['src/domain/probe.ts', "import express from 'express';\nexport const x = express;\n"],
    ['src/ports/probe.ts', "import { submitCheckIn } from '../commands';\nexport const x = submitCheckIn;\n"],
    ['src/commands/probe.ts', "import { createGraphRepository } from '../graph';\nexport const x = createGraphRepository;\n"],
    ['src/graph/probe.ts', "import { submitCheckIn } from '../commands';\nexport const x = submitCheckIn;\n"],
    ['src/graph/probe.ts', "import { apiRouter } from '../server/routes/api';\nexport const x = apiRouter;\n"],
    ['src/tab/probe.ts', "import { submitCheckIn } from '../commands';\nexport const x = submitCheckIn;\n"],
    ['src/tab/probe.ts', "import { listen } from '../server';\nexport const x = listen;\n"],
    ['src/server/probe.ts', "import { createEmulator } from '../emulator';\nexport const x = createEmulator;\n"],
    ['src/server/probe.ts', "import { buildDemoDataset } from '../demo';\nexport const x = buildDemoDataset;\n"],
    // The bot stands on its own interface: neither the server's types nor the Graph adapter.
    ['src/bot/probe.ts', "import type { Config } from '../server/config';\nexport type X = Config;\n"],
    ['src/bot/probe.ts', "import { createLogger } from '../server/logger';\nexport const x = createLogger;\n"],
    ['src/bot/probe.ts', "import { createGraphRepository } from '../graph';\nexport const x = createGraphRepository;\n"],
    // A tab feature never reaches into another feature, nor into the shell that composes them.
    ['src/tab/features/dashboard/probe.ts', "import { GoalCard } from '../my-goals/goal-card';\nexport const x = GoalCard;\n"],
    ['src/tab/features/goal/probe.ts', "import * as admin from '../admin/model';\nexport const x = admin;\n"],
    ['src/tab/features/goal/probe.ts', "import * as app from '../../app/app';\nexport const x = app;\n"],
    ['src/tab/components/probe.ts', "import * as dashboard from '../features/dashboard/model';\nexport const x = dashboard;\n"],
  ])('refuses %s importing across the boundary (%#)', async (file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  }, 60_000);

  it.each([
    ['src/commands/probe.ts', "import { canCheckIn } from '../domain';\nexport const x = canCheckIn;\n"],
    ['src/commands/probe.ts', "import type { Repository } from '../ports';\nexport type X = Repository;\n"],
    ['src/server/probe.ts', "import { submitCheckIn } from '../commands';\nexport const x = submitCheckIn;\n"],
    ['src/bot/probe.ts', "import { submitCheckIn } from '../commands';\nexport const x = submitCheckIn;\n"],
    ['src/bot/probe.ts', "import type { BoardReader, Logger } from '../ports';\nexport type X = [BoardReader, Logger];\n"],
    ['src/tab/probe.ts', "import { createBoardReader } from '../graph';\nexport const x = createBoardReader;\n"],
    ['src/tab/features/dashboard/probe.ts', "import * as model from './model';\nexport const x = model;\n"],
    ['src/tab/features/dashboard/probe.ts', "import { StatusChip } from '../../components/status-chip';\nexport const x = StatusChip;\n"],
  ])('allows %s importing along the dependency direction (%#)', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  }, 60_000);

  it('refuses an import circle, even one that closes through an index', async () => {
    // schemas/person.ts is imported by schemas/goal.ts; making it import goal (directly or via the barrel) closes a circle.
    const person = readFileSync('src/domain/schemas/person.ts', 'utf8');
    expect(await boundaryErrors('src/domain/schemas/person.ts', `${person}\nimport { goalSchema as _g } from './goal';\nexport const _probe = _g;\n`)).toContainEqual(
      expect.stringMatching(/^import-x\/no-cycle/),
    );
    expect(await boundaryErrors('src/domain/schemas/person.ts', `${person}\nimport { goalSchema as _g } from './index';\nexport const _probe = _g;\n`)).toContainEqual(
      expect.stringMatching(/^import-x\/no-cycle/),
    );
  }, 60_000);
});
