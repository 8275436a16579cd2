import { readArchive } from '../src/pipeline/read-archive.ts'
import { expect, test } from './fixtures.ts'

// This project's server was built with NEWS_DATA=e2e/fixtures/overlapping-pages (playwright.config.ts).
const other = readArchive('e2e/fixtures/overlapping-pages')

test('a build from overlapping pages lists each release once', async ({ page }) => {
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

test('releases from pages without category lines are filed as uncategorized, and the filter finds them', async ({ page }) => {
  const uncategorized = other.articles.filter((a) => a.category === 'uncategorized')
  // The topic listing's page and the older site's page (e2e/fixtures/overlapping-pages).
  expect(uncategorized.map((a) => a.date.slice(0, 4))).toEqual(['2024', '2024', '2011', '2011'])
  await page.goto('/')
  await page.getByLabel('Category').selectOption({ label: `Uncategorized (${uncategorized.length})` })
  await expect(page).toHaveURL(/[?&]category=uncategorized(&|$)/)
  await expect(page.getByRole('main').getByRole('listitem').getByRole('heading')).toHaveText(uncategorized.map((a) => a.title))
  await page.getByRole('link', { name: uncategorized[0]!.title, exact: true }).click()
  await expect(page.getByRole('article')).toContainText('Uncategorized')
})

test('a release listed with its category and again on a topic listing is one release, in its category', async ({ page }) => {
  const cars = other.articles.filter((a) => a.title.startsWith("Korea's automobile exports"))
  expect(cars.map((a) => a.categoryLabel)).toEqual(['Industry'])
  await page.goto('/?category=industry')
  await expect(page.getByRole('link', { name: cars[0]!.title, exact: true })).toHaveCount(1)
})
