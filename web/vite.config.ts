import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { PAGES_FILE, pagePathsFromSource } from '../src/platform/http/web-pages';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const contractsDir = fileURLToPath(new URL('../src/contracts/', import.meta.url));
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';

// Paths served by the Fastify server; the dev server and `vite preview` forward them.
const proxy = Object.fromEntries(
  ['/api', '/oidc', '/open-data'].map((path) => [
    path,
    { target: apiTarget, changeOrigin: false, xfwd: true },
  ]),
);

/**
 * Writes dist/pages.json: the route paths of the router and of every service manifest, so the
 * server answers a path no page owns with 404 (src/platform/http/web-pages.ts).
 */
function pagesList(): Plugin {
  return {
    name: 'open-region-pages',
    apply: 'build',
    generateBundle() {
      const features = path.join(webRoot, 'src', 'features');
      const sources = [
        path.join(webRoot, 'src', 'app', 'router.tsx'),
        ...fs
          .readdirSync(features)
          .map((dir) => path.join(features, dir, 'manifest.tsx'))
          .filter((file) => fs.existsSync(file)),
      ];
      const pages = [
        ...new Set(
          sources.flatMap((file) =>
            pagePathsFromSource(fs.readFileSync(file, 'utf8')).filter((p) => p !== 'dev/ui'),
          ),
        ),
      ].sort();
      this.emitFile({ type: 'asset', fileName: PAGES_FILE, source: JSON.stringify(pages, null, 2) });
    },
  };
}

export default defineConfig({
  root: webRoot,
  plugins: [react(), pagesList()],
  resolve: {
    alias: [{ find: /^@contracts\//, replacement: contractsDir }],
  },
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, proxy },
  build: {
    outDir: 'dist',
    // ECharts and Leaflet are large by nature; they load lazily with the sections that use them.
    chunkSizeWarningLimit: 1200,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      // zod's sources carry /*#__PURE__*/ comments Rollup cannot place; harmless, and noise on every start.
      onwarn(warning, warn) {
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
      output: {
        // Libraries change less often than the app: separate chunks stay cached across deploys.
        manualChunks(id) {
          if (!id.includes('/node_modules/')) return undefined;
          if (/\/node_modules\/(react|react-dom|scheduler|react-router|cookie|set-cookie-parser)\//.test(id))
            return 'react';
          if (id.includes('/node_modules/@tanstack/')) return 'query';
          return undefined;
        },
      },
    },
  },
});
