import { TIMELINE_PAGE_SIZE } from '../src/pipeline/archive-files.ts'
import { expect, test } from './fixtures.ts'

test('the home page lists the newest releases, newest first', async ({ page, archive }) => {
  await page.goto('/')
  const titles = page.getByRole('main').getByRole('listitem').getByRole('heading')
  // The whole archive when it fits on a page; "Show more" is for the rest (read-a-long-timeline).
  const newest = archive.articles.slice(0, TIMELINE_PAGE_SIZE)
  await expect(titles).toHaveCount(newest.length)
  await expect(titles).toHaveText(newest.map((a) => a.title))
})

test('opening a release shows its full body, and reloading shows it again', async ({ page, archive }) => {
  const onFirstPage = archive.articles.slice(0, TIMELINE_PAGE_SIZE)
  const article = onFirstPage.find((a) => a.paragraphs.length > 3) ?? archive.articles[0]!
  // A paragraph is found wherever its text is (a recombined archive may repeat one, or hold it in another).
  const occurrences = (text: string) => article.paragraphs.filter((p) => p.includes(text)).length
  await page.goto('/')
  await page.getByRole('link', { name: article.title, exact: true }).first().click()

  await expect(page).toHaveURL(`/articles/${article.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title)
  await expect(page).toHaveTitle(new RegExp(article.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  const body = page.getByRole('article').locator('p')
  for (const paragraph of article.paragraphs) await expect(body.filter({ hasText: paragraph })).toHaveCount(occurrences(paragraph))

  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title)
  await expect(body.filter({ hasText: article.paragraphs.at(-1)! })).toHaveCount(occurrences(article.paragraphs.at(-1)!))
})

test('a caption links to the full release on the same event', async ({ page, archive }) => {
  const caption = archive.articles.find((a) => a.twin?.role === 'full-release')
  test.skip(!caption, 'this archive has no caption/full-release pair')
  await page.goto(`/articles/${caption!.slug}`)
  await page.getByRole('complementary', { name: 'Companion release' }).getByRole('link', { name: caption!.twin!.title }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(caption!.twin!.title)
})

test('a mistyped release address says so and offers the closest titles', async ({ page, archive }) => {
  const article = archive.articles[0]!
  const response = await page.goto(`/articles/${article.slug.slice(0, -4)}x`)
  // Answered as a static host would, with the not-found page and its status; the app adds the titles.
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  // A large archive may hold two releases of the same title: either is the one asked for.
  await page.getByRole('link', { name: article.title }).first().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title)
})

test('a release address typed in capitals lands on the release', async ({ page, archive }) => {
  const article = archive.articles[1]!
  await page.goto(`/articles/${article.slug.toUpperCase()}`)
  await expect(page).toHaveURL(`/articles/${article.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(article.title)
})

test('an unknown address gets a not-found page with a way home', async ({ page }) => {
  await page.goto('/no/such/page')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  await page.getByRole('link', { name: 'Go to the timeline of all releases' }).click()
  await expect(page).toHaveURL('/')
})

test('opening a release puts focus on its content, as a page load would for a screen reader', async ({ page, archive }) => {
  await page.goto('/')
  await page.getByRole('link', { name: archive.articles[0]!.title, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(archive.articles[0]!.title)
  await expect(page.getByRole('main')).toBeFocused()
})

test('the share note of one release does not carry over to the next', async ({ page, archive, context }) => {
  const release = archive.articles.find((a) => a.twin) ?? archive.articles[0]!
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto(`/articles/${release.slug}`)
  await page.getByRole('button', { name: 'Share' }).click()
  await expect(page.getByText('Link copied to the clipboard.')).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url())
  await page.getByRole('navigation', { name: 'Newer and older releases' }).getByRole('link').first().click()
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(release.title)
  await expect(page.getByText('Link copied to the clipboard.')).toHaveCount(0)
})

test('each page is written with the title the app gives it once it runs', async ({ page, request, archive }) => {
  const topic = archive.index.topics[0]!
  for (const path of ['/', '/topics', `/topics/${topic.slug}`, `/articles/${archive.articles[0]!.slug}`]) {
    const document = await (await request.get(path)).text()
    const written = /<title>([^<]*)<\/title>/.exec(document)?.[1]
    await page.goto(path)
    expect(written, path).toBeTruthy()
    expect(document.match(/<title>/g), `${path}: one title`).toHaveLength(1)
    expect(await page.title(), path).toBe(
      written!
        .replace(/&amp;/g, '&')
        .replace(/&#39;/g, "'")
        .replace(/&quot;/g, '"'),
    )
  }
})
