import { expect, test } from './fixtures.ts'

// Addresses a reader could be sent, hand-edited, truncated or malicious. Each must give a page with
// a heading, nothing in the console (the fixture checks), no markup from the address in the page,
// and no script run.
const HOSTILE: { name: string; address: string; bug?: string }[] = [
  { name: 'markup as a topic', address: '/?topic=<script>alert(1)</script>' },
  { name: 'an encoded image tag as a topic', address: '/?topic=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E' },
  { name: 'a NUL byte and empty topics', address: '/?topic=%00,,,' },
  { name: 'impossible dates', address: '/?from=99999-99-99&to=-1' },
  { name: 'a leap day that is not one', address: '/?from=2023-02-29' },
  { name: 'a path as a category', address: '/?category=../../etc/passwd' },
  { name: 'a broken percent escape', address: '/?q=%E0%A4%A' },
  { name: 'a key given twice', address: '/?topic=ai&topic=exports' },
  { name: 'a bracketed key', address: '/?from[]=x' },
  { name: 'prototype keys', address: '/?__proto__=x&constructor=y&toString=z' },
  { name: 'a JSON value', address: '/?topic=%5B%22ai%22%5D&from=%7B%7D' },
  { name: 'a 5,000-character query', address: `/?q=${'a'.repeat(5000)}` },
  { name: 'markup and quotes as a search', address: '/?q=%22%3Cscript%3Ealert(1)%3C%2Fscript%3E&sort=%3Cb%3E' },
  { name: 'search operators alone', address: '/?q=%22%22%20*%20-%20(%20%5C' },
  { name: 'five hundred unknown topics', address: `/?topic=${Array.from({ length: 500 }, (_, i) => `t${i}`).join(',')}` },
  { name: 'an empty query and a fragment', address: '/?#top' },
  { name: 'a markup fragment', address: '/#<img src=x onerror=alert(1)>' },
  {
    name: 'a broken escape as a release',
    address: '/articles/%E0%A4%A',
  },
  { name: 'an encoded path traversal as a release', address: '/articles/..%2F..%2F' },
  { name: 'markup as a release', address: '/articles/%3Cscript%3Ealert(1)%3C%2Fscript%3E' },
  { name: 'a release address without a release', address: '/articles/' },
  { name: 'an unknown topic page', address: '/topics/nope' },
  { name: 'markup as a topic page', address: '/topics/%3Cscript%3E' },
  { name: 'a topic page with hostile search', address: '/topics/ai?topic=<script>&from=banana' },
  { name: 'a double slash', address: '//example.com' },
  { name: 'a double slash with a path', address: '//example.com/articles/x' },
  { name: 'a javascript: path', address: '/javascript:alert(1)' },
]

for (const { name, address, bug } of HOSTILE) {
  test(`${name} gives a page, not a crash: ${address.length > 60 ? `${address.slice(0, 57)}…` : address}`, async ({ page, baseURL }) => {
    test.fail(Boolean(bug), bug)
    await page.addInitScript(() => {
      const calls: unknown[] = []
      Object.defineProperty(window, '__alerts', { value: calls })
      window.alert = (message?: unknown) => {
        calls.push(message)
      }
    })
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })

    // Joined by hand: `//example.com` resolved against the base would leave the site.
    const response = await page.goto(`${baseURL!}${address}`)
    // The server answers with the reader's page (a 404 status for an address it cannot decode).
    expect(response?.status(), 'the server answers').toBeLessThan(500)
    expect(response?.headers()['content-type'], 'with a page').toContain('text/html')
    expect(new URL(page.url()).host, 'the reader stays on its own site').toBe(new URL(baseURL!).host)

    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.getByRole('main').locator('script, img, iframe, object, embed')).toHaveCount(0)
    expect(await page.evaluate(() => (window as unknown as { __alerts: unknown[] }).__alerts)).toEqual([])
    expect(dialogs).toEqual([])
    // A way back to the timeline is always there.
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' })).toBeVisible()
  })
}
