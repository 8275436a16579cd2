import { describe, it, expect } from 'vitest'
import { buildArchive } from './build-archive.ts'
import { findRelated, findTwins, type LinkableRelease } from './related.ts'
import { readSeedFile } from '@/test/seed'

const seedText = readSeedFile('000_dc10d14db94d7939.txt')
const taxonomy = {
  path: 'data/topics.yaml',
  text: readSeedFile('topics.yaml'),
}
const build = (text: string) => buildArchive([{ path: 'data/000_dc10d14db94d7939.txt', text }], taxonomy)

describe('twins in the seed', () => {
  const { articles, index } = build(seedText)
  const find = (titlePart: string) => {
    const found = articles.filter((a) => a.title.includes(titlePart))
    expect(found).toHaveLength(1)
    return found[0]!
  }

  it.each([
    ['2nd Carbon Composites Jump Up Partnership Meeting', 'Korea lays out Aerospace Carbon Composites'],
    ['MOTIE and Airbus D&S sign ITC MOU', 'MOTIE and Airbus D&S seal MOU'],
    ['AI Industrial Policy Committee inauguration ceremony', 'MOTIE launches AI Industrial Policy Committee'],
  ])('pairs the caption "%s" with the full release "%s"', (captionTitle, fullTitle) => {
    const caption = find(captionTitle)
    const full = find(fullTitle)
    expect(caption.twin).toEqual({ slug: full.slug, title: full.title, date: full.date, role: 'full-release' })
    expect(full.twin).toEqual({ slug: caption.slug, title: caption.title, date: caption.date, role: 'caption' })
    expect(caption.words).toBeLessThan(full.words)
  })

  it('gives no other release a twin', () => {
    const withTwin = articles.filter((a) => a.twin).map((a) => a.title)
    expect(withTwin).toHaveLength(6)
    for (const title of ['Korea and Chile', 'autonomous ship navigation', 'automobile exports', 'reshored companies']) {
      expect(find(title).twin).toBeUndefined()
    }
  })

  it('lists the twin’s slug in the timeline index too', () => {
    for (const [i, summary] of index.articles.entries()) expect(summary.twin).toBe(articles[i]!.twin?.slug)
  })

  it('does not pair the carbon composites caption once it is published a month later', () => {
    const moved = seedText.replace(/(2nd Carbon Composites Jump Up Partnership Meeting\n.*)date2024-05-24/, '$1date2024-06-24')
    expect(moved).not.toBe(seedText)
    const caption = build(moved).articles.find((a) => a.title.startsWith('2nd Carbon Composites'))
    expect(caption?.date).toBe('2024-06-24')
    expect(caption?.twin).toBeUndefined()
  })
})

describe('twin roles', () => {
  it('never pairs two releases of about the same length: a caption is clearly the shorter', () => {
    const body = 'Minister Ahn met the delegation on May 8 to discuss the supply chain of critical minerals.'
    const text = [
      '-',
      'Industry',
      'Ahn meets delegation',
      `${body} date2024-05-08`,
      '-',
      'Industry',
      'Minister Ahn meets the delegation',
      `${body.replace('May 8', 'May 7')} date2024-05-08`,
    ].join('\n')
    expect(build(text).articles.map((a) => a.twin)).toEqual([undefined, undefined])
  })
})

describe('findTwins', () => {
  const full =
    'The minister met the chief operating officer of Airbus on May 10 for the signing of a memorandum of understanding on an international technology center in Korea. ' +
    'The center will develop aerospace technologies with Korean partners, and both sides agreed to expand cooperation in the space industry over the next five years.'
  const caption =
    'The minister met the chief operating officer of Airbus on May 10 for the signing of a memorandum of understanding on an international technology center in Korea.'
  const release = (date: string, body: string): LinkableRelease => ({
    date,
    title: 'Airbus memorandum',
    body,
    words: body.split(' ').length,
    topics: ['aerospace'],
  })

  it('pairs a caption with the full release a few days apart', () => {
    const twins = findTwins([release('2024-05-10', full), release('2024-05-13', caption)])
    expect([...twins]).toEqual([
      [0, 1],
      [1, 0],
    ])
  })

  it('never pairs releases far apart in time', () => {
    expect(findTwins([release('2024-05-10', full), release('2024-06-10', caption)]).size).toBe(0)
    expect(findTwins([release('2023-05-10', full), release('2024-05-10', full)]).size).toBe(0)
  })

  it('never pairs unrelated releases of the same day', () => {
    const other = 'Exports of automobiles rose 10.3 percent in April to a record USD 6.8 billion, led by hybrid vehicles.'
    expect(findTwins([release('2024-05-10', full), release('2024-05-10', other)]).size).toBe(0)
  })

  it('pairs a caption with the full release of a week before, whatever was published between', () => {
    const between = Array.from({ length: 40 }, (_, i) =>
      release(`2024-05-${String(11 + (i % 6)).padStart(2, '0')}`, `Release ${i} on exports of cars rose ${i} percent in April.`),
    )
    expect(findTwins([release('2024-05-10', full), ...between, release('2024-05-17', caption)]).get(0)).toBe(41)
    expect(findTwins([release('2024-05-10', full), ...between, release('2024-05-18', caption)]).size).toBe(0)
  })

  it('compares texts exactly past 131,072 distinct words', () => {
    const words = Array.from({ length: 140_000 }, (_, i) => `w${i}`)
    const long = release('2024-05-10', words.join(' '))
    const short = release('2024-05-11', words.slice(80_000).join(' '))
    const other = release(
      '2024-05-11',
      words
        .slice(80_000)
        .map((w) => `${w}x`)
        .join(' '),
    )
    expect([...findTwins([long, short])]).toEqual([
      [0, 1],
      [1, 0],
    ])
    expect(findTwins([long, other]).size).toBe(0)
  })

  it('gives each release at most one twin', () => {
    const twins = findTwins([release('2024-05-10', full), release('2024-05-10', caption), release('2024-05-11', caption)])
    expect(twins.size).toBe(2)
    for (const [a, b] of twins) expect(twins.get(b)).toBe(a)
  })
})

