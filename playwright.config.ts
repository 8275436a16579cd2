import { defineConfig, devices } from '@playwright/test'
import { launchOptions, QUIET_FLAGS } from './scripts/chromium.ts'

// Debian's Chromium, else Playwright's (scripts/chromium.ts). Where neither is present,
// `npm run test:e2e` installs one first (scripts/ensure-browser.ts).
// E2E_DIST and E2E_PORT point the journeys at another production build (another archive, say).
const port = Number(process.env.E2E_PORT ?? 4173)
const dist = process.env.E2E_DIST ?? 'dist'
// A second build, from another archive given by NEWS_DATA: overlapping pages in the three shapes the
// ministry publishes, one a messy export, with markup in a release. It proves the build reads every
// shape, merges pages and never runs markup.
const otherArchive = 'e2e/fixtures/overlapping-pages'
const otherPort = port + 1
const otherOutDir = `.tmp/dist-overlapping-pages-${otherPort}`
// A third build, of a synthetic archive longer than one page of the timeline.
const longArchive = '.tmp/corpus-120'
const longPort = port + 2
const longOutDir = `.tmp/dist-long-${longPort}`
// A fourth, deployed under a sub-path. The static-host journeys reach it by its address.
// Every build is served as a real host serves it (scripts/static-host.ts): no fallback to the app,
// unknown addresses get 404.html with status 404.
const subPathPort = port + 3
const subPathOutDir = `.tmp/e2e-reader-base-${subPathPort}`

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: launchOptions({ args: QUIET_FLAGS }),
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /another-archive|long-timeline/,
      use: { ...devices['Desktop Chrome'] },
    },
    {
      name: 'another-archive',
      testMatch: /another-archive/,
      use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${otherPort}` },
    },
    {
      name: 'long-archive',
      testMatch: /long-timeline/,
      use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${longPort}` },
    },
  ],
  // Browser tests run against production builds only, never the dev server.
  webServer: [
    {
      command: `npx tsx scripts/static-host.ts ${dist} ${port}`,
      url: `http://localhost:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: `npx vite build --outDir ${otherOutDir} --emptyOutDir && npx tsx scripts/static-host.ts ${otherOutDir} ${otherPort}`,
      env: { NEWS_DATA: otherArchive },
      url: `http://localhost:${otherPort}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: `npx tsx scripts/corpus.ts --count 120 --out ${longArchive} && npx vite build --outDir ${longOutDir} --emptyOutDir && npx tsx scripts/static-host.ts ${longOutDir} ${longPort}`,
      env: { NEWS_DATA: longArchive },
      url: `http://localhost:${longPort}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: `npx vite build --outDir ${subPathOutDir} --emptyOutDir && npx tsx scripts/static-host.ts ${subPathOutDir} ${subPathPort}`,
      env: { BASE_PATH: '/reader/', SITE_URL: 'https://example.org' },
      url: `http://localhost:${subPathPort}/reader/`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
})
