import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Removes each test file's temporary folders after its last test.
    setupFiles: ['test/cleanup-temp.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // GitHub's workflow parser imports its JSON schema without an import
    // attribute, which Node 20 refuses: let Vite load it (test/workflow.test.ts).
    server: {deps: {inline: ['@actions/workflow-parser']}}
  }
})
