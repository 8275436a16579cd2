// npm run screenshots: pictures of the production build for the README (docs/screenshots/),
// the timeline and an article, on a phone and a desktop, in light and dark.
import { mkdirSync } from 'node:fs'
import { launchChromium } from './chromium.ts'
import { startStaticHost } from './static-host.ts'
import { DEFAULT_ARCHIVE, readArchive } from '../src/pipeline/read-archive.ts'

const out = 'docs/screenshots'
mkdirSync(out, { recursive: true })
const server = await startStaticHost('dist')
const base = server.origin
const article = readArchive(DEFAULT_ARCHIVE).articles.find((a) => a.twin?.role === 'caption') ?? readArchive(DEFAULT_ARCHIVE).articles[0]!
const browser = await launchChromium()

const pages = { timeline: '/', article: `/articles/${article.slug}` }
const devices = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } }
for (const [pageName, path] of Object.entries(pages)) {
  for (const [deviceName, viewport] of Object.entries(devices)) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport, colorScheme, deviceScaleFactor: 1 })
      await page.goto(base + path)
      await page.getByRole('heading', { level: 1 }).waitFor()
      const file = `${out}/${pageName}-${deviceName}-${colorScheme}.png`
      await page.screenshot({ path: file })
      console.log(file)
      await page.close()
    }
  }
}
await browser.close()
await server.close()
