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

// The archive's own topics.yaml renames critical-minerals to batteries and splits exports into
// export-results and trade-deals (e2e/fixtures/overlapping-pages/topics.yaml).
test('a shared link to a topic since renamed or split leads to what took its place', async ({ page }) => {
  await page.goto('/topics/critical-minerals')
  await expect(page).toHaveURL('/topics/batteries')
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toContainText('Batteries & minerals')

  await page.goto('/?topic=critical-minerals')
  await expect(page).toHaveURL('/?topic=batteries')
  await expect(page.getByText('The topic “critical-minerals” is now “batteries”.')).toBeVisible()

  // A view of two topics holds the releases that have both: a split topic names its successors.
  await page.goto('/topics/exports')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This topic has moved')
  await page.getByRole('link', { name: 'Trade deals', exact: true }).click()
  await expect(page).toHaveURL('/topics/trade-deals')
  await page.goto('/?topic=exports')
  await expect(page).toHaveURL('/')
  await expect(
    page.getByText('The topic “exports” is now 2 topics, “export-results” and “trade-deals”: choose one under Topics.'),
  ).toBeVisible()
})

test('a topic since split keeps its feeds, which hold the releases of the topics that took its place', async ({ request }) => {
  const atom = await request.get('/topics/exports/feed.xml')
  expect(atom.status()).toBe(200)
  const feed = await atom.text()
  const taken = other.articles.filter((a) => a.topics.includes('export-results') || a.topics.includes('trade-deals'))
  expect(feed.match(/<entry>/g)).toHaveLength(taken.length)
  for (const release of taken) expect(feed).toContain(`/articles/${release.slug}`)
  expect((await request.get('/topics/exports/feed.json')).status()).toBe(200)
})
