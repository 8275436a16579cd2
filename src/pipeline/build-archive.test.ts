import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, describe, it, expect } from 'vitest'
import { toArticle } from './article.ts'
import { buildArchive, indexArchive, type SourceFile } from './build-archive.ts'
import { ArchiveSourceError, formatIssue, readArchiveSource } from './read-archive.ts'
import { readSeedFile } from '@/test/seed'

const SEED_PATH = 'data/000_dc10d14db94d7939.txt'
const seedText = readSeedFile('000_dc10d14db94d7939.txt')
const taxonomyText = readSeedFile('topics.yaml')
const taxonomy: SourceFile = { path: 'data/topics.yaml', text: taxonomyText }

const page = (...records: string[][]) => `${records.map((r) => ['-', ...r].join('\n')).join('\n')}\n`
const build = (...texts: string[]) =>
  buildArchive(
    texts.map((text, i) => ({ path: `data/00${i}_page.txt`, text })),
    taxonomy,
  )

/** The seed's records, read straight from the file rather than through the pipeline. */
const expected = seedText.split('\n').flatMap((line, i, lines) => {
  if (line !== '-') return []
  const [category = '', title = '', bodyLine = ''] = lines.slice(i + 1, i + 4)
  return [{ category, title, date: bodyLine.slice(-10), body: bodyLine.replace(/date\d{4}-\d{2}-\d{2}$/, '').trimEnd() }]
})

describe('the seed', () => {
  const built = buildArchive([{ path: SEED_PATH, text: seedText }], taxonomy)

  it('gives the same releases when each is made from its draft, as the build does', () => {
    const indexed = indexArchive([{ path: SEED_PATH, text: seedText }], taxonomy)
    expect(indexed.index).toEqual(built.index)
    expect(indexed.summary).toEqual(built.summary)
    expect(built.articles.map((_, i) => toArticle(indexed.draft(i)))).toEqual(built.articles)
    expect(built.articles.map((_, i) => indexed.body(i))).toEqual(built.articles.map((a) => a.paragraphs.join(' ')))
  })

  it('names each release’s topics as the taxonomy labels them, in the same order', () => {
    for (const article of built.articles) {
      expect(article.topicLabels).toEqual(article.topics.map((slug) => built.index.topics.find((t) => t.slug === slug)!.label))
    }
  })

  it('holds exactly ten releases and no issue', () => {
    expect(expected).toHaveLength(10)
    expect(built.articles).toHaveLength(10)
    expect(built.issues).toEqual([])
    expect(built.summary).toMatchObject({ records: 10, pages: 1, duplicatesMerged: 0, errors: 0, warnings: 0 })
  })

  it('keeps each title, date and category exactly as in the file, newest first', () => {
    expect(built.articles.map((a) => [a.title, a.date, a.categoryLabel])).toEqual(expected.map((r) => [r.title, r.date, r.category]))
    expect(built.articles.every((a) => a.category === 'industry')).toBe(true)
  })

  it('keeps every body character for character in its paragraphs', () => {
    built.articles.forEach((article, i) => {
      expect(article.paragraphs.join(' ')).toBe(expected[i]!.body)
    })
  })

  it('lists the same releases, in the same order, in the timeline index', () => {
    expect(built.index.articles.map((a) => a.slug)).toEqual(built.articles.map((a) => a.slug))
    expect(built.index.categories).toEqual([{ slug: 'industry', label: 'Industry', count: 10 }])
    expect(built.summary.articlesWithoutTopic).toBe(0)
  })

  it('counts each topic over the releases that carry it', () => {
    for (const topic of built.index.topics) {
      expect(topic.count).toBe(built.articles.filter((a) => a.topics.includes(topic.slug)).length)
    }
    expect(built.summary.topics).toBe(built.index.topics.filter((t) => t.count > 0).length)
  })
})

describe('duplicates', () => {
  const chile = [
    'Industry',
    'Korea and Chile to push forward cooperation in critical minerals supply chain',
    'The fifth Korea-Chile Resources Cooperation Committee met in Santiago. date2024-05-16',
  ]

  it('merges the same record found in two pages once, and counts it', () => {
    const ships = ['Industry', 'MOTIE-shipyards joint TF', 'The task force attended the symposium. date2024-05-14']
    const built = build(page(chile), page(chile, ships))
    expect(built.articles.map((a) => a.title)).toEqual([chile[1], ships[1]])
    expect(built.summary).toMatchObject({ records: 2, pages: 2, duplicatesMerged: 1, errors: 0, warnings: 0 })
  })

  it('keeps two releases with the same title on different dates, with different slugs', () => {
    const title = 'Minister discusses support measures for reshored companies'
    const built = build(
      page(
        ['Industry', title, 'The minister met reshored companies in Sejong. date2024-05-07'],
        ['Industry', title, 'The minister met reshored companies in Sejong. date2023-11-20'],
      ),
    )
    expect(built.articles.map((a) => a.date)).toEqual(['2024-05-07', '2023-11-20'])
    expect(built.articles[0]!.slug).not.toBe(built.articles[1]!.slug)
    expect(built.summary.duplicatesMerged).toBe(0)
    expect(built.issues).toEqual([])
  })

  it('keeps two editions with the same title and date, with different slugs and a warning', () => {
    const title = 'Korea’s automobile exports advance 10.3% in April'
    const text = page(
      ['Industry', title, 'Exports climbed 10.3 percent to USD 6.8 billion. date2024-05-09'],
      ['Industry', title, 'Exports climbed 10.3 percent to USD 6.2 billion. date2024-05-09'],
    )
    const built = build(text)
    expect(built.articles).toHaveLength(2)
    const [first, second] = built.articles.map((a) => a.slug)
    expect(first).not.toBe(second)
    for (const slug of [first, second]) expect(slug).toMatch(/^2024-05-09-koreas-automobile-exports-[a-z0-9-]+$/)
    expect(built.issues).toEqual([
      {
        path: 'data/000_page.txt',
        line: text.split('\n').lastIndexOf('Industry') + 1,
        severity: 'warning',
        message: expect.stringContaining('same title and date'),
      },
    ])
    expect(built.summary).toMatchObject({ errors: 0, warnings: 1 })
  })

  it('gives each edition the same slug whichever page lists it first', () => {
    const title = 'Korea’s automobile exports advance 10.3% in April'
    const a = ['Industry', title, 'Exports climbed 10.3 percent. date2024-05-09']
    const b = ['Industry', title, 'Exports climbed 10.2 percent. date2024-05-09']
    const slugs = (built: ReturnType<typeof build>) => new Map(built.articles.map((x) => [x.paragraphs.join(' '), x.slug]))
    expect(slugs(build(page(a), page(b)))).toEqual(slugs(build(page(b), page(a))))
  })
})

