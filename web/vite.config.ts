import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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

export default defineConfig({
  root: webRoot,
  plugins: [react()],
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
