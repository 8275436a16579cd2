import { describe, it, expect } from 'vitest'
import { buildArchive } from './build-archive.ts'
import { isRealDate, parsePage, UNCATEGORIZED } from './parse-page.ts'
import { readSeedFile } from '@/test/seed'

const SEED_PATH = 'data/000_dc10d14db94d7939.txt'
const seed = readSeedFile('000_dc10d14db94d7939.txt')
const taxonomy = {
  path: 'data/topics.yaml',
  text: readSeedFile('topics.yaml'),
}

type Lines = string[]
const record = (title: string, body: string, date = '2024-05-22', category = 'Industry'): Lines => [category, title, `${body} date${date}`]
const page = (...records: Lines[]) => `${records.map((r) => ['-', ...r].join('\n')).join('\n')}\n`

/** 1-based number of the line of `text` that reads exactly `line`. */
function lineOf(text: string, line: string): number {
  const index = text.split(/\r\n|\n|\r/).indexOf(line)
  if (index === -1) throw new Error(`no line ${JSON.stringify(line)}`)
  return index + 1
}

const chile = record(
  'Korea and Chile to push forward cooperation in critical minerals',
  'The committee met in Santiago on May 15.',
  '2024-05-16',
)
const cars = record('Korea’s automobile exports advance 10.3% in April', 'Exports rose 10.3 percent.', '2024-05-09')

describe('parsePage: what messy exports add changes nothing', () => {
  const clean = seed.replace(/\s*$/, '\n')

  function allTogether(): string {
    // Mixed line ends in one file, as when a file was edited on two systems.
    const lines = clean.trimEnd().replace(/\n-\n/g, '\n\n \n-\n').split('\n')
    return `\uFEFF${lines
      .map((line, i) => `${line} \t${i % 2 ? '\r' : '\r\n'}`)
      .join('')
      .trimEnd()}`
  }

  const variants: [string, string][] = [
    ['a byte-order mark', `\uFEFF${clean}`],
    ['CRLF line ends', clean.replace(/\n/g, '\r\n')],
    ['lone CR line ends', clean.replace(/\n/g, '\r')],
    ['trailing spaces and tabs', clean.replace(/\n/g, '  \t \n')],
    ['a blank line between records', clean.replace(/\n-\n/g, '\n\n-\n')],
    ['several blank lines between records', clean.replace(/\n-\n/g, '\n\n\t\n   \n\n-\n')],
    ['no newline at the end', clean.slice(0, -1)],
    ['all of them together', allTogether()],
  ]

  const view = (text: string) => {
    const built = buildArchive([{ path: SEED_PATH, text }], taxonomy)
    return {
      issues: built.issues,
      articles: built.articles.map((a) => ({
        title: a.title,
        date: a.date,
        category: a.category,
        categoryLabel: a.categoryLabel,
        paragraphs: a.paragraphs,
        slug: a.slug,
      })),
    }
  }
  const expected = view(clean)

  it('reads the clean seed without any issue', () => {
    expect(expected.issues).toEqual([])
    expect(expected.articles).toHaveLength(10)
  })

  it.each(variants)('%s', (_, text) => {
    expect(text).not.toBe(clean)
    expect(view(text)).toEqual(expected)
  })

  it('counts lines the same whatever the line ends, so issues point at the same line', () => {
    const text = page(chile, ['Industry', 'No date here', 'A body without a date.'], cars)
    const line = lineOf(text, 'A body without a date.')
    for (const variant of [text, text.replace(/\n/g, '\r\n'), text.replace(/\n/g, '\r'), `\uFEFF${text}`]) {
      expect(parsePage('p.txt', variant).issues.map((i) => i.line)).toEqual([line])
    }
  })

  it('remembers where each record starts (its first line)', () => {
    const text = `\n\n${page(chile, cars)}`
    expect(parsePage('p.txt', text).records.map((r) => r.source)).toEqual([
      { path: 'p.txt', line: lineOf(text, chile[0]!) },
      { path: 'p.txt', line: text.split('\n').lastIndexOf('Industry') + 1 },
    ])
  })
})

