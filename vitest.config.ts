import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // The app's modules read the archive plugin's virtual module; the suites give it the seed's.
      'virtual:archive': fileURLToPath(new URL('./src/test/virtual-archive.ts', import.meta.url)),
    },
  },
  test: {
    // Playwright's specs live in e2e/ and run against the production build, not here.
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
})
