// Vite builds the browser client (root client/ → dist/client) and Vitest runs every test suite.
// In development the Express server hosts Vite as middleware (server/dev.ts), so /trpc is same-origin.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/** Text assets worth compressing; images and fonts are already compressed. */
const COMPRESSIBLE = /\.(js|css|svg|json|html|txt|map)$/;

/**
 * A .gz beside every compressible hashed asset, written by the build itself, so the server hands a
 * wall 280 KB instead of 860 KB of JavaScript without compressing anything per request, whichever
 * way the client was built (regression: `npm run build` left none and walls got the plain files).
 */
function precompressAssets(): Plugin {
  return {
    name: 'adiguna-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const file of Object.keys(bundle)) {
        if (!file.startsWith('assets/') || !COMPRESSIBLE.test(file)) continue;
        const full = path.join(dir, file);
        const bytes = fs.readFileSync(full);
        if (bytes.length > 1024) fs.writeFileSync(`${full}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: 'client',
  plugins: [react(), precompressAssets()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: false,
    // The bench reads it to measure exactly the JavaScript a wall screen loads.
    manifest: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    host: '127.0.0.1',
  },
  test: {
    root: '.',
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    globalSetup: ['tests/global-setup.ts'],
    reporters: ['default'],
  },
});
