import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Removes each test file's temporary folders after its last test.
    setupFiles: ['test/cleanup-temp.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000
  }
})