describe('markup stays text', () => {
  it('passes titles and bodies through character for character', () => {
    const title = 'MOTIE <b>and</b> Airbus D&amp;S sign MOU <script>alert(1)</script>'
    const body = 'The <b>minister</b> met Airbus D&amp;S. <script>alert(1)</script> R&D & “quotes” rose 10%.'
    const built = build(page(['Industry', title, `${body} date2024-05-10`]))
    expect(built.issues).toEqual([])
    const [article] = built.articles
    expect(article!.title).toBe(title)
    expect(article!.paragraphs.join(' ')).toBe(body)
    expect(body.startsWith(article!.excerpt)).toBe(true)
    expect(built.index.articles[0]!.title).toBe(title)
    expect(article!.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  })
})

describe('readArchiveSource', () => {
  const folders: string[] = []
  const folder = (files: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'motie-archive-'))
    folders.push(dir)
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
    return dir
  }
  afterAll(() => {
    for (const dir of folders) rmSync(dir, { recursive: true, force: true })
  })

  const lines = seedText.split('\n')
  const cut = lines.indexOf('-', lines.length / 2)
  // Two scrapes overlapping by one record, written in reverse to show that order comes from the names.
  const newer = lines.slice(0, cut + 4).join('\n')
  const older = lines.slice(cut).join('\n')

  it('reads page files in name order and uses the project’s topics when the folder has none', () => {
    const dir = folder({ '001_older.txt': older, '000_newer.txt': newer, 'notes.md': '# not a page' })
    const source = readArchiveSource(dir)
    expect(source.pages.map((p) => basename(p.path))).toEqual(['000_newer.txt', '001_older.txt'])
    expect(source.taxonomy.text).toBe(taxonomyText)

    const built = buildArchive(source.pages, source.taxonomy)
    expect(built.summary).toMatchObject({ records: 10, pages: 2, duplicatesMerged: 1, errors: 0 })
    expect(built.articles.map((a) => a.title)).toEqual(expected.map((r) => r.title))
  })

  it('uses the folder’s own topics.yaml when it has one', () => {
    const own = 'topics:\n  - slug: ai\n    label: AI\n    description: AI.\n    match:\n      strong: [AI]\n'
    const source = readArchiveSource(folder({ '000_page.txt': newer, 'topics.yaml': own }))
    expect(source.taxonomy.text).toBe(own)
  })

  it('finds page files in subfolders', () => {
    const dir = folder({ '000_newer.txt': newer })
    mkdirSync(join(dir, '2023'))
    writeFileSync(join(dir, '2023', '001_older.txt'), older)
    expect(readArchiveSource(dir).pages.map((p) => basename(p.path))).toEqual(['000_newer.txt', '001_older.txt'])
  })

  it('throws a clear error for a folder without page files', () => {
    const dir = folder({ 'topics.yaml': taxonomyText, 'README.md': 'nothing here' })
    expect(() => readArchiveSource(dir)).toThrow(ArchiveSourceError)
    expect(() => readArchiveSource(dir)).toThrow(/no page files \(\*\.txt\) found/)
  })

  it('throws a clear error for a path that does not exist', () => {
    expect(() => readArchiveSource(join(tmpdir(), 'motie-archive-missing-9f8e7d'))).toThrow(/no such file or folder/)
  })
})

describe('formatIssue', () => {
  it('writes path:line: message', () => {
    expect(formatIssue({ path: 'data/001_page.txt', line: 12, message: 'record has no date', severity: 'error' })).toBe(
      'data/001_page.txt:12: record has no date',
    )
  })

  it('marks a warning as such, after the position', () => {
    expect(formatIssue({ path: 'data/001_page.txt', line: 3, message: 'unknown category "Industri"', severity: 'warning' })).toBe(
      'data/001_page.txt:3: warning: unknown category "Industri"',
    )
  })
})
