// npx tsx scripts/card.ts: draws public/card.png, the 1200×630 link-preview image every page names
// in og:image and twitter:image. A small HTML page rendered in Chromium and screenshotted; the PNG
// is committed, this script only remakes it when the wording or colours change.
import { statSync } from 'node:fs'
import { SITE_NAME } from '../src/lib/site.ts'
import { launchChromium } from './chromium.ts'

const OUT = 'public/card.png'

// Few colours and flat areas keep the PNG small: a navy ground, white and one pale blue for text,
// the favicon's blue for the mark and the rule.
const HTML = `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<style>
  html, body { margin: 0; }
  body {
    width: 1200px; height: 630px; box-sizing: border-box; padding: 88px 96px;
    background: #0b1a33; color: #fff;
    font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", sans-serif;
    display: flex; flex-direction: column; justify-content: center;
  }
  .mark { display: flex; align-items: center; gap: 20px; margin-bottom: 48px;
    font-size: 30px; font-weight: 600; letter-spacing: 0.02em; color: #bfdbfe; }
  .mark svg { width: 64px; height: 64px; }
  h1 { margin: 0; font-size: 92px; line-height: 1.05; font-weight: 700; letter-spacing: -0.01em; }
  .rule { width: 120px; height: 8px; background: #1d4ed8; margin: 40px 0 36px; }
  p { margin: 0; font-size: 36px; line-height: 1.4; color: #bfdbfe; max-width: 960px; }
</style>
<body>
  <div class="mark">
    <svg viewBox="0 0 32 32" aria-hidden="true"><rect width="32" height="32" rx="6" fill="#1d4ed8"/><path d="M8 23V9h3.2l4.8 7 4.8-7H24v14h-3.2v-8.6L16 21l-4.8-6.6V23z" fill="#fff"/></svg>
    The reader
  </div>
  <h1>${SITE_NAME}</h1>
  <div class="rule"></div>
  <p>English press releases of Korea’s Ministry of Trade, Industry and Energy — read, filter, search, share</p>
</body>
</html>`

const browser = await launchChromium()
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 }, deviceScaleFactor: 1 })
  await page.setContent(HTML)
  await page.evaluate('document.fonts.ready')
  await page.screenshot({ path: OUT, type: 'png', clip: { x: 0, y: 0, width: 1200, height: 630 } })
} finally {
  await browser.close()
}
console.log(`${OUT}: 1200×630, ${(statSync(OUT).size / 1024).toFixed(1)} KB`)
