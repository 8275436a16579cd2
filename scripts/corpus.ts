// npm run corpus -- --count 10000 --out <dir> [--seed 1]: write a synthetic archive of page files.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_ARCHIVE } from '../src/pipeline/read-archive.ts'
import { generateCorpus } from './corpus/generate-corpus.ts'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    source: { type: 'string', default: join(DEFAULT_ARCHIVE, '000_dc10d14db94d7939.txt') },
  },
})
const count = Number(values.count)
const seed = Number(values.seed)
if (!values.out || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run corpus -- --count <releases> --out <folder> [--seed <integer>] [--source <page file>]')
  process.exit(2)
}
const pages = generateCorpus({ count, seed, source: { path: values.source, text: readFileSync(values.source, 'utf8') } })
mkdirSync(values.out, { recursive: true })
for (const page of pages) writeFileSync(join(values.out, page.name), page.text)
console.log(`corpus: ${count} releases in ${pages.length} pages written to ${values.out}`)
