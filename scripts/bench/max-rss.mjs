// Preloaded into the bench's `vite build` (node --import): on exit, writes the process's peak
// resident set size (process.resourceUsage().maxRSS, in kB of 1024 bytes) to the file named by
// BENCH_MAX_RSS_FILE. The kernel keeps the peak, so nothing is sampled; worker threads share the
// process, so their memory is in it. Only the main thread writes, and child processes do not
// inherit the variable, so no other exit overwrites the figure.
//
// A fatal error (V8 out of heap) ends the process without exit handlers: Node's diagnostic report
// is then written to `<file>.fatal.json`, its resourceUsage.maxRss being the same peak, in bytes.
import { writeFileSync } from 'node:fs'
import { basename, dirname } from 'node:path'
import { isMainThread } from 'node:worker_threads'

const file = process.env.BENCH_MAX_RSS_FILE
if (isMainThread && file) {
  delete process.env.BENCH_MAX_RSS_FILE
  process.report.reportOnFatalError = true
  process.report.directory = dirname(file)
  process.report.filename = `${basename(file)}.fatal.json`
  process.on('exit', () => {
    writeFileSync(file, `${process.resourceUsage().maxRSS}\n`)
  })
}
