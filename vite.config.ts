// Vite builds the browser client (root client/ → dist/client) and Vitest runs every test suite.
// In development the Express server hosts Vite as middleware (server/dev.ts), so /trpc is same-origin.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: 'client',
  plugins: [react()],
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
