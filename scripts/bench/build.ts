// Building an archive for the bench: the production build as its own process (its wall time and
// its peak memory), what it leaves in dist/, and the libraries' floor of the first load.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import react from '@vitejs/plugin-react'
import { build } from 'vite'

const PRELOAD = fileURLToPath(new URL('max-rss.mjs', import.meta.url))
const VITE = resolve('node_modules', 'vite', 'bin', 'vite.js')
/** What a previous build's output is renamed with (and a time), until `removeSetAside`. */
const SET_ASIDE = '.set-aside-'
/** Lines of the build's output kept to explain a failed build. */
const TAIL_LINES = 30

export interface BuildResult {
  ok: boolean
  /** Wall time of the whole `vite build` process, from spawn to exit. */
  seconds: number
  /**
   * The process's maximum resident set size (MB of 10^6 bytes), from its exit or its fatal error;
   * absent when it was killed (SIGKILL) before either.
   */
  peakMB?: number
  /** How it ended when it failed: the exit code or the signal. */
  exit?: string
  /** The last lines of its stderr (of its stdout when stderr is empty), when it failed. */
  tail?: string[]
}

/**
 * Runs `vite build` on the archive at `data` into `outDir` as `node --import max-rss.mjs vite.js
 * build …`, the preload reporting the process's peak memory on exit.
 */
export async function buildSite(data: string, outDir: string, work: string): Promise<BuildResult> {
  mkdirSync(work, { recursive: true })
  // A build as on a fresh clone, into a folder that does not exist. The previous run's output is
  // moved aside, not removed: ext4 without a journal (this machine's disk) does not reuse an inode
  // freed in the last minute, and looks past each one, so a build right after removing the last
  // one's ten thousand pages took 8 s more system time (4 s more in all). What was moved aside is
  // removed once the bench has measured everything (`removeSetAside`).
  if (existsSync(outDir)) renameSync(outDir, `${outDir}${SET_ASIDE}${Date.now()}`)
  spawnSync('sync')
  await quietDisk()
  const rssFile = resolve(work, `max-rss-${process.pid}-${Date.now()}.txt`)
  const args = ['--import', pathToFileURL(PRELOAD).href, VITE, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error']
  const started = performance.now()
  const child = spawn(process.execPath, args, {
    env: { ...process.env, NEWS_DATA: data, BENCH_MAX_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stdout = tail(child.stdout)
  const stderr = tail(child.stderr)
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done, fail) => {
    child.on('error', fail)
    child.on('close', (c, s) => {
      done([c, s])
    })
  })
  const seconds = (performance.now() - started) / 1000
  const peakMB = peakOf(rssFile)
  const ok = code === 0
  const result: BuildResult = { ok, seconds, ...(peakMB === undefined ? {} : { peakMB }) }
  if (!ok) {
    const errLines = stderr.lines()
    result.exit = signal ? `signal ${signal}` : `exit code ${code}`
    result.tail = errLines.length > 0 ? errLines : stdout.lines()
  }
  return result
}

/** Removes the outputs `buildSite` moved aside in `work`, once no build is timed any more. */
export function removeSetAside(work: string) {
  if (!existsSync(work)) return
  for (const name of readdirSync(work)) if (name.includes(SET_ASIDE)) rmSync(join(work, name), { recursive: true, force: true })
}

/**
 * Waits (up to two minutes) until the disks have done no work for two seconds: deleting tens of
 * thousands of files goes on long after `rm` returns, and a build timed meanwhile was seen to take
 * twice as long. Where /proc/diskstats is missing, returns at once.
 */
async function quietDisk() {
  // Per device, field 13 of a line is the milliseconds spent doing I/O.
  const busy = () =>
    existsSync('/proc/diskstats')
      ? readFileSync('/proc/diskstats', 'utf8')
          .split('\n')
          .reduce((sum, line) => sum + (Number(line.trim().split(/\s+/)[12]) || 0), 0)
      : undefined
  const until = Date.now() + 120_000
  let quietSince = Date.now()
  let last = busy()
  while (last !== undefined && Date.now() < until && Date.now() - quietSince < 2000) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    const now = busy()
    if (now !== last) quietSince = Date.now()
    last = now
  }
}

/**
 * The build's peak memory (MB) from what the preload left: the figure written on exit, else the
 * diagnostic report of a fatal error; undefined when the process left neither (e.g. SIGKILL).
 */
function peakOf(rssFile: string): number | undefined {
  const report = `${rssFile}.fatal.json`
  try {
    if (existsSync(rssFile)) return (Number(readFileSync(rssFile, 'utf8').trim()) * 1024) / 1e6
    if (existsSync(report)) {
      const { resourceUsage } = JSON.parse(readFileSync(report, 'utf8')) as { resourceUsage?: { maxRss?: number } }
      return resourceUsage?.maxRss === undefined ? undefined : resourceUsage.maxRss / 1e6
    }
    return undefined
  } finally {
    rmSync(rssFile, { force: true })
    rmSync(report, { force: true })
  }
}

/** Keeps the last TAIL_LINES lines of a stream. */
function tail(stream: NodeJS.ReadableStream) {
  let kept = ''
  stream.setEncoding('utf8')
  stream.on('data', (chunk: string) => {
    kept += chunk
    if (kept.length > 64 * 1024) kept = kept.slice(-32 * 1024)
  })
  return {
    lines: () =>
      kept
        .trimEnd()
        .split('\n')
        .filter((l) => l.length > 0)
        .slice(-TAIL_LINES),
  }
}

export interface DistStats {
  /** Sum of the files' sizes, MB of 10^6 bytes. */
  sizeMB: number
  files: number
  /** The largest `feed.xml` or `feed.json` anywhere in dist (the site's and each topic's), KB of 1024 bytes. */
  largestFeedKB: number
  largestFeed: string
  feeds: number
}

export function distStats(outDir: string): DistStats {
  let bytes = 0
  let files = 0
  let feeds = 0
  let largestFeed = ''
  let largestFeedBytes = 0
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const size = statSync(path).size
    bytes += size
    files++
    if (entry.name === 'feed.xml' || entry.name === 'feed.json') {
      feeds++
      if (size > largestFeedBytes) {
        largestFeedBytes = size
        largestFeed = relative(outDir, path)
      }
    }
  }
  return { sizeMB: bytes / 1e6, files, largestFeedKB: largestFeedBytes / 1024, largestFeed, feeds }
}

/**
 * What React, react-dom, TanStack Router and Query weigh on their own (gzip KB): the smallest app on
 * the same stack (scripts/vendor-floor), built with the installed versions. The reader's own share
 * of the first load is what comes on top.
 */
export async function librariesAlone(work: string): Promise<number> {
  const outDir = resolve(work, 'vendor-floor')
  await build({
    root: 'scripts/vendor-floor',
    configFile: false,
    plugins: [react()],
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  })
  const assets = join(outDir, 'assets')
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'))
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f))).length, 0) / 1024
}
