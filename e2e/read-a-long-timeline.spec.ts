import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildArchive } from '../src/pipeline/build-archive.ts'
import { DEFAULT_ARCHIVE } from '../src/pipeline/read-archive.ts'
import { generateCorpus } from '../scripts/corpus/generate-corpus.ts'
import { expect, test } from './fixtures.ts'

// This project's server was built from `npm run corpus -- --count 120` (playwright.config.ts); the
// same arguments give the same archive here, without waiting for the server to write it.
const read = (file: string) => ({ path: file, text: readFileSync(join(DEFAULT_ARCHIVE, file), 'utf8') })
const pages = generateCorpus({ count: 120, source: read('000_dc10d14db94d7939.txt') })
const long = buildArchive(pages.map((p) => ({ path: p.name, text: p.text })), read('topics.yaml'))
const entries = (page: import('@playwright/test').Page) => page.locator('[data-timeline-entry]')

test('a long timeline shows fifty releases, and fifty more on request, without changing the address', async ({ page }) => {
  expect(long.articles.length).toBe(120)
  await page.goto('/')
  await expect(entries(page)).toHaveCount(50)
  await page.getByRole('button', { name: /^Show 50 more of the 70 left$/ }).click()
  await expect(entries(page)).toHaveCount(100)
  await expect(page).toHaveURL('/')
  // Keyboard users go on at the first new release.
  await expect(entries(page).nth(50)).toBeFocused()
  await expect(entries(page).nth(50)).toHaveText(long.articles[50]!.title)

  await page.getByRole('button', { name: /^Show 20 more of the 20 left$/ }).click()
  await expect(entries(page)).toHaveCount(120)
  await expect(page.getByRole('button', { name: /^Show \d+ more/ })).toHaveCount(0)
  await expect(entries(page).nth(100)).toBeFocused()
})

test('coming back from a release deep in the timeline shows as many releases as before', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: /^Show 50 more/ }).click()
  await expect(entries(page)).toHaveCount(100)
  await entries(page).nth(80).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(long.articles[80]!.title)

  await page.goBack()
  await expect(entries(page)).toHaveCount(100)

  await entries(page).nth(80).click()
  await page.getByRole('link', { name: '← Back to the timeline' }).click()
  await expect(page).toHaveURL('/')
  await expect(entries(page)).toHaveCount(100)
})
