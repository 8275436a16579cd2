// The one place that knows where the browser is. Playwright cannot download its own on every
// machine (not on this project's), and Debian's chromium drives as well; Playwright's download is
// the fallback wherever it exists.
import { existsSync } from 'node:fs'
import { type Browser, chromium, type LaunchOptions } from '@playwright/test'

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

/** Debian's Chromium, when it is installed. */
function systemChromium(): string | undefined {
  return SYSTEM_PATHS.find((path) => existsSync(path))
}

/** The Chromium to drive: Debian's, else Playwright's own when it has been downloaded. */
export function chromiumPath(): string | undefined {
  return systemChromium() ?? (existsSync(chromium.executablePath()) ? chromium.executablePath() : undefined)
}

/** Flags for measuring and testing: nothing the browser would fetch or start for itself. */
export const QUIET_FLAGS = ['--disable-quic', '--disable-component-update', '--no-first-run']

/** Playwright's launch options for that Chromium (Playwright's own when Debian's is missing). */
export function launchOptions(options: LaunchOptions = {}): LaunchOptions {
  const path = systemChromium()
  return { ...(path ? { executablePath: path } : {}), ...options }
}

/** That Chromium, launched by Playwright. */
export function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  return chromium.launch(launchOptions(options))
}
