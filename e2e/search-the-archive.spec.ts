import { TIMELINE_PAGE_SIZE } from '../src/pipeline/archive-files.ts'
import { expect, test } from './fixtures.ts'

// The seed's releases hold these words; a larger synthetic archive recombines the seed's text, so
// they are found there too.
const results = (page: import('@playwright/test').Page) =>
  page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.locator('[data-timeline-entry]') })

test('typing a query shows highlighted results and puts the query in the address', async ({ page, archive }) => {
  const expected = archive.articles.filter((a) => /lithium/i.test(`${a.title} ${a.paragraphs.join(' ')}`))
  test.skip(expected.length === 0, 'no release mentions lithium')
  await page.goto('/')
  const box = page.getByRole('searchbox', { name: 'Search releases' })
  await box.pressSequentially('lithum')
  await expect(page).toHaveURL('/?q=lithum')
  await expect(page.getByRole('status').first()).toContainText(`found for “lithum”`)
  await expect(results(page).first()).toBeVisible()
  // A result's excerpt is the part of the body around the match, with the match marked.
  await expect(results(page).first().locator('mark').first()).toHaveText(/lithium/i)
  if (expected.length <= TIMELINE_PAGE_SIZE) await expect(results(page)).toHaveCount(expected.length)

  // The address follows the typing without adding a history entry per letter.
  await page.goBack()
  await expect(page).toHaveURL('/')
  await expect(box).toHaveValue('')
})

test('on a fresh visit, typing at a typist’s pace keeps every letter and shows highlighted results', async ({ page, archive }) => {
  const holding = archive.articles.filter((a) => /\blithium/i.test(`${a.title} ${a.paragraphs.join(' ')}`))
  test.skip(holding.length === 0, 'no release mentions lithium')
  await page.goto('/')
  const box = page.getByRole('searchbox', { name: 'Search releases' })
  await box.click()
  // Real key presses, about eleven a second, as a fast typist types: no letter may be lost while
  // the search loads its index.
  for (const key of 'lithium') {
    await page.keyboard.press(key)
    await page.waitForTimeout(90)
  }
  await expect(box).toHaveValue('lithium')
  await expect(page).toHaveURL('/?q=lithium')
  await expect(results(page).first().locator('mark').first()).toHaveText(/^lithium/i)
  const status = page.locator('main [data-result-count]')
  await expect(status).toContainText('found for “lithium”')
  const found = Number(/\d+/.exec((await status.textContent())!.replace(/,/g, ''))![0])
  expect(found).toBeGreaterThanOrEqual(holding.length)
})

test('a search address opened in a fresh page shows the same results', async ({ page, browser }) => {
  await page.goto('/?q=airbus')
  await expect(results(page).first()).toBeVisible()
  const titles = await results(page).locator('[data-timeline-entry]').allTextContents()
  expect(titles.length).toBeGreaterThan(0)

  const fresh = await (await browser.newContext()).newPage()
  await fresh.goto(page.url())
  await expect(fresh.getByRole('searchbox', { name: 'Search releases' })).toHaveValue('airbus')
  await expect(results(fresh).first()).toBeVisible()
  expect(await results(fresh).locator('[data-timeline-entry]').allTextContents()).toEqual(titles)
  await fresh.context().close()
})

test('search combines with a topic and a date range, and can be ordered by date', async ({ page, archive }) => {
  const withTopic = archive.articles.filter((a) => a.topics.includes('aerospace') && /airbus/i.test(`${a.title} ${a.paragraphs.join(' ')}`))
  test.skip(withTopic.length === 0, 'no aerospace release mentions Airbus')
  const newest = withTopic[0]!.date
  const from = withTopic.at(-1)!.date
  await page.goto(`/?q=airbus&topic=aerospace&from=${from}&to=${newest}`)
  await expect(results(page).first()).toBeVisible()
  for (const date of await results(page)
    .locator('time')
    .evaluateAll((times) => times.map((t) => t.getAttribute('datetime')))) {
    expect(date! >= from && date! <= newest).toBe(true)
  }
  await expect(page.getByRole('link', { name: /Remove filter Topic: / })).toBeVisible()

  await page.getByLabel('Order').selectOption('date')
  await expect(page).toHaveURL(/sort=date/)
  const dates = await results(page)
    .locator('time')
    .evaluateAll((times) => times.map((t) => t.getAttribute('datetime')!))
  expect(dates).toEqual([...dates].sort().reverse())
})

