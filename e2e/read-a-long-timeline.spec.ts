import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { TIMELINE_PAGE_SIZE as PAGE } from '../src/pipeline/archive-files.ts'
import { buildArchive } from '../src/pipeline/build-archive.ts'
import { DEFAULT_ARCHIVE } from '../src/pipeline/read-archive.ts'
import { generateCorpus } from '../scripts/corpus/generate-corpus.ts'
import { expect, test } from './fixtures.ts'

// This project's server was built from `npm run corpus -- --count 120` (playwright.config.ts); the
// same arguments give the same archive here, without waiting for the server to write it.
const read = (file: string) => ({ path: file, text: readFileSync(join(DEFAULT_ARCHIVE, file), 'utf8') })
const pages = generateCorpus({ count: 120, source: read('000_dc10d14db94d7939.txt') })
const long = buildArchive(
  pages.map((p) => ({ path: p.name, text: p.text })),
  read('topics.yaml'),
)
const entries = (page: import('@playwright/test').Page) => page.locator('[data-timeline-entry]')

test('a long timeline shows a page of releases, and a page more on request, without changing the address', async ({ page }) => {
  const total = long.articles.length
  expect(total).toBe(120)
  await page.goto('/')
  await expect(entries(page)).toHaveCount(PAGE)
  await page.getByRole('button', { name: `Show ${PAGE} more of the ${total - PAGE} left`, exact: true }).click()
  await expect(entries(page)).toHaveCount(2 * PAGE)
  await expect(page).toHaveURL('/')
  // Keyboard users go on at the first new release.
  await expect(entries(page).nth(PAGE)).toBeFocused()
  await expect(entries(page).nth(PAGE)).toHaveText(long.articles[PAGE]!.title)

  const pages = Math.ceil(total / PAGE)
  for (let shown = 2 * PAGE; shown < total; shown += PAGE) {
    await page.getByRole('button', { name: `Show ${Math.min(PAGE, total - shown)} more of the ${total - shown} left`, exact: true }).click()
    await expect(entries(page)).toHaveCount(Math.min(shown + PAGE, total))
  }
  await expect(page.getByRole('button', { name: /^Show \d+ more/ })).toHaveCount(0)
  await expect(entries(page).nth((pages - 1) * PAGE)).toBeFocused()
})

test('coming back from a release deep in the timeline shows as many releases as before', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: /^Show \d+ more/ }).click()
  await page.getByRole('button', { name: /^Show \d+ more/ }).click()
  await expect(entries(page)).toHaveCount(3 * PAGE)
  const deep = 3 * PAGE - 5
  await entries(page).nth(deep).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(long.articles[deep]!.title)

  await page.goBack()
  await expect(entries(page)).toHaveCount(3 * PAGE)

  await entries(page).nth(deep).click()
  await page.getByRole('link', { name: '← Back to the timeline' }).click()
  await expect(page).toHaveURL('/')
  await expect(entries(page)).toHaveCount(3 * PAGE)
})
