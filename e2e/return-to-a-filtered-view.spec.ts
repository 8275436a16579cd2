import type { Page } from '@playwright/test'
import type { readArchive } from '../src/pipeline/read-archive.ts'
import type { ArticleSummary } from '../src/pipeline/types.ts'
import { expect, test } from './fixtures.ts'

type Archive = ReturnType<typeof readArchive>

const entryTitles = (page: Page) => page.getByRole('main').getByRole('listitem').getByRole('heading', { level: 3 })
const newerOlder = (page: Page) => page.getByRole('navigation', { name: 'Newer and older releases' })

/** The timeline lists `expected` in order (on a long timeline, the first ones). */
async function expectListed(page: Page, expected: readonly Pick<ArticleSummary, 'title'>[]) {
  await expect(entryTitles(page).first()).toBeVisible()
  const listed = await entryTitles(page).count()
  expect(listed).toBeLessThanOrEqual(expected.length)
  await expect(entryTitles(page)).toHaveText(expected.slice(0, listed).map((a) => a.title))
}

/** Opens the release listed at `position` on the timeline, by its title link. */
async function openListed(page: Page, position: number, release: Pick<ArticleSummary, 'title' | 'slug'>) {
  const link = entryTitles(page).nth(position).getByRole('link')
  await expect(link).toHaveText(release.title)
  await link.click()
  await expect(page).toHaveURL(`/articles/${release.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(release.title)
}

/**
 * A filtered view to come back to: the topic with the most releases, from the day of its fifth
 * newest release to its newest, so the stream is short and differs from the whole archive.
 */
function filteredView(archive: Archive) {
  const topic = [...archive.index.topics].sort((a, b) => b.count - a.count)[0]
  if (!topic || topic.count < 2) return undefined
  const onTopic = archive.articles.filter((a) => a.topics.includes(topic.slug))
  const to = onTopic[0]!.date
  const from = onTopic[Math.min(4, onTopic.length - 1)]!.date
  const stream = onTopic.filter((a) => a.date >= from && a.date <= to)
  // A release with a neighbour on each side when there is one, so Newer and Older both show.
  const position = stream.length > 2 ? 1 : 0
  return { topic, from, to, stream, position, address: `/?topic=${topic.slug}&from=${from}&to=${to}` }
}

test('the way back from a release, even after a reload, is the filtered timeline it was opened from', async ({ page, archive }) => {
  const view = filteredView(archive)
  test.skip(!view, 'no topic in this archive has two releases')
  const { address, stream, position } = view!

  await page.goto(address)
  await expectListed(page, stream)
  await openListed(page, position, stream[position]!)

  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(stream[position]!.title)
  await page.getByRole('link', { name: '← Back to the timeline' }).click()

  await expect(page).toHaveURL(address)
  await expectListed(page, stream)
})

test('browser Back from a release shows the filtered timeline again, filters and all', async ({ page, archive }) => {
  const view = filteredView(archive)
  test.skip(!view, 'no topic in this archive has two releases')
  const { address, stream, position, topic, from, to } = view!

  await page.goto(address)
  await openListed(page, position, stream[position]!)

  await page.goBack()
  await expect(page).toHaveURL(address)
  await expectListed(page, stream)
  const filters = page.getByRole('complementary', { name: 'Filters' })
  const label = topic.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  await expect(filters.getByRole('checkbox', { name: new RegExp(`^${label}\\s*[\\d,]+$`) })).toBeChecked()
  await expect(filters.getByLabel('From', { exact: true })).toHaveValue(from)
  await expect(filters.getByLabel('To', { exact: true })).toHaveValue(to)
})

test('Newer and Older on a release step through the filtered timeline, not the whole archive', async ({ page, archive }) => {
  const view = filteredView(archive)
  test.skip(!view, 'no topic in this archive has two releases')
  const { address, stream, position } = view!

  await page.goto(address)
  await openListed(page, position, stream[position]!)

  // At most four steps: enough to leave the first release and reach the end of a short stream.
  for (let at = position; at < Math.min(stream.length, position + 4); at++) {
    const release = stream[at]!
    await expect(page).toHaveURL(`/articles/${release.slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(release.title)
    const newer = newerOlder(page).getByRole('link', { name: /Newer/ })
    const older = newerOlder(page).getByRole('link', { name: /Older/ })
    if (at > 0) await expect(newer).toContainText(stream[at - 1]!.title)
    else await expect(newer).toHaveCount(0)
    if (at + 1 < stream.length) {
      await expect(older).toContainText(stream[at + 1]!.title)
      await older.click()
    } else {
      await expect(older).toHaveCount(0)
    }
  }

  // Stepping keeps the way back to the filtered view.
  await page.getByRole('link', { name: '← Back to the timeline' }).click()
  await expect(page).toHaveURL(address)
  await expectListed(page, stream)
})

test('a release opened from a topic page leads back to that topic page with its dates', async ({ page, archive }) => {
  const view = filteredView(archive)
  test.skip(!view, 'no topic in this archive has two releases')
  const { topic, from, to, stream, position } = view!
  const address = `/topics/${topic.slug}?from=${from}&to=${to}`

  await page.goto(address)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(topic.label)
  await openListed(page, position, stream[position]!)

  await page.reload()
  await page.getByRole('link', { name: `← Back to ${topic.label}` }).click()
  await expect(page).toHaveURL(address)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(topic.label)
  await expectListed(page, stream)
})
