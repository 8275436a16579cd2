// Makes sure Playwright has a Chromium to drive, without a person setting one up:
// Debian's chromium where apt can install it, else Playwright's own download.
import { execSync } from 'node:child_process'
import { chromiumPath as found } from './chromium.ts'

const run = (command: string) => {
  console.log(`ensure-browser: ${command}`)
  execSync(command, { stdio: 'inherit' })
}
const canApt = () => {
  try {
    execSync('command -v apt-get', { stdio: 'ignore' })
    return process.getuid?.() === 0
  } catch {
    return false
  }
}

if (!found()) {
  console.log('ensure-browser: no Chromium found; installing one')
  if (canApt()) {
    try {
      run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium')
    } catch {
      console.log("ensure-browser: apt could not install chromium; trying Playwright's own")
    }
  }
  if (!found()) run('npx playwright install --with-deps chromium')
}
if (!found()) {
  console.error('ensure-browser: no Chromium could be installed; browser tests cannot run')
  process.exit(1)
}
console.log(`ensure-browser: using ${found()}`)