test('opening a result marks the query in the release and scrolls to it', async ({ page }) => {
  await page.goto('/?q=lithium')
  await results(page).first().locator('[data-timeline-entry]').click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const mark = page.getByRole('article').locator('p mark').first()
  await expect(mark).toHaveText(/lithium/i)
  await expect(mark).toBeInViewport()
  await page.getByRole('button', { name: 'Hide highlights' }).click()
  await expect(page.getByRole('article').locator('mark')).toHaveCount(0)
})

test('a query that matches nothing says so and offers to clear it', async ({ page }) => {
  await page.goto('/?q=zzqqxx')
  await expect(page.getByRole('status').first()).toContainText('0 releases found for “zzqqxx”')
  await expect(page.getByRole('heading', { name: 'No release matches' })).toBeVisible()
  await page.getByRole('link', { name: 'Clear all filters' }).click()
  await expect(page).toHaveURL('/')
  await expect(page.getByRole('searchbox', { name: 'Search releases' })).toHaveValue('')
})

test('what was typed goes into the address once typing pauses, and nothing reached meanwhile loses it', async ({ page, archive }) => {
  const release = archive.articles.find((a) => a.topics.length > 0 && /\blithium/i.test(`${a.title} ${a.paragraphs.join(' ')}`))
  test.skip(!release, 'no tagged release mentions lithium')
  const topic = archive.index.topics.find((t) => t.slug === release!.topics[0])!
  const box = page.getByRole('searchbox', { name: 'Search releases' })
  const checkbox = page
    .getByRole('complementary', { name: 'Filters' })
    .getByRole('checkbox', { name: new RegExp(`^${topic.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[\\d,]+$`) })
  // The page's clock stands still while the test types (and opens a result), so the test, not the
  // machine's speed, says when typing pauses.
  const stopTheClock = async () => page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100)
  await page.clock.install()
  await page.goto('/')

  await stopTheClock()
  await box.pressSequentially('lithium')
  await expect(page).toHaveURL('/')
  await page.clock.resume()
  // A filter ticked right after typing adds to the query instead of dropping it.
  await checkbox.check()
  await expect(page).toHaveURL(`/?q=lithium&topic=${topic.slug}`)
  await expect(results(page).first().locator('mark').first()).toHaveText(/^lithium/i)

  // Typing more, then opening a result before the pause: Back returns to what was typed.
  const more = `lithium ${release!.title
    .split(/[^A-Za-z]+/)
    .find((word) => word.length >= 5 && !/lithium/i.test(word))!
    .toLowerCase()}`
  await stopTheClock()
  await box.fill(more)
  await results(page).first().locator('[data-timeline-entry]').click()
  await expect(page).toHaveURL(/\/articles\//)
  await page.clock.resume()
  await page.goBack()
  await expect(page).toHaveURL(`/?${new URLSearchParams({ q: more, topic: topic.slug }).toString()}`)
  await expect(box).toHaveValue(more)
  await expect(page.locator('main [data-result-count]')).toContainText(`found for “${more}”`)

  // A pause alone puts the query into the address, replacing the entry the search began.
  await box.fill('lithium')
  await expect(page).toHaveURL(`/?q=lithium&topic=${topic.slug}`)
  await page.goBack()
  await expect(page).toHaveURL('/?q=lithium')
})
