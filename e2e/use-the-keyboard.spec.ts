import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

const titleLink = (page: Page, title: string) =>
  page.getByRole('main').getByRole('heading', { level: 3 }).getByRole('link', { name: title, exact: true })

/** The timeline has loaded and nothing on the page has focus yet. */
async function openTimeline(page: Page) {
  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Press releases')
}

test('j and k move through the timeline and Enter opens the release in focus', async ({ page, archive }) => {
  test.skip(archive.articles.length < 2, 'the archive needs two releases')
  const [first, second] = archive.articles as [(typeof archive.articles)[0], (typeof archive.articles)[0]]
  await openTimeline(page)

  await page.keyboard.press('j')
  await expect(titleLink(page, first.title)).toBeFocused()
  await page.keyboard.press('j')
  await expect(titleLink(page, second.title)).toBeFocused()
  await page.keyboard.press('k')
  await expect(titleLink(page, first.title)).toBeFocused()

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

test('/ goes to the filters', async ({ page }) => {
  await openTimeline(page)
  await page.keyboard.press('/')
  await expect(page.getByRole('complementary', { name: 'Filters' }).getByLabel('Category')).toBeFocused()
})

test('typing j in a form field stays in the field instead of moving through the timeline', async ({ page }) => {
  await openTimeline(page)
  const filters = page.getByRole('complementary', { name: 'Filters' })
  const entries = page.getByRole('main').getByRole('heading', { level: 3 }).getByRole('link')

  for (const field of [filters.getByLabel('From', { exact: true }), filters.getByLabel('Category')]) {
    await field.focus()
    await page.keyboard.press('j')
    await expect(field).toBeFocused()
    await page.keyboard.press('k')
    await expect(field).toBeFocused()
  }
  await expect(page).toHaveURL('/')
  for (const link of await entries.all()) await expect(link).not.toBeFocused()
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

test('Tab and Space tick a topic in the filters', async ({ page, archive }) => {
  const topic = archive.index.topics.find((t) => t.count > 0)
  test.skip(!topic, 'no topic in this archive has a release')
  await openTimeline(page)
  await page.keyboard.press('/')
  const checkbox = page.getByRole('complementary', { name: 'Filters' }).getByRole('checkbox').first()
  // Tab on from the category filter until the first topic's checkbox has focus (a date field has
  // several stops, so the number of presses depends on the browser's locale).
  for (let presses = 0; presses < 20 && !(await checkbox.evaluate((box) => box === document.activeElement)); presses++) {
    await page.keyboard.press('Tab')
  }
  await expect(checkbox).toBeFocused()
  await page.keyboard.press('Space')
  await expect(page).toHaveURL(/\/\?topic=[a-z0-9-]+$/)
  await expect(page.getByRole('complementary', { name: 'Filters' }).getByRole('checkbox').first()).toBeChecked()
})

test('a date typed into "From" with the keyboard narrows the timeline to it', async ({ page, archive }) => {
  // App bug: each keystroke that leaves a valid date navigates at once, and the re-render resets
  // the field's typing. Typing 05 09 2024 gives ?from=0002-05-09 after the first year digit, then
  // an empty field and `/` after the second; the typed date is lost (Chromium, en-US).
  test.fail()
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
