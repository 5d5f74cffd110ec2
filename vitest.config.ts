import { defineConfig } from 'vitest/config'

/**
 * One runner for every test. Unit tests sit beside the code (`*.test.ts`); integration, fuzz and e2e
 * tests live under test/. Tests that start servers or browsers use port 0 and temp folders, so files
 * may run in parallel; e2e files share one Chromium budget, so they run one at a time.
 */
export default defineConfig({
  test: {
    include: ['schemas/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['node_modules', 'dist', 'test/bench/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    env: { COREGROUP_LOG: process.env.COREGROUP_LOG ?? 'silent' },
  },
})
