import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The dependency direction of DESIGN.md is a lint rule; these cases prove the rule bites. */
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'boundaries/dependencies' || m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('architecture boundaries', () => {
  it.each([
    ['src/domain/probe.ts', "import { startServer } from '../server/create-server';\nexport const x = startServer;\n"],
    ['src/domain/probe.ts', "import express from 'express';\nexport const x = express;\n"],
    ['src/commands/probe.ts', "import { createGraphRepository } from '../graph';\nexport const x = createGraphRepository;\n"],
    ['src/tab/probe.ts', "import { submitCheckIn } from '../commands';\nexport const x = submitCheckIn;\n"],
    ['src/tab/probe.ts', "import { startServer } from '../server/create-server';\nexport const x = startServer;\n"],
    ['src/server/probe.ts', "import { createEmulator } from '../emulator';\nexport const x = createEmulator;\n"],
    ['src/graph/probe.ts', "import { apiRouter } from '../server/routes/api';\nexport const x = apiRouter;\n"],
  ])('refuses %s importing across the boundary', async (file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  }, 60_000);

  it.each([
    ['src/commands/probe.ts', "import { canCheckIn } from '../domain';\nexport const x = canCheckIn;\n"],
    ['src/server/probe.ts', "import { submitCheckIn } from '../commands';\nexport const x = submitCheckIn;\n"],
    ['src/tab/probe.ts', "import { createBoardReader } from '../graph';\nexport const x = createBoardReader;\n"],
  ])('allows %s importing along the dependency direction', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  }, 60_000);
});