describe('related releases', () => {
  it('in the seed: never itself nor its twin, at most four, each sharing a topic', () => {
    const { articles } = build(seedText)
    const bySlug = new Map(articles.map((a) => [a.slug, a]))
    expect(articles.some((a) => a.related.length > 0)).toBe(true)
    for (const article of articles) {
      const slugs = article.related.map((r) => r.slug)
      expect(slugs.length).toBeLessThanOrEqual(4)
      expect(new Set(slugs).size).toBe(slugs.length)
      expect(slugs).not.toContain(article.slug)
      if (article.twin) expect(slugs).not.toContain(article.twin.slug)
      for (const slug of slugs) {
        const other = bySlug.get(slug)!
        expect(other.topics.some((t) => article.topics.includes(t))).toBe(true)
        expect(article.related.find((r) => r.slug === slug)).toEqual({ slug, title: other.title, date: other.date })
      }
    }
  })

  const release = (date: string, topics: string[]): LinkableRelease => ({ date, title: date, body: '', words: 0, topics })

  it('keeps four of many candidates, leaves out the twin, and ranks a shared rare topic first', () => {
    const releases = [
      release('2024-05-10', ['energy', 'chile']),
      release('2024-05-11', ['energy']),
      release('2024-05-12', ['energy']),
      release('2024-05-13', ['energy']),
      release('2024-05-14', ['energy']),
      release('2024-05-15', ['energy']),
      release('2024-03-01', ['energy', 'chile']),
      release('2024-05-10', ['ai']),
    ]
    const related = findRelated(
      releases,
      new Map([
        [0, 1],
        [1, 0],
      ]),
    )
    expect(related[0]).toHaveLength(4)
    expect(related[0]![0]).toBe(6)
    expect(related[0]).not.toContain(0)
    expect(related[0]).not.toContain(1)
    expect(related[0]).not.toContain(7)
    expect(related[7]).toEqual([])
  })

  it('lists a caption and its full release once, and never a release titled as the twin', () => {
    const titled = (date: string, title: string): LinkableRelease => ({ ...release(date, ['energy']), title })
    const releases = [
      titled('2024-05-10', 'Minister visits a solar plant'),
      // 1 and 2: a caption and its full release, told apart only by their date.
      titled('2024-05-10', 'Korea and Chile sign a lithium MOU'),
      titled('2024-05-11', 'Korea and Chile sign a lithium MOU'),
      // 3 is 0's twin, and 4 a second edition of it.
      titled('2024-05-10', 'Minister visits solar plant in Jeonnam'),
      titled('2024-05-09', 'Minister visits solar plant in Jeonnam'),
      titled('2024-05-08', 'Wind farm permits speed up'),
      titled('2024-05-07', 'Grid investment doubles'),
      titled('2024-05-06', 'Hydrogen buses on the road'),
    ]
    const twins = new Map([
      [1, 2],
      [2, 1],
      [0, 3],
      [3, 0],
    ])
    const related = findRelated(releases, twins)
    expect(related[0]).toEqual([1, 5, 6, 7])
    // Another release sees the pair once too.
    expect(related[5]!.filter((i) => i === 1 || i === 2)).toHaveLength(1)
    expect(related[5]).toHaveLength(4)
  })

  it('prefers the closest in time among equals', () => {
    const releases = [
      release('2024-05-10', ['energy']),
      release('2024-01-01', ['energy']),
      release('2024-05-09', ['energy']),
      release('2024-04-01', ['energy']),
    ]
    expect(findRelated(releases, new Map())[0]).toEqual([2, 3, 1])
  })
})
