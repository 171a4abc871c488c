import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * The Teams tab. `npm run build` writes dist/tab, which the app server serves at `/` (with SPA
 * fallback so every route is a deep link). `vite` (npm run dev) proxies the server's endpoints so
 * the tab talks to the same emulator, command API and local token issuer as in production layout.
 */
const server = process.env.TAB_PROXY_TARGET ?? 'http://localhost:3978';
const proxied = ['/api', '/graph', '/local', '/config.json', '/healthz'];

// Each build names itself, so the tab's persisted query cache (data/persisted-cache.ts) of an
// older build — whose cached shapes may differ — is dropped rather than shown.
const buildId = process.env.VITE_BUILD_ID ?? new Date().toISOString();

export default defineConfig({
  define: { 'import.meta.env.VITE_BUILD_ID': JSON.stringify(buildId) },
  root: fileURLToPath(new URL('./src/tab', import.meta.url)),
  base: '/',
  plugins: [react()],
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
});
