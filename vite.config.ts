import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import griffel from '@griffel/vite-plugin';
import { fileURLToPath } from 'node:url';

/**
 * The Teams tab. `npm run build` writes dist/tab, which the app server serves at `/` (with SPA
 * fallback so every route is a deep link). `vite` (npm run dev) proxies the server's endpoints so
 * the tab talks to the same emulator, command API and local token issuer as in production layout.
 */
const server = process.env.TAB_PROXY_TARGET ?? 'http://localhost:3978';
const proxied = ['/api', '/graph', '/local', '/config.json', '/healthz'];

/**
 * Each view's own lazy parts (the dashboard's trend chart, the goal's indicator chart) with their
 * static imports, as a JSON data block in index.html (`#lazy-parts`, feature → files): main.tsx
 * preloads the first view's parts with its chunk, so a chart arrives with the view, not one more
 * JS wave after its data. A data block is not script, so the CSP is untouched. A part opened on
 * request (`*-dialog.tsx`, e.g. the board report's dialog) is left out: it loads when asked for.
 */
function lazyPartsOfViews(): Plugin {
  return {
    name: 'tavoitteet-lazy-parts-of-views',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return [];
        const chunks = new Map<string, { imports: string[]; dynamicImports: string[]; facadeModuleId: string | null }>();
        for (const c of Object.values(ctx.bundle)) if (c.type === 'chunk') chunks.set(c.fileName, c);
        const parts: Record<string, string[]> = {};
        for (const c of chunks.values()) {
          const feature = /\/src\/tab\/features\/([^/]+)\/route\.tsx$/.exec(c.facadeModuleId ?? '')?.[1];
          if (!feature || c.dynamicImports.length === 0) continue;
          const files = new Set<string>();
          const add = (f: string) => {
            if (files.has(f)) return;
            files.add(f);
            chunks.get(f)?.imports.forEach(add);
          };
          c.dynamicImports.filter((f) => !/-dialog\.tsx$/.test(chunks.get(f)?.facadeModuleId ?? '')).forEach(add);
          parts[feature] = [...files].map((f) => `/${f}`);
        }
        return [{ tag: 'script', attrs: { type: 'application/json', id: 'lazy-parts' }, children: JSON.stringify(parts), injectTo: 'head' }];
      },
    },
  };
}

// Each build names itself, so the tab's persisted query cache (data/persisted-cache.ts) of an
// older build — whose cached shapes may differ — is dropped rather than shown.
const buildId = process.env.VITE_BUILD_ID ?? new Date().toISOString();

export default defineConfig(({ command }) => ({
  define: { 'import.meta.env.VITE_BUILD_ID': JSON.stringify(buildId) },
  root: fileURLToPath(new URL('./src/tab', import.meta.url)),
  base: '/',
  // The build compiles our makeStyles ahead of time, as Fluent ships its own (docs/decisions/0014):
  // the page then inserts ready CSS instead of resolving every style rule with stylis on load.
  // Its evaluator reads our TypeScript through Babel; the dev server keeps Griffel's runtime.
  plugins: [react(), ...(command === 'build' ? [griffel({ babelOptions: { presets: ['@babel/preset-typescript'] } })] : []), lazyPartsOfViews()],
  build: {
    outDir: fileURLToPath(new URL('./dist/tab', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    chunkSizeWarningLimit: 700,
    // scripts/measure-tab.ts reads it to find what the first view loads.
    manifest: true,
  },
  server: {
    port: 5173,
    proxy: Object.fromEntries(proxied.map((p) => [p, { target: server, changeOrigin: false }])),
  },
  preview: {
    proxy: Object.fromEntries(proxied.map((p) => [p, { target: server, changeOrigin: false }])),
  },
}));
