import type { Page } from '@playwright/test'
import type { ArticleSummary } from '../src/pipeline/types.ts'
import { expect, test } from './fixtures.ts'

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const releases = (count: number) => `${count.toLocaleString('en-GB')} ${count === 1 ? 'release' : 'releases'}`
const showing = (shown: number, total: number) => `Showing ${releases(shown)} of ${total.toLocaleString('en-GB')}`

/** The timeline's entries: the list items that hold a release's title. */
const entries = (page: Page) =>
  page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3 }) })
const status = (page: Page) => page.getByRole('main').getByRole('status')
const filters = (page: Page) => page.getByRole('complementary', { name: 'Filters' })
/** A topic's checkbox in the Filters panel; its name is the topic's label followed by a count. */
const topicBox = (page: Page, label: string) =>
  filters(page).getByRole('checkbox', { name: new RegExp(`^${escapeRegExp(label)}\\s*[\\d,]+$`) })

/**
 * The timeline lists `expected` in order: all of them, or on a long timeline the first ones with
 * a "Show more" button for the rest.
 */
async function expectListed(page: Page, expected: readonly Pick<ArticleSummary, 'title'>[]) {
  const titles = entries(page).getByRole('heading', { level: 3 })
  if (expected.length === 0) return expect(titles).toHaveCount(0)
  await expect(titles.first()).toBeVisible()
  const listed = await titles.count()
  await expect(titles).toHaveText(expected.slice(0, listed).map((a) => a.title))
  if (listed < expected.length) await expect(page.getByRole('button', { name: /^Show \d+ more/ })).toBeVisible()
}

test('a topic tag on a timeline entry opens that topic, and Back and Forward move between the two', async ({ page, archive }) => {
  // The newest release that carries a topic, near the top of the timeline.
  const position = archive.articles.findIndex((a) => a.topics.length > 0)
  test.skip(position === -1 || position >= 20, 'none of the newest releases carries a topic')
  const article = archive.articles[position]!
  const topic = archive.index.topics.find((t) => t.slug === article.topics[0])!
  const onTopic = archive.articles.filter((a) => a.topics.includes(topic.slug))
  expect(onTopic).toHaveLength(topic.count)

  await page.goto('/')
  await expect(status(page)).toHaveText(`${releases(archive.articles.length)}, newest first`)
  const entry = entries(page).nth(position)
  await expect(entry.getByRole('heading', { level: 3 })).toHaveText(article.title)
  await entry.getByRole('list', { name: 'Topics' }).getByRole('link', { name: topic.label, exact: true }).click()

  await expect(page).toHaveURL(`/topics/${topic.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(topic.label)
  await expect(status(page)).toHaveText(`${releases(topic.count)}, newest first`)
  await expectListed(page, onTopic)
  const tag = page.getByRole('list', { name: 'Topics' }).getByRole('link', { name: topic.label, exact: true })
  await expect(entries(page).filter({ hasNot: tag })).toHaveCount(0)

  await page.goBack()
  await expect(page).toHaveURL('/')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Press releases')
  await expect(status(page)).toHaveText(`${releases(archive.articles.length)}, newest first`)
  await expectListed(page, archive.articles)

  await page.goForward()
  await expect(page).toHaveURL(`/topics/${topic.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(topic.label)
  await expect(status(page)).toHaveText(`${releases(topic.count)}, newest first`)
  await expectListed(page, onTopic)
})

test('ticking topics narrows the timeline to releases on all of them, and Back undoes one change at a time', async ({ page, archive }) => {
  const carrying = (...slugs: string[]) => archive.articles.filter((a) => slugs.every((s) => a.topics.includes(s)))
  // Two topics that share releases, ideally fewer than the first has alone, so the second narrows.
  const used = archive.index.topics.filter((t) => t.count > 0)
  const pairs = used.flatMap((a) =>
    used.filter((b) => b.slug !== a.slug && carrying(a.slug, b.slug).length > 0).map((b) => [a, b] as const),
  )
  const pair = pairs.find(([a, b]) => carrying(a.slug, b.slug).length < a.count) ?? pairs[0]
  test.skip(!pair, 'no two topics share a release in this archive')
  const [first, second] = pair!
  const total = archive.articles.length
  const both = carrying(first.slug, second.slug)

  // Each view the journey passes through: its address, its status line and its releases.
  const views = {
    all: { url: '/', status: `${releases(total)}, newest first`, listed: archive.articles },
    first: { url: `/?topic=${first.slug}`, status: showing(first.count, total), listed: carrying(first.slug) },
    firstThenSecond: { url: `/?topic=${first.slug},${second.slug}`, status: showing(both.length, total), listed: both },
    second: { url: `/?topic=${second.slug}`, status: showing(second.count, total), listed: carrying(second.slug) },
    secondThenFirst: { url: `/?topic=${second.slug},${first.slug}`, status: showing(both.length, total), listed: both },
  }
  const expectView = async (view: (typeof views)['all']) => {
    await expect(page).toHaveURL(view.url)
    await expect(status(page)).toHaveText(view.status)
    await expectListed(page, view.listed)
  }

  await page.goto('/')
  await expectView(views.all)

  await topicBox(page, first.label).check()
  await expectView(views.first)
  await expect(topicBox(page, first.label)).toBeChecked()
  await expect(page.getByRole('link', { name: `Remove filter Topic: ${first.label}` })).toBeVisible()

  await topicBox(page, second.label).check()
  await expectView(views.firstThenSecond)

  // One click removes one filter and keeps the other.
  await page.getByRole('link', { name: `Remove filter Topic: ${first.label}` }).click()
  await expectView(views.second)
  await expect(topicBox(page, first.label)).not.toBeChecked()
  await expect(topicBox(page, second.label)).toBeChecked()
  await expect(page.getByRole('link', { name: /^Remove filter/ })).toHaveCount(1)

  await topicBox(page, first.label).check()
  await expectView(views.secondThenFirst)

  await page.getByRole('link', { name: 'Clear all', exact: true }).click()
  await expectView(views.all)
  await expect(page.getByRole('navigation', { name: 'Active filters' })).toHaveCount(0)
  await expect(filters(page).getByRole('checkbox', { checked: true })).toHaveCount(0)

  for (const view of [views.secondThenFirst, views.second, views.firstThenSecond, views.first, views.all]) {
    await page.goBack()
    await expectView(view)
  }
})