describe('parsePage: bad records are reported at their line and nothing else is lost', () => {
  const PATH = 'data/001_f00ba4.txt'
  const cases: { name: string; bad: Lines; offending: string; message: RegExp }[] = [
    {
      name: 'a record without a date',
      bad: ['Industry', 'A release without a date', 'The minister met the delegation.'],
      offending: 'The minister met the delegation.',
      message: /no date/,
    },
    {
      name: 'a malformed date (date2024-5-22)',
      bad: ['Industry', 'Short month', 'The minister met the delegation. date2024-5-22'],
      offending: 'The minister met the delegation. date2024-5-22',
      message: /malformed date/,
    },
    {
      name: 'a malformed date (date 2024-05-22)',
      bad: ['Industry', 'Space before the date', 'The minister met the delegation. date 2024-05-22'],
      offending: 'The minister met the delegation. date 2024-05-22',
      message: /malformed date/,
    },
    ...['2024-02-30', '2023-02-29', '2024-13-01'].map((date) => ({
      name: `an impossible date (${date})`,
      bad: record('An impossible day', 'The minister met the delegation.', date),
      offending: `The minister met the delegation. date${date}`,
      message: /impossible date/,
    })),
    {
      name: 'a missing title',
      bad: ['Industry', 'The minister met the delegation. date2024-05-20'],
      offending: 'The minister met the delegation. date2024-05-20',
      message: /no title/,
    },
    {
      name: 'a missing body',
      bad: ['Industry', 'A title with nothing after it'],
      offending: 'A title with nothing after it',
      message: /no body/,
    },
    {
      name: 'a body line first',
      bad: ['The minister met the delegation. date2024-05-20'],
      offending: 'The minister met the delegation. date2024-05-20',
      message: /no title/,
    },
    {
      name: 'a title that ends with a date, before the body',
      bad: ['Industry', 'Minutes of date2024-05-20', 'The minister met the delegation. date2024-05-20'],
      offending: 'Minutes of date2024-05-20',
      message: /title ends with a date/,
    },
    {
      name: 'a stray line inside a record',
      bad: [...record('Four lines', 'The minister met the delegation.', '2024-05-20'), 'Photo: MOTIE'],
      offending: 'Photo: MOTIE',
      message: /stray line/,
    },
    {
      name: 'a stray line between the title and the body',
      bad: ['Industry', 'A title', 'Photo: MOTIE', 'The minister met the delegation. date2024-05-20'],
      offending: 'Photo: MOTIE',
      message: /stray line/,
    },
  ]

  it.each(cases)('$name', ({ bad, offending, message }) => {
    const text = page(chile, bad, cars)
    const { records, issues } = parsePage(PATH, text)
    expect(issues).toEqual([{ path: PATH, line: lineOf(text, offending), severity: 'error', message: expect.stringMatching(message) }])
    expect(records.map((r) => r.title)).toEqual([chile[1], cars[1]])
  })

  it('stray lines before the first "-"', () => {
    const text = `Scraped 2024-05-25\nMOTIE press releases\n${page(chile, cars)}`
    const { records, issues } = parsePage(PATH, text)
    expect(issues).toEqual([{ path: PATH, line: 1, severity: 'error', message: expect.stringMatching(/stray line/) }])
    expect(records).toHaveLength(2)
  })

  it.each([
    ['an empty file', ''],
    ['a file of only whitespace', ' \n\t\n\r\n  '],
    ['a file of only a byte-order mark', '\uFEFF'],
    ['a file of a byte-order mark and blank lines', '\uFEFF\n \n\t\r\n'],
  ])('%s', (_, text) => {
    expect(parsePage(PATH, text)).toEqual({
      records: [],
      issues: [{ path: PATH, line: 1, severity: 'error', message: expect.stringMatching(/empty/) }],
    })
  })

  it('keeps a record of an unknown category and warns about it', () => {
    const text = page(chile, record('A typo in the category', 'The minister met the delegation.', '2024-05-20', 'Industri'))
    const { records, issues } = parsePage(PATH, text)
    expect(records.map((r) => r.category)).toEqual(['Industry', 'Industri'])
    expect(issues).toEqual([
      { path: PATH, line: lineOf(text, 'Industri'), severity: 'warning', message: expect.stringContaining('Industri') },
    ])
  })

  it('reads the ministry’s other categories without a warning', () => {
    const categories = ['Trade/Investment', 'Energy', 'FTA/Economic Cooperation']
    const text = page(...categories.map((c, i) => record(`Release ${i}`, 'Body.', '2024-05-20', c)))
    const { records, issues } = parsePage(PATH, text)
    expect(issues).toEqual([])
    expect(records.map((r) => r.category)).toEqual(categories)
  })

  it('makes the build fail while keeping the good records', () => {
    const bad = page(chile, ['Industry', 'Undated', 'No date in this body.'], cars)
    const built = buildArchive([{ path: PATH, text: bad }], taxonomy)
    expect(built.summary.errors).toBe(1)
    expect(built.articles.map((a) => a.title)).toEqual([chile[1], cars[1]])
  })
})

