import type { Page } from '@playwright/test'
import type { readArchive } from '../src/pipeline/read-archive.ts'
import { expect, test } from './fixtures.ts'

type Archive = ReturnType<typeof readArchive>

const entryTitles = (page: Page) =>
  page.getByRole('main').getByRole('listitem').getByRole('heading', { level: 3 })
const newerOlder = (page: Page) => page.getByRole('navigation', { name: 'Newer and older releases' })

/**
 * A filtered view to come back to: the topic with the most releases, between the dates of its
 * newest and oldest release, so the stream differs from the whole archive wherever it can.
 */
function filteredView(archive: Archive) {
  const topic = [...archive.index.topics].sort((a, b) => b.count - a.count)[0]
  if (!topic || topic.count < 2) return undefined
  const onTopic = archive.articles.filter((a) => a.topics.includes(topic.slug))
  const from = onTopic.at(-1)!.date
  const to = onTopic[0]!.date
  const stream = onTopic.filter((a) => a.date >= from && a.date <= to)
  // A release with a neighbour on each side when there is one, so Newer and Older both show.
  const position = stream.length > 2 ? 1 : 0
  return { topic, from, to, stream, position, address: `/?topic=${topic.slug}&from=${from}&to=${to}` }
}

test('the way back from a release, even after a reload, is the filtered timeline it was opened from', async ({
  page,
  archive,
}) => {
  const view = filteredView(archive)
  test.skip(!view, 'no topic in this archive has two releases')
  const { address, stream, position } = view!
  const release = stream[position]!

  await page.goto(address)
  await expect(entryTitles(page)).toHaveText(stream.map((a) => a.title))
  await page.getByRole('link', { name: release.title, exact: true }).click()
  await expect(page).toHaveURL(`/articles/${release.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(release.title)

  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(release.title)
  await page.getByRole('link', { name: '← Back to the timeline' }).click()

  await expect(page).toHaveURL(address)
  await expect(entryTitles(page)).toHaveText(stream.map((a) => a.title))
})

test('browser Back from a release shows the filtered timeline again, filters and all', async ({ page, archive }) => {
  const view = filteredView(archive)
  test.skip(!view, 'no topic in this archive has two releases')
  const { address, stream, position, topic, from, to } = view!

  await page.goto(address)
  await page.getByRole('link', { name: stream[position]!.title, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(stream[position]!.title)

  await page.goBack()
  await expect(page).toHaveURL(address)
  await expect(entryTitles(page)).toHaveText(stream.map((a) => a.title))
  const filters = page.getByRole('complementary', { name: 'Filters' })
  await expect(filters.getByRole('checkbox', { name: new RegExp(`^${topic.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })).toBeChecked()
  await expect(filters.getByLabel('From', { exact: true })).toHaveValue(from)
  await expect(filters.getByLabel('To', { exact: true })).toHaveValue(to)
})

test('Newer and Older on a release step through the filtered timeline, not the whole archive', async ({
  page,
  archive,
}) => {
  const view = filteredView(archive)
  test.skip(!view, 'no topic in this archive has two releases')
  const { address, stream, position } = view!

  await page.goto(address)
  await page.getByRole('link', { name: stream[position]!.title, exact: true }).click()

  for (let at = position; at < stream.length; at++) {
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
  await expect(entryTitles(page)).toHaveText(stream.map((a) => a.title))
})

test('a release opened from a topic page leads back to that topic page with its dates', async ({ page, archive }) => {
  const view = filteredView(archive)
  test.skip(!view, 'no topic in this archive has two releases')
  const { topic, from, to, stream, position } = view!
  const address = `/topics/${topic.slug}?from=${from}&to=${to}`

  await page.goto(address)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(topic.label)
  await page.getByRole('link', { name: stream[position]!.title, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(stream[position]!.title)

  await page.reload()
  await page.getByRole('link', { name: `← Back to ${topic.label}` }).click()
  await expect(page).toHaveURL(address)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(topic.label)
  await expect(entryTitles(page)).toHaveText(stream.map((a) => a.title))
})
