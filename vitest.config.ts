import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      // Many integration tests validate an invoice, which renders its PDF: 0,5–0,7 s alone for a file's first one
      // (fonts, catalogue), 2,4 s with two busy loops per core, past the 5 s default in a full run on a loaded
      // machine. The clock is fixed in these tests: a slow run is not a wrong one.
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      { test: { name: 'electron', include: ['tests/electron/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'pdf', include: ['tests/pdf/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
