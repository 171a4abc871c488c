import { existsSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Docker cannot run where the tests run, so this holds what can be checked without it: the image
 * copies only files that exist and are in the build context, its runtime is Node 20, non-root, with
 * a health check on /healthz, and the production start needs nothing from devDependencies.
 */
const root = resolve(__dirname, '../../..');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const ignore = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

interface Stage { name: string; from: string; lines: string[] }
function stages(): Stage[] {
  const out: Stage[] = [];
  const logical = dockerfile.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  for (const line of logical) {
    const m = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/i.exec(line);
    if (m) out.push({ from: m[1]!, name: m[2] ?? String(out.length), lines: [] });
    else out.at(-1)!.lines.push(line);
  }
  return out;
}
const runtime = () => stages().at(-1)!;

/** .dockerignore patterns as used here: a path, a leading segment, or `*` globs. */
function ignored(path: string): boolean {
  return ignore.some((p) => {
    const re = new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '(.*/)?').replace(/\*/g, '[^/]*')}(/.*)?$`);
    return re.test(path);
  });
}

describe('the container image', () => {
  it('copies from the build context only files that exist and are not ignored', () => {
    const sources = stages().flatMap((s) => s.lines.filter((l) => /^COPY\s/i.test(l) && !/--from=/i.test(l)).flatMap((l) => l.split(/\s+/).slice(1, -1)));
    expect(sources.length).toBeGreaterThan(5);
    for (const src of sources) {
      expect(existsSync(join(root, src)), `${src} exists`).toBe(true);
      expect(ignored(src), `${src} is not in .dockerignore`).toBe(false);
    }
  });

  it('copies between stages only from stages it defines, and what they produce', () => {
    const names = stages().map((s) => s.name);
    const froms = runtime().lines.filter((l) => /--from=/i.test(l)).map((l) => /--from=(\S+)\s+(\S+)/i.exec(l)!);
    expect(froms.map((m) => m[1])).toEqual(['deps', 'build']);
    for (const m of froms) expect(names).toContain(m[1]);
    // The tab is built where vite.config.ts writes it.
    expect(froms.find((m) => m[1] === 'build')![2]).toBe('/app/dist/tab');
    expect(readFileSync(join(root, 'vite.config.ts'), 'utf8')).toContain("outDir: fileURLToPath(new URL('./dist/tab'");
    expect(stages().find((s) => s.name === 'build')!.lines.join('\n')).toMatch(/vite build/);
  });

  it('runs Node 20 as a non-root user with production dependencies only and a health check on /healthz', () => {
    for (const s of stages()) expect(s.from).toMatch(/^node:20-/);
    const deps = stages().find((s) => s.name === 'deps')!.lines.join('\n');
    expect(deps).toMatch(/npm ci --omit=dev/);
    const rt = runtime().lines;
    const user = rt.filter((l) => /^USER\s/i.test(l)).at(-1);
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^USER\s+(root|0)(\s|:|$)/i);
    const health = rt.find((l) => /^HEALTHCHECK\s/i.test(l))!;
    expect(health).toMatch(/\/healthz/);
    expect(readFileSync(join(root, 'src/server/listen.ts'), 'utf8')).toMatch(/a\.get\('\/healthz'/);
  });

  it('starts the server with node and tsx, which is a production dependency', () => {
    const cmd = runtime().lines.find((l) => /^CMD\s/i.test(l))!;
    const argv = JSON.parse(cmd.replace(/^CMD\s+/i, '')) as string[];
    expect(argv).toEqual(['node', '--import', 'tsx', 'src/server/main.ts']);
    expect(statSync(join(root, argv[3]!)).isFile()).toBe(true);
    expect(pkg.dependencies.tsx).toBeDefined();
    expect(pkg.devDependencies.tsx).toBeUndefined();
  });

  it('the server in tenant and local mode imports no package outside dependencies', () => {
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      // Static and dynamic imports and re-exports; `import type` is erased and needs nothing at runtime.
      for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
        const spec = (m[1] ?? m[2])!;
        if (spec.startsWith('.')) {
          const base = resolve(dirname(file), spec);
          const target = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts'), base].find((p) => existsSync(p) && statSync(p).isFile());
          expect(target, `${spec} from ${file}`).toBeDefined();
          if (/\.(ts|tsx)$/.test(target!)) visit(target!);
        } else if (!builtins.has(spec)) {
          packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        }
      }
    };
    visit(join(root, 'src/server/main.ts'));
    expect(seen.size).toBeGreaterThan(50);
    expect([...seen].some((f) => f.endsWith('src/server/local/local-mode.ts'))).toBe(true);
    // The scan reaches what really runs: the HTTP server, the token library and local mode's SQLite.
    for (const p of ['express', '@azure/msal-node', 'better-sqlite3', '@microsoft/teams.apps']) expect(packages).toContain(p);
    const outside = [...packages].filter((p) => !(p in pkg.dependencies));
    expect(outside).toEqual([]);
  });
});
