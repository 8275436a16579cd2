import { test as base, expect } from '@playwright/test'
import { archiveLocation, readArchive } from '../src/pipeline/read-archive.ts'

/** The archive the build under test was made from (`NEWS_DATA`, else `data/`), read by the same pipeline. */
const archive = readArchive(archiveLocation())

export const test = base.extend<{ archive: typeof archive; consoleErrors: string[] }>({
  // Pages arrive prerendered: a journey acts once the app has taken over the page, as a reader's
  // click before that would only reach the static page. (Without JavaScript, the static page is all.)
  page: async ({ page, javaScriptEnabled }, use) => {
    const ready = async <T>(response: T) => {
      if (javaScriptEnabled) await page.locator('html[data-ready]').waitFor({ state: 'attached' })
      return response
    }
    const goto = page.goto.bind(page)
    const reload = page.reload.bind(page)
    page.goto = async (url, options) => ready(await goto(url, options))
    page.reload = async (options) => ready(await reload(options))
    await use(page)
  },
  archive: async ({}, use) => {
    await use(archive)
  },
  // Every journey also checks that the page logged no error and threw nothing.
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('console', (message) => {
        // An unknown address is answered with status 404, as a static host does, and the browser
        // logs that status; it is the answer, not an error of the page.
        if (message.type() === 'error' && !/^Failed to load resource: .* 404 \(Not Found\)$/.test(message.text())) {
          errors.push(message.text())
        }
      })
      page.on('pageerror', (error) => errors.push(error.message))
      await use(errors)
      expect(errors, 'console errors').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
