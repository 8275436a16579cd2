import { test as base, expect } from '@playwright/test'
import { archiveLocation, readArchive } from '../src/pipeline/read-archive.ts'

/** The archive the build under test was made from (`NEWS_DATA`, else `data/`), read by the same pipeline. */
const archive = readArchive(archiveLocation())

export const test = base.extend<{ archive: typeof archive; consoleErrors: string[] }>({
  archive: async ({}, use) => {
    await use(archive)
  },
  // Every journey also checks that the page logged no error and threw nothing.
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text())
      })
      page.on('pageerror', (error) => errors.push(error.message))
      await use(errors)
      expect(errors, 'console errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
