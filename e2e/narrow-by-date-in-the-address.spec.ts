import type { Page } from '@playwright/test'
import type { ArticleSummary } from '../src/pipeline/types.ts'
import { expect, test } from './fixtures.ts'

const releases = (count: number) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'release' : 'releases'}`
const showing = (shown: number, total: number) => `Showing ${releases(shown)} of ${total.toLocaleString('en-GB')}`
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
/** `2024-05-22` as the reader sees it: "22 May 2024". */
const spelled = (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`))

const entries = (page: Page) =>
  page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3 }) })
const status = (page: Page) => page.getByRole('main').getByRole('status')
const filters = (page: Page) => page.getByRole('complementary', { name: 'Filters' })
const correction = (page: Page) => page.getByRole('main').getByRole('note')

/**
 * The timeline lists `expected` in order (on a long timeline, the first ones, with a "Show more"
 * button for the rest), each under its publication date as its `time` element gives it.
 */
async function expectListed(page: Page, expected: readonly Pick<ArticleSummary, 'title' | 'date'>[]) {
  const titles = entries(page).getByRole('heading', { level: 3 })
  if (expected.length === 0) return expect(titles).toHaveCount(0)
  await expect(titles.first()).toBeVisible()
  const listed = expected.slice(0, await titles.count())
  await expect(titles).toHaveText(listed.map((a) => a.title))
  const dates = await entries(page)
    .getByRole('time')
    .evaluateAll((times) => times.map((time) => time.getAttribute('datetime')))
  expect(dates).toEqual(listed.map((a) => a.date))
  if (listed.length < expected.length) await expect(page.getByRole('button', { name: /^Show \d+ more/ })).toBeVisible()
}

test('a date range typed in the address lists only the releases within it, edges included', async ({ page, archive }) => {
  const dates = [...new Set(archive.articles.map((a) => a.date))] // newest first
  test.skip(dates.length < 5, 'the archive needs releases on at least five days for a range inside it')
  // A short range strictly inside the archive (publication days before and after it), whose edges
  // are both publication days, so the edge days' releases are listed if the edges are inclusive.
  const to = dates[1]!
  const from = dates[3]!
  const expected = archive.articles.filter((a) => a.date >= from && a.date <= to)

  await page.goto(`/?from=${from}&to=${to}`)

  await expect(page).toHaveURL(`/?from=${from}&to=${to}`)
  await expect(status(page)).toHaveText(showing(expected.length, archive.articles.length))
  await expectListed(page, expected)
  const listedDays = await entries(page)
    .getByRole('time')
    .evaluateAll((times) => times.map((t) => t.getAttribute('datetime')))
  expect(listedDays).toContain(to)
  if (expected.length === listedDays.length) expect(listedDays).toContain(from)

  await expect(filters(page).getByLabel('From', { exact: true })).toHaveValue(from)
  await expect(filters(page).getByLabel('To', { exact: true })).toHaveValue(to)
  await expect(page.getByRole('link', { name: `Remove filter From ${spelled(from)}` })).toBeVisible()
  await expect(page.getByRole('link', { name: `Remove filter Until ${spelled(to)}` })).toBeVisible()
  await expect(correction(page)).toHaveCount(0)
})

test('an unreadable date or an unknown topic in the address is ignored, said so, and dropped from the address', async ({
  page,
  archive,
}) => {
  for (const [address, note] of [
    ['/?from=banana', 'Ignored the date “banana” in “from”'],
    ['/?topic=nope', 'Ignored the unknown topic “nope”'],
  ] as const) {
    await page.goto(address)
    await expect(correction(page)).toContainText('The address was corrected')
    await expect(correction(page)).toContainText(note)
    await expect(page).toHaveURL('/')
    await expect(status(page)).toHaveText(`${releases(archive.articles.length)}, newest first`)
  }
})

test('the note on a corrected address stays with the page it was opened on', async ({ page, archive }) => {
  const topic = archive.index.topics[0]!
  await page.goto('/?from=banana')
  await expect(correction(page)).toContainText('Ignored the date “banana” in “from”')
  // Another view of the timeline, reached from there, was never corrected.
  await filters(page)
    .getByRole('checkbox', { name: new RegExp(`^${topic.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[\\d,]+$`) })
    .check()
  await expect(page).toHaveURL(`/?topic=${topic.slug}`)
  await expect(correction(page)).toHaveCount(0)
  // Back on the page it was opened on, the note is there again; a reload of the clean address has none.
  await page.goBack()
  await expect(page).toHaveURL('/')
  await expect(correction(page)).toContainText('Ignored the date “banana” in “from”')
  await page.goto('/')
  await expect(correction(page)).toHaveCount(0)
})

