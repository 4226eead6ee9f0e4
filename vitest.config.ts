import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['dist/**', 'node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    setupFiles: ['test/setup/loopback-only.ts'],
    globalSetup: ['test/setup/warm-regex-cache.ts'],
  },
});
