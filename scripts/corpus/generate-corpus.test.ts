import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { buildArchive } from '../../src/pipeline/build-archive.ts'
import { generateCorpus } from './generate-corpus.ts'
import { readSeedFile } from '../../src/test/seed.ts'

const read = readSeedFile
const source = { path: 'data/000_dc10d14db94d7939.txt', text: read('000_dc10d14db94d7939.txt') }
const taxonomy = { path: 'data/topics.yaml', text: read('topics.yaml') }

describe('generateCorpus', () => {
  const pages = generateCorpus({ count: 500, seed: 7, source })
  const built = buildArchive(
    pages.map((p) => ({ path: p.name, text: p.text })),
    taxonomy,
  )

  it('gives the same bytes for the same arguments, and other bytes for another seed', () => {
    expect(generateCorpus({ count: 500, seed: 7, source })).toEqual(pages)
    expect(generateCorpus({ count: 500, seed: 8, source })).not.toEqual(pages)
  })

  it('writes pages the pipeline accepts, holding exactly the releases asked for', () => {
    expect(built.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(built.summary.records).toBe(500)
  })

  it('numbers pages of ten records newest first, repeating some records at page edges', () => {
    expect(pages.map((p) => p.name)).toEqual([...pages.map((p) => p.name)].sort())
    expect(pages[0]!.name).toMatch(/^000_[0-9a-f]{16}\.txt$/)
    expect(pages.length).toBe(50)
    expect(built.summary.duplicatesMerged).toBeGreaterThan(0)
    const dates = built.articles.map((a) => a.date)
    expect(dates).toEqual([...dates].sort().reverse())
  })

  it('spreads dates over 2008 to 2024 and uses the four categories', () => {
    const years = new Set(built.articles.map((a) => a.date.slice(0, 4)))
    expect(Math.min(...[...years].map(Number))).toBeLessThanOrEqual(2009)
    expect(Math.max(...[...years].map(Number))).toBeGreaterThanOrEqual(2023)
    expect(built.index.categories.map((c) => c.label).sort()).toEqual([
      'Energy',
      'FTA/Economic Cooperation',
      'Industry',
      'Trade/Investment',
    ])
  })

  it('recombines the seed’s text, so releases get topics and captions find their full release', () => {
    expect(built.summary.articlesWithoutTopic).toBeLessThan(25)
    const captions = built.articles.filter((a) => a.title.endsWith('(photo)'))
    expect(captions.length).toBeGreaterThan(5)
    expect(captions.filter((c) => c.twin?.role === 'full-release').length).toBeGreaterThan(captions.length / 2)
  })

  it('writes messy exports as real scrapes are: byte-order marks and CRLF line ends', () => {
    expect(pages.some((p) => p.text.startsWith('\uFEFF'))).toBe(true)
    expect(pages.some((p) => p.text.includes('\r\n'))).toBe(true)
  })
})

describe('npm run corpus', () => {
  it('writes the same files twice for the same arguments', async () => {
    const run = promisify(execFile)
    const folders = [mkdtempSync(join(tmpdir(), 'corpus-a-')), mkdtempSync(join(tmpdir(), 'corpus-b-'))]
    for (const out of folders) {
      await run(join('node_modules', '.bin', 'tsx'), ['scripts/corpus.ts', '--count', '120', '--out', out])
    }
    const contents = folders.map((folder) => readdirSync(folder).map((name) => [name, readFileSync(join(folder, name), 'utf8')]))
    expect(contents[0]!.length).toBe(12)
    expect(contents[1]).toEqual(contents[0])
  }, 30_000)
})
