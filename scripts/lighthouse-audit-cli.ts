// npx tsx scripts/lighthouse-audit-cli.ts [--runs 3] URL...: audits running pages with Lighthouse
// (mobile, simulated throttling) and prints the median run's scores and failing audits per URL.
import { parseArgs } from 'node:util'
import { auditPages } from './lighthouse-audit.ts'

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
for (const r of results) {
  console.log(`\n${r.url}`)
  console.log(`  performance ${r.performance}  accessibility ${r.accessibility}  best practices ${r.bestPractices}  SEO ${r.seo}`)
  console.log(`  LCP ${Math.round(r.lcpMs)} ms  FCP ${Math.round(r.fcpMs)} ms  TBT ${Math.round(r.tbtMs)} ms  CLS ${r.cls.toFixed(3)}`)
  if (r.lcpElement.length > 0) console.log(`  LCP element: ${r.lcpElement.join('; ')}`)
  for (const f of r.failures) {
    console.log(`  - ${f.id}: ${f.title}${f.displayValue ? ` (${f.displayValue})` : ''}`)
    for (const item of f.items) console.log(`      ${item}`)
  }
}
console.log(`\n${results.length} URL(s) in ${seconds.toFixed(1)} s`)
