import { expect, test } from './fixtures.ts'

test('from a photo caption, the Companion release box leads to the full release and back', async ({ page, archive }) => {
  const titleCount = (title: string) => archive.articles.filter((a) => a.title === title).length
  const captions = archive.articles.filter((a) => a.twin?.role === 'full-release')
  // Preferably a pair whose titles no other release shares, so the reader can tell them apart.
  const caption = captions.find((a) => titleCount(a.title) === 1 && titleCount(a.twin!.title) === 1) ?? captions[0]
  test.skip(!caption, 'this archive has no caption/full-release pair')
  const full = archive.articles.find((a) => a.slug === caption!.twin!.slug)!
  const companion = page.getByRole('complementary', { name: 'Companion release' })

  // The timeline of the caption's day says which releases have a companion.
  await page.goto(`/?from=${caption!.date}&to=${caption!.date}`)
  const entry = page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: caption!.title, exact: true }) })
    .first()
  await expect(entry).toContainText('has a companion release')
  await entry.getByRole('link', { name: caption!.title, exact: true }).click()

  await expect(page).toHaveURL(`/articles/${caption!.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(caption!.title)
  await expect(companion).toContainText('This is a photo caption. The full release:')
  await companion.getByRole('link', { name: full.title, exact: true }).click()

  await expect(page).toHaveURL(`/articles/${full.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(full.title)
  expect(full.twin).toMatchObject({ slug: caption!.slug, role: 'caption' })
  await expect(companion).toContainText('The photo caption on the same event:')
  await companion.getByRole('link', { name: caption!.title, exact: true }).click()

  await expect(page).toHaveURL(`/articles/${caption!.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(caption!.title)
})

test('every caption and full release in the archive link to each other', async ({ page, archive }) => {
  const paired = archive.articles.filter((a) => a.twin)
  test.skip(paired.length === 0, 'this archive has no caption/full-release pair')
  const companion = page.getByRole('complementary', { name: 'Companion release' })
  // A sample is enough on a large archive: the first twenty releases that have a companion.
  for (const release of paired.slice(0, 20)) {
    await page.goto(`/articles/${release.slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(release.title)
    await expect(companion.getByRole('link', { name: release.twin!.title, exact: true })).toHaveAttribute(
      'href',
      `/articles/${release.twin!.slug}`,
    )
  }
})
