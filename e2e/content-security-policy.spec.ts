import type { Page } from '@playwright/test'
import { expect, test } from './fixtures.ts'

// Every page carries a Content-Security-Policy in a <meta> (scripts/build/page-document.ts). A violation
// is logged as a console error, which fails any journey (e2e/fixtures.ts): every journey runs under
// the policy. These check the policy itself, and what it stops.

/** Violations the page reports, as "directive blocked-address". */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as { __violations?: string[] }).__violations = seen
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`)
    })
  })
  return () => page.evaluate(() => (window as { __violations?: string[] }).__violations ?? [])
}

const policyOf = (page: Page) => page.locator('head meta[http-equiv="Content-Security-Policy"]').getAttribute('content')

test('every page allows only the site’s own scripts and its inline ones by hash, and the app runs under it', async ({ page, archive }) => {
  const violations = await watchViolations(page)
  const release = archive.articles[0]!
  for (const address of ['/', '/topics', `/topics/${release.topics[0]!}`, `/articles/${release.slug}`, '/no-such-page']) {
    await page.goto(address)
    const policy = await policyOf(page)
    expect(policy, address).toMatch(/(^|;)script-src 'self'( 'sha256-[\w+/=]+')+(;|$)/)
    expect(policy, address).toContain("object-src 'none'")
    expect(policy, address).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
    // The policy comes before every script of the page: one applies only to what follows it.
    expect(await page.evaluate(() => document.head.firstElementChild?.nextElementSibling?.getAttribute('http-equiv'))).toBe(
      'Content-Security-Policy',
    )
  }
  // The app at work: a search (its worker and index files), a filter, a release and back.
  await page.goto('/')
  await page.getByRole('searchbox', { name: 'Search releases' }).fill(release.title.split(' ')[0]!)
  await expect(page.getByRole('main').locator('[data-timeline-entry]').first()).toBeVisible()
  await page.goto(`/?topic=${release.topics[0]!}`)
  await page.getByRole('link', { name: release.title, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(release.title)
  await page.goBack()
  await expect(page.getByRole('link', { name: release.title, exact: true })).toBeVisible()
  expect(await violations()).toEqual([])
})

test('markup smuggled into a release could not run even if escaping failed', async ({ page, archive, consoleErrors }) => {
  const release = archive.articles[0]!
  // The release's page as a build that failed to escape its text would write it (outside the
  // app's root, which would otherwise not hydrate the same).
  await page.route(`**/articles/${release.slug}`, async (route) => {
    const response = await route.fetch()
    const smuggled = '<script>window.__smuggled = "script"</script><img src="/favicon.svg" alt="" onload="window.__smuggled = \'handler\'">'
    await route.fulfill({ response, body: (await response.text()).replace('<body>', `<body>${smuggled}`) })
  })
  const violations = await watchViolations(page)
  await page.goto(`/articles/${release.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(release.title)
  expect(await page.evaluate(() => (window as { __smuggled?: string }).__smuggled)).toBeUndefined()
  expect(await violations()).toEqual(expect.arrayContaining(['script-src-elem inline', 'script-src-attr inline']))
  // The browser says what it refused; those are the only errors.
  expect(consoleErrors.length).toBeGreaterThan(0)
  expect(consoleErrors.every((error) => error.includes('Content Security Policy'))).toBe(true)
  consoleErrors.length = 0
})