describe('parsePage: the date', () => {
  it('is taken off the body, which keeps its own text', () => {
    const [parsed] = parsePage('p.txt', page(record('Title', 'Exports reached USD 6.8 billion.', '2024-05-09'))).records
    expect(parsed).toMatchObject({ date: '2024-05-09', body: 'Exports reached USD 6.8 billion.' })
  })

  it('names real days only', () => {
    expect(['2024-02-29', '2023-12-31', '2024-05-22'].map(isRealDate)).toEqual([true, true, true])
    expect(['2023-02-29', '2024-04-31', '2024-00-10', '2024-5-22'].map(isRealDate)).toEqual([false, false, false, false])
  })
})

describe('parsePage: the shapes the ministry publishes', () => {
  const PATH = 'data/002_topic.txt'
  const uncategorized = (title: string, body: string, date = '2024-05-22'): Lines => [title, `${body} date${date}`]
  const unseparated = (...records: Lines[]) => `${records.flat().join('\n')}\n`
  const hydrogen = uncategorized('Korea and Australia to build a hydrogen supply chain', 'The two ministers met in Seoul.', '2024-05-21')
  const retail = uncategorized('Retail sales rise 5.1% in April', 'Online sales grew fastest.', '2024-05-20')

  it('reads records without a category line, as the topic listings write them, as uncategorized', () => {
    const text = page(hydrogen, retail)
    const { records, issues } = parsePage(PATH, text)
    expect(records.map((r) => [r.category, r.title, r.body, r.date])).toEqual([
      [UNCATEGORIZED, hydrogen[0], 'The two ministers met in Seoul.', '2024-05-21'],
      [UNCATEGORIZED, retail[0], 'Online sales grew fastest.', '2024-05-20'],
    ])
    expect(records.map((r) => r.source.line)).toEqual([lineOf(text, hydrogen[0]!), lineOf(text, retail[0]!)])
    // One warning for the page, at its first such record, not one a record.
    expect(issues).toEqual([
      {
        path: PATH,
        line: lineOf(text, hydrogen[0]!),
        severity: 'warning',
        message: expect.stringMatching(/^2 records have no category line.*"Uncategorized"/),
      },
    ])
  })

  it('reads records with and without a category on one page', () => {
    const text = page(chile, hydrogen, cars)
    const { records, issues } = parsePage(PATH, text)
    expect(records.map((r) => r.category)).toEqual(['Industry', UNCATEGORIZED, 'Industry'])
    expect(issues).toEqual([
      {
        path: PATH,
        line: lineOf(text, hydrogen[0]!),
        severity: 'warning',
        message: expect.stringMatching(/^1 record has no category line/),
      },
    ])
  })

  it('reads a page without "-" lines, as the older site wrote it: each record ends with its dated body', () => {
    const text = unseparated(hydrogen, retail)
    const { records, issues } = parsePage(PATH, text)
    expect(records.map((r) => [r.title, r.date, r.source.line])).toEqual([
      [hydrogen[0], '2024-05-21', 1],
      [retail[0], '2024-05-20', 3],
    ])
    expect(records.every((r) => r.category === UNCATEGORIZED)).toBe(true)
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ line: 1, severity: 'warning' })
  })

  it('reads a category line on a page without "-" lines when it names one of the ministry’s', () => {
    const { records, issues } = parsePage(PATH, unseparated(chile, retail))
    expect(records.map((r) => r.category)).toEqual(['Industry', UNCATEGORIZED])
    expect(issues.map((i) => i.severity)).toEqual(['warning'])
  })

  it('tolerates on a page without "-" lines what messy exports add', () => {
    const clean = unseparated(hydrogen, retail)
    const messy = `\uFEFF${clean.replace(/\n/g, ' \r\n\r\n')}`.trimEnd()
    // Blank lines move the records' lines; what is read is the same.
    const read = (text: string) => parsePage(PATH, text).records.map((record) => ({ ...record, source: undefined }))
    expect(read(messy)).toEqual(read(clean))
    expect(read(messy)).toHaveLength(2)
  })

  const failures: { name: string; text: string; offending: string; message: RegExp; kept: string[] }[] = [
    {
      name: 'a body without a date, which would run into the next record',
      text: unseparated(hydrogen, ['A release without a date', 'The minister met the delegation.'], retail),
      offending: 'The minister met the delegation.',
      message: /no date/,
      kept: [hydrogen[0]!],
    },
    {
      name: 'a title with no body at the end of the page',
      text: unseparated(hydrogen, retail, ['A title with nothing after it']),
      offending: 'A title with nothing after it',
      message: /no dated body line/,
      kept: [hydrogen[0]!, retail[0]!],
    },
    {
      name: 'a page that starts with a body',
      text: unseparated(['The minister met the delegation. date2024-05-23'], hydrogen),
      offending: 'The minister met the delegation. date2024-05-23',
      message: /no title/,
      kept: [hydrogen[0]!],
    },
    {
      name: 'a malformed date',
      text: unseparated(hydrogen, ['A release', 'The minister met the delegation. date2024-5-23'], retail),
      offending: 'The minister met the delegation. date2024-5-23',
      message: /malformed date/,
      kept: [hydrogen[0]!, retail[0]!],
    },
    {
      name: 'a category line with no title',
      text: unseparated(hydrogen, ['Energy', 'The minister met the delegation. date2024-05-23']),
      offending: 'The minister met the delegation. date2024-05-23',
      message: /no title/,
      kept: [hydrogen[0]!],
    },
  ]

  it.each(failures)('without "-" lines, fails at the line: $name', ({ text, offending, message, kept }) => {
    const { records, issues } = parsePage(PATH, text)
    expect(issues.filter((i) => i.severity === 'error')).toEqual([
      { path: PATH, line: lineOf(text, offending), severity: 'error', message: expect.stringMatching(message) },
    ])
    expect(records.map((r) => r.title)).toEqual(kept)
  })

  it('builds one archive from all three shapes, and counts the releases without a category', () => {
    const built = buildArchive(
      [
        { path: 'data/000_main.txt', text: page(chile, cars) },
        { path: 'data/001_topic.txt', text: page(hydrogen) },
        { path: 'data/002_old.txt', text: unseparated(retail) },
      ],
      taxonomy,
    )
    expect(built.summary).toMatchObject({ records: 4, errors: 0, articlesWithoutCategory: 2 })
    expect(built.articles.map((a) => [a.title, a.categoryLabel])).toEqual([
      [hydrogen[0], UNCATEGORIZED],
      [retail[0], UNCATEGORIZED],
      [chile[1], 'Industry'],
      [cars[1], 'Industry'],
    ])
    expect(built.index.categories).toEqual([
      { slug: 'industry', label: 'Industry', count: 2 },
      { slug: 'uncategorized', label: UNCATEGORIZED, count: 2 },
    ])
    expect(built.issues.map((i) => `${i.path}:${i.line}`)).toEqual(['data/001_topic.txt:2', 'data/002_old.txt:1'])
  })

  it('merges a release listed with its category and on a topic listing without, and keeps the category', () => {
    const listed = record('Korea and Australia to build a hydrogen supply chain', 'The two ministers met in Seoul.', '2024-05-21', 'Energy')
    for (const pages of [
      [page(hydrogen), page(listed)],
      [page(listed), page(hydrogen)],
    ]) {
      const built = buildArchive(
        pages.map((text, i) => ({ path: `data/00${i}.txt`, text })),
        taxonomy,
      )
      expect(built.summary).toMatchObject({ records: 1, duplicatesMerged: 1, articlesWithoutCategory: 0 })
      expect(built.articles.map((a) => a.categoryLabel)).toEqual(['Energy'])
    }
  })
})
