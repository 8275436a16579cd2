import AxeBuilder from '@axe-core/playwright'
import { archiveLocation, readArchive } from '../src/pipeline/read-archive.ts'
import { expect, test } from './fixtures.ts'

// The pages are chosen from the archive the build was made from, as the `archive` fixture reads it.
const archive = readArchive(archiveLocation())
const topic = [...archive.index.topics].sort((a, b) => b.count - a.count)[0]
const article = archive.articles[0]
const oldest = archive.articles.at(-1)?.date

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

const pages: { name: string; address: string | undefined }[] = [
  { name: 'the timeline', address: '/' },
  {
    name: 'a filtered timeline',
    address: topic && oldest ? `/?topic=${topic.slug}&from=${oldest}` : undefined,
  },
  {
    name: 'a search',
    address: article && `/?q=${encodeURIComponent(article.title.split(' ').find((w) => w.length > 4) ?? article.title)}`,
  },
  { name: 'a release', address: article && `/articles/${article.slug}` },
  { name: 'the topics page', address: '/topics' },
  { name: 'a topic page', address: topic && `/topics/${topic.slug}` },
  { name: 'the not-found page', address: '/no/such/page' },
  { name: 'an unknown release', address: article && `/articles/${article.slug.slice(0, -4)}x` },
]

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`in the ${scheme} theme`, () => {
    for (const { name, address } of pages) {
      test(`axe finds no violations on ${name}`, async ({ page }) => {
        test.skip(!address, `the archive has nothing to show on ${name}`)
        await page.emulateMedia({ colorScheme: scheme })
        await page.goto(address!)
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        if (scheme === 'dark') await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/)
        else await expect(page.locator('html')).not.toHaveClass(/(^|\s)dark(\s|$)/)

        const results = await new AxeBuilder({ page }).withTags(WCAG).analyze()
        expect(results.violations.map(describe)).toEqual([])
      })
    }
  })
}

/** A violation as a reader of the test report wants it: the rule, why, and where. */
function describe(violation: {
  id: string
  impact?: string | null
  help: string
  nodes: { target: unknown[]; failureSummary?: string }[]
}) {
  return {
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
  }
}

test('the chosen theme is remembered after a reload', async ({ page }) => {
  const html = page.locator('html')
  const theme = page.getByLabel('Theme')
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('/')
  await expect(theme).toHaveValue('system')
  await expect(html).not.toHaveClass(/(^|\s)dark(\s|$)/)
  await expect(theme.getByRole('option')).toHaveText(['System', 'Light', 'Dark'])

  await theme.selectOption({ label: 'Dark' })
  await expect(html).toHaveClass(/(^|\s)dark(\s|$)/)
  await page.reload()
  await expect(theme).toHaveValue('dark')
  await expect(html).toHaveClass(/(^|\s)dark(\s|$)/)

  // Light stays light on a system that prefers dark.
  await page.emulateMedia({ colorScheme: 'dark' })
  await theme.selectOption({ label: 'Light' })
  await expect(html).not.toHaveClass(/(^|\s)dark(\s|$)/)
  await page.reload()
  await expect(theme).toHaveValue('light')
  await expect(html).not.toHaveClass(/(^|\s)dark(\s|$)/)

  // System follows the system again.
  await theme.selectOption({ label: 'System' })
  await expect(html).toHaveClass(/(^|\s)dark(\s|$)/)
  await page.reload()
  await expect(theme).toHaveValue('system')
  await expect(html).toHaveClass(/(^|\s)dark(\s|$)/)
})
