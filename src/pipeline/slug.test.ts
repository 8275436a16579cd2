import { describe, it, expect } from 'vitest'
import { buildArchive, type SourceFile } from './build-archive.ts'
import { baseSlug, disambiguate } from './slug.ts'
import { readSeedFile } from '@/test/seed'

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/
const seed: SourceFile = {
  path: 'data/001_dc10d14db94d7939.txt',
  text: readSeedFile('000_dc10d14db94d7939.txt'),
}
const taxonomy: SourceFile = {
  path: 'data/topics.yaml',
  text: readSeedFile('topics.yaml'),
}

const page = (...records: string[][]) => `${records.map((r) => ['-', ...r].join('\n')).join('\n')}\n`
const slugsByTitle = (pages: SourceFile[]) => new Map(buildArchive(pages, taxonomy).articles.map((a) => [a.title, a.slug]))

describe('slugs of the seed', () => {
  const slugs = [...slugsByTitle([seed]).values()]

  it('are lowercase ASCII words joined by hyphens', () => {
    expect(slugs).toHaveLength(10)
    for (const slug of slugs) expect(slug).toMatch(SLUG)
  })

  it('are unique', () => {
    expect(new Set(slugs).size).toBe(10)
  })

  it('start with the release date', () => {
    for (const article of buildArchive([seed], taxonomy).articles) expect(article.slug.startsWith(`${article.date}-`)).toBe(true)
  })

  it('are the same when the archive is built again', () => {
    expect(slugsByTitle([seed])).toEqual(slugsByTitle([seed]))
  })

  it('are the same in a larger archive: newer page first, older page last, overlapping at the edge', () => {
    const seedLines = seed.text.split('\n')
    const lastRecord = seedLines.slice(seedLines.lastIndexOf('-') + 1, seedLines.lastIndexOf('-') + 4)
    const newer: SourceFile = {
      path: 'data/000_a1b2c3d4e5f60718.txt',
      text: page(
        [
          'Trade/Investment',
          'Korea’s exports rise for eighth straight month in May',
          'Korea’s exports rose 11.7 percent year-on-year in May to USD 58.2 billion. date2024-06-01',
        ],
        // Same day as the seed's newest release, read before it.
        [
          'Energy',
          'Korea and UAE discuss hydrogen cooperation',
          'The two countries agreed to expand cooperation on clean hydrogen. date2024-05-24',
        ],
      ),
    }
    const older: SourceFile = {
      path: 'data/002_0918273645abcdef.txt',
      text: page(lastRecord, [
        'Energy',
        'Korea hosts nuclear supply chain forum',
        'Domestic suppliers met to discuss exports of nuclear equipment. date2024-05-03',
      ]),
    }
    const built = buildArchive([newer, seed, older], taxonomy)
    expect(built.issues).toEqual([])
    expect(built.summary).toMatchObject({ records: 13, pages: 3, duplicatesMerged: 1 })

    const larger = new Map(built.articles.map((a) => [a.title, a.slug]))
    for (const [title, slug] of slugsByTitle([seed])) expect(larger.get(title)).toBe(slug)
    expect(new Set(larger.values()).size).toBe(13)
  })
})

describe('baseSlug', () => {
  it('is the date and the title’s words', () => {
    expect(baseSlug('2024-05-10', 'MOTIE and Airbus D&S sign ITC MOU')).toBe('2024-05-10-motie-and-airbus-d-and-s-sign-itc-mou')
  })

  it('spells out percent and drops apostrophes', () => {
    expect(baseSlug('2024-05-09', 'Korea’s automobile exports advance 10.3% in April')).toBe(
      '2024-05-09-koreas-automobile-exports-advance-10-3-percent-in-april',
    )
  })

  it('turns accents into plain letters', () => {
    expect(baseSlug('2024-05-10', 'Minister meets Francisco Sánchez of Minería Chilena')).toBe(
      '2024-05-10-minister-meets-francisco-sanchez-of-mineria-chilena',
    )
  })

  it('shortens a long title at a word boundary', () => {
    const title = 'Korea lays out Aerospace Carbon Composites Technology Development and Certification Roadmap for the next decade'
    const whole = `2024-05-22-${title.toLowerCase().replace(/ /g, '-')}`
    const slug = baseSlug('2024-05-22', title)
    expect(slug).toMatch(SLUG)
    expect(slug.length).toBeLessThan(whole.length)
    expect(whole.startsWith(`${slug}-`)).toBe(true)
    expect(slug.startsWith('2024-05-22-korea-lays-out-aerospace-carbon-composites')).toBe(true)
  })

  it.each([
    ['markup', '<script>alert(1)</script> &amp; <b>bold</b>'],
    ['Korean only', '산업통상자원부 보도자료'],
    ['punctuation only', '“—”'],
    ['one very long word', 'x'.repeat(200)],
  ])('is a valid address for a title of %s', (_, title) => {
    expect(baseSlug('2024-05-22', title)).toMatch(SLUG)
  })
})

describe('disambiguate', () => {
  it('adds a suffix from the release’s own text, the same every time', () => {
    const base = '2024-05-22-korea-lays-out'
    const a = disambiguate(base, 'Industry\nKorea lays out\nFirst edition.')
    expect(a).toMatch(SLUG)
    expect(a.startsWith(`${base}-`)).toBe(true)
    expect(disambiguate(base, 'Industry\nKorea lays out\nFirst edition.')).toBe(a)
    expect(disambiguate(base, 'Industry\nKorea lays out\nCorrected edition.')).not.toBe(a)
  })
})
