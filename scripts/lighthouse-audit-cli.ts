// npx tsx scripts/lighthouse-audit-cli.ts [--runs 3] URL...: audits running pages with Lighthouse
// (mobile, simulated throttling) and prints, per URL, the spread of its runs (min / median / max)
// and the details of its worst run (the lowest performance score): metrics, LCP element, failing audits.
import { parseArgs } from 'node:util'
import { auditPages, describeRun, describeSpread, formatMeasure, MEASURE_NAMES, type RunMeasure, worstRun } from './lighthouse-audit.ts'

const { values, positionals: urls } = parseArgs({
  options: { runs: { type: 'string', default: '1' } },
  allowPositionals: true,
})
if (urls.length === 0) {
  console.error('usage: tsx scripts/lighthouse-audit-cli.ts [--runs N] URL...')
  process.exit(2)
}
const started = performance.now()
const results = await auditPages(urls, { runs: Number(values.runs) })
const seconds = (performance.now() - started) / 1000
const spread: RunMeasure[] = ['performance', 'lcpMs', 'tbtMs', 'fcpMs']
const lowest: RunMeasure[] = ['accessibility', 'bestPractices', 'seo']
for (const runs of results) {
  const worst = worstRun(runs, 'performance')
  const width = Math.max(...spread.map((m) => MEASURE_NAMES[m].length))
  console.log(`\n${runs[0]!.url}: ${runs.length} run(s), min / median / max`)
  for (const m of spread) console.log(`  ${MEASURE_NAMES[m].padEnd(width)}  ${describeSpread(runs, m)}`)
  const cls = runs[worstRun(runs, 'cls')]!.cls
  const scores = lowest.map((m) => `${MEASURE_NAMES[m]} ${formatMeasure(m, runs[worstRun(runs, m)]![m])}`)
  console.log(`  CLS max ${formatMeasure('cls', cls)}; lowest ${scores.join(', ')}`)
  console.log(`  worst run (lowest performance): run ${worst + 1} of ${runs.length}`)
  for (const line of describeRun(runs[worst]!)) console.log(`    ${line}`)
}
console.log(`\n${results.length} URL(s) in ${seconds.toFixed(1)} s`)