test('a range given backwards is turned round, visibly, in the list and the address', async ({ page, archive }) => {
  const dates = [...new Set(archive.articles.map((a) => a.date))]
  test.skip(dates.length < 2, 'the archive needs releases on two days')
  const later = dates[0]!
  const earlier = dates[dates.length - 1]!

  await page.goto(`/?from=${later}&to=${earlier}`)

  await expect(correction(page)).toContainText('The dates were the wrong way round, so “from” and “to” were swapped.')
  await expect(page).toHaveURL(`/?from=${earlier}&to=${later}`)
  await expect(filters(page).getByLabel('From', { exact: true })).toHaveValue(earlier)
  await expect(filters(page).getByLabel('To', { exact: true })).toHaveValue(later)
  await expect(status(page)).toHaveText(showing(archive.articles.length, archive.articles.length))
  await expectListed(page, archive.articles)
})

test('a month or a year alone in the address is completed to whole days', async ({ page, archive }) => {
  const month = archive.articles.at(-1)!.date.slice(0, 7) // the oldest release's month
  const year = month.slice(0, 4)
  const lastDay = new Date(Date.UTC(Number(year), Number(month.slice(5, 7)), 0)).getUTCDate()

  await page.goto(`/?from=${month}`)
  await expect(page).toHaveURL(`/?from=${month}-01`)
  await expect(filters(page).getByLabel('From', { exact: true })).toHaveValue(`${month}-01`)
  await expect(page.getByRole('link', { name: `Remove filter From ${spelled(`${month}-01`)}` })).toBeVisible()

  await page.goto(`/?to=${month}`)
  await expect(page).toHaveURL(`/?to=${month}-${lastDay}`)
  await expect(filters(page).getByLabel('To', { exact: true })).toHaveValue(`${month}-${lastDay}`)

  await page.goto(`/?from=${year}&to=${year}`)
  await expect(page).toHaveURL(`/?from=${year}-01-01&to=${year}-12-31`)
  const inYear = archive.articles.filter((a) => a.date.startsWith(year)).length
  await expect(status(page)).toHaveText(showing(inYear, archive.articles.length))
})

test('the quick range links write their dates into the address', async ({ page, archive }) => {
  const newest = archive.articles[0]!.date
  // A month back from the newest release, the day after (31 March → 1 March, as months are short).
  const [y, m, d] = newest.split('-').map(Number) as [number, number, number]
  const lastDayOfPreviousMonth = new Date(Date.UTC(y, m - 1, 0)).getUTCDate()
  const monthAgo = new Date(Date.UTC(y, m - 2, Math.min(d, lastDayOfPreviousMonth) + 1)).toISOString().slice(0, 10)
  const quick = page.getByRole('list', { name: 'Quick date ranges' })

  await page.goto('/')
  await quick.getByRole('link', { name: 'Latest month', exact: true }).click()
  await expect(page).toHaveURL(`/?from=${monthAgo}&to=${newest}`)
  await expect(filters(page).getByLabel('From', { exact: true })).toHaveValue(monthAgo)
  await expect(filters(page).getByLabel('To', { exact: true })).toHaveValue(newest)
  const lastMonth = archive.articles.filter((a) => a.date >= monthAgo)
  await expect(status(page)).toHaveText(showing(lastMonth.length, archive.articles.length))
  await expectListed(page, lastMonth)

  const year = archive.articles.at(-1)!.date.slice(0, 4)
  await quick.getByRole('link', { name: year, exact: true }).click()
  await expect(page).toHaveURL(`/?from=${year}-01-01&to=${year}-12-31`)
  // The chosen range is marked as the current one (the router writes aria-current="page").
  await expect(quick.getByRole('link', { name: year, exact: true })).toHaveAttribute('aria-current')
  await expect(quick.getByRole('link', { name: 'Latest month', exact: true })).not.toHaveAttribute('aria-current')
  const inYear = archive.articles.filter((a) => a.date.startsWith(year))
  await expect(status(page)).toHaveText(showing(inYear.length, archive.articles.length))
  await expectListed(page, inYear)
})
