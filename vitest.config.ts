import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // The SQLite addon is a native module: one process per test file keeps its state apart.
    pool: 'forks',
  },
})
