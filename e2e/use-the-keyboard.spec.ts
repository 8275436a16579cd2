import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

/** The title link of the timeline's entry at `position` (0 is the newest). */
const titleLink = (page: Page, position: number) =>
  page.getByRole('main').getByRole('heading', { level: 3 }).getByRole('link').nth(position)

/** The timeline has loaded and nothing on the page has focus yet. */
async function openTimeline(page: Page) {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Press releases')
}

test('j and k move through the timeline and Enter opens the release in focus', async ({ page, archive }) => {
  test.skip(archive.articles.length < 2, 'the archive needs two releases')
  const [first, second] = archive.articles as [(typeof archive.articles)[0], (typeof archive.articles)[0]]
  await openTimeline(page)

  await expect(titleLink(page, 0)).toHaveText(first.title)
  await expect(titleLink(page, 1)).toHaveText(second.title)

  await page.keyboard.press('j')
  await expect(titleLink(page, 0)).toBeFocused()
  await page.keyboard.press('j')
  await expect(titleLink(page, 1)).toBeFocused()
  await page.keyboard.press('k')
  await expect(titleLink(page, 0)).toBeFocused()

  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(`/articles/${first.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title)
})

test('? lists the shortcuts in a dialog that Escape closes', async ({ page }) => {
  await openTimeline(page)
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeHidden()

  await page.keyboard.press('?')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('term')).toHaveText(['j', 'k', 'Enter', '/', '?', 'Esc'])

  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('/ goes to the search box', async ({ page }) => {
  // The brief said "/ focuses the category filter"; since search arrived, the app and its
  // shortcuts dialog say "/ Go to the search box".
  await openTimeline(page)
  await page.keyboard.press('/')
  await expect(page.getByRole('searchbox', { name: 'Search releases' })).toBeFocused()
  await expect(page.getByRole('searchbox', { name: 'Search releases' })).toHaveValue('')
})

test('typing j in a form field stays in the field instead of moving through the timeline', async ({ page }) => {
  await openTimeline(page)
  const filters = page.getByRole('complementary', { name: 'Filters' })

  for (const field of [filters.getByLabel('From', { exact: true }), filters.getByLabel('Category')]) {
    await field.focus()
    await page.keyboard.press('j')
    await expect(field).toBeFocused()
    await page.keyboard.press('k')
    await expect(field).toBeFocused()
  }
  await expect(page).toHaveURL('/')
  await expect(titleLink(page, 0)).not.toBeFocused()

  // In the search box, j and k are letters.
  const searchBox = page.getByRole('searchbox', { name: 'Search releases' })
  await searchBox.focus()
  await page.keyboard.press('j')
  await page.keyboard.press('k')
  await expect(searchBox).toBeFocused()
  await expect(searchBox).toHaveValue('jk')
  await expect(page).toHaveURL('/?q=jk')
})

test('the first Tab stop skips to the content', async ({ page }) => {
  await openTimeline(page)
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeVisible()

  await page.keyboard.press('Enter')
  await expect(page.getByRole('main')).toBeFocused()
  // The next Tab continues inside the content, not back in the header.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('main').locator(':focus')).toHaveCount(1)
})

test('Shift+Tab from the search box reaches the topics, and Space ticks one', async ({ page, archive }) => {
  test.skip(!archive.index.topics.some((t) => t.count > 0), 'no topic in this archive has a release')
  await openTimeline(page)
  const filters = page.getByRole('complementary', { name: 'Filters' })
  await page.keyboard.press('/')
  await expect(page.getByRole('searchbox', { name: 'Search releases' })).toBeFocused()
  // The filters come just before the timeline: one step back is the last topic's checkbox.
  await page.keyboard.press('Shift+Tab')
  await expect(filters.getByRole('checkbox').last()).toBeFocused()

  await page.keyboard.press('Space')
  await expect(page).toHaveURL(/\/\?topic=[a-z0-9-]+$/)
  await expect(filters.getByRole('checkbox', { checked: true })).toHaveCount(1)
  await expect(filters.getByRole('checkbox', { checked: true })).toBeFocused()
  await expect(page.getByRole('link', { name: /^Remove filter Topic: / })).toBeVisible()
})

test('a date typed into "From" with the keyboard narrows the timeline to it', async ({ page, archive }) => {
  const day = archive.articles.at(-1)!.date
  const [year, month, dayOfMonth] = day.split('-') as [string, string, string]
  await openTimeline(page)
  const from = page.getByRole('complementary', { name: 'Filters' }).getByLabel('From', { exact: true })
  await from.focus()
  // Chromium's date field takes the digits in the locale's order: month, day, year for en-US.
  expect(await page.evaluate(() => navigator.language)).toBe('en-US')
  await page.keyboard.type(`${month}${dayOfMonth}${year}`)
  await expect(from).toHaveValue(day)
  await expect(page).toHaveURL(`/?from=${day}`)
})
