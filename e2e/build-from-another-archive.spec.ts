import { readArchive } from '../src/pipeline/read-archive.ts'
import { expect, test } from './fixtures.ts'

// This project's server was built with NEWS_DATA=e2e/fixtures/overlapping-pages (playwright.config.ts).
const other = readArchive('e2e/fixtures/overlapping-pages')

test('a build from two overlapping pages lists each release once', async ({ page }) => {
  expect(other.summary.duplicatesMerged).toBeGreaterThan(0)
  await page.goto('/')
  const titles = page.getByRole('main').getByRole('listitem').getByRole('heading')
  await expect(titles).toHaveText(other.articles.map((a) => a.title))
})

test('markup in a release is shown as the ministry wrote it and never runs', async ({ page }) => {
  const marked = other.articles.find((a) => a.title.includes('<script>'))!
  await page.goto('/')
  await expect(page.getByRole('link', { name: marked.title, exact: true })).toBeVisible()
  await page.getByRole('link', { name: marked.title, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(marked.title)
  await expect(page.getByRole('article').getByText(marked.paragraphs[0]!, { exact: true })).toBeVisible()
  expect(await page.evaluate(() => (window as { __markupRan?: boolean }).__markupRan)).toBeUndefined()
  await expect(page.locator('main script, main img')).toHaveCount(0)
})
