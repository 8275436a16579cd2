import { describe, it, expect } from 'vitest'
import { buildArchive } from '@/pipeline/build-archive'
import { excerptAround, findMatches, type Excerpt } from './highlight'
import { matchingTerms, normalizeWord } from './query'
import { readSeedFile } from '@/test/seed'

const read = readSeedFile
const { articles } = buildArchive([{ path: 'seed.txt', text: read('000_dc10d14db94d7939.txt') }], {
  path: 'topics.yaml',
  text: read('topics.yaml'),
})
const bodyOf = (title: string) => {
  const article = articles.find((a) => a.title === title)
  if (!article) throw new Error(`No release titled ${title}`)
  return article.paragraphs.join(' ')
}
const chile = bodyOf('Korea and Chile to push forward cooperation in critical minerals supply chain')
const airbus = bodyOf('MOTIE and Airbus D&S seal MOU on establishing International Technology Center')
const aiRoadmap = bodyOf('MOTIE launches AI Industrial Policy Committee, laying out roadmap for AI era')

const slices = (text: string, ranges: readonly [number, number][]) => ranges.map(([s, e]) => text.slice(s, e))

describe('findMatches', () => {
  it('gives the exact character ranges of the matched words', () => {
    const text = 'Chile takes up 33.2 percent of global lithium reserves'
    expect(findMatches(text, new Set(['lithium']))).toEqual([[38, 45]])
    expect(findMatches(text, new Set(['chile', 'reserves']))).toEqual([
      [0, 5],
      [46, 54],
    ])
  })

  it('finds accented words from their plain term', () => {
    const text = 'Chief Operating Officer (COO) Francisco Sánchez Segura'
    const ranges = findMatches(text, new Set(['sanchez']))
    expect(ranges).toEqual([[40, 47]])
    expect(slices(text, ranges)).toEqual(['Sánchez'])
    expect(slices('Sociedad Química y Minera', findMatches('Sociedad Química y Minera', new Set(['quimica'])))).toEqual(['Química'])
  })

  it('finds words next to punctuation, without the punctuation', () => {
    const text = 'the memorandum of understanding (MOU) between MOTIE and Airbus’ ITC, “Roadmap”.'
    expect(slices(text, findMatches(text, new Set(['mou', 'airbus', 'itc', 'roadmap'])))).toEqual(['MOU', 'Airbus', 'ITC', 'Roadmap'])
    const ranges = findMatches(text, new Set(['mou']))
    expect(ranges).toEqual([[text.indexOf('MOU'), text.indexOf('MOU') + 3]])
  })

  it('finds every occurrence, whatever its case, in order', () => {
    const text = 'LITHIUM, Lithium and lithium'
    expect(findMatches(text, new Set(['lithium']))).toEqual([
      [0, 7],
      [9, 16],
      [21, 28],
    ])
  })

  it('matches whole words only', () => {
    const text = 'AI-based Airbus aims at AI'
    expect(slices(text, findMatches(text, new Set(['ai'])))).toEqual(['AI', 'AI'])
    expect(findMatches('shipbuilding and shipyards', new Set(['ship']))).toEqual([])
  })

  it('finds nothing without terms or without matches', () => {
    expect(findMatches(chile, new Set())).toEqual([])
    expect(findMatches(chile, new Set(['airbus']))).toEqual([])
    expect(findMatches('', new Set(['airbus']))).toEqual([])
  })

  it('marks in a seed body every word the query matched, and only those', () => {
    const terms = matchingTerms(airbus, 'airbus Sánchez')
    expect(terms).toEqual(new Set(['airbus', 'sanchez']))
    const found = slices(airbus, findMatches(airbus, terms))
    expect(found.filter((w) => w === 'Sánchez')).toHaveLength(1)
    expect(found.filter((w) => w === 'Airbus')).toHaveLength(airbus.match(/\bAirbus\b/g)!.length)
    expect(found.every((w) => terms.has(normalizeWord(w)))).toBe(true)
  })
})

/** What every excerpt of `body` must be: a cut at word boundaries with its marks on the terms. */
function expectWellFormed(excerpt: Excerpt | undefined, body: string, terms: ReadonlySet<string>, size: number) {
  expect(excerpt).toBeDefined()
  const { text, ranges } = excerpt!
  expect(text.length).toBeLessThanOrEqual(size + 2)
  const cutBefore = text.startsWith('…')
  const cutAfter = text.endsWith('…')
  const inner = text.slice(cutBefore ? 1 : 0, cutAfter ? -1 : undefined)
  const at = body.indexOf(inner)
  expect(at, 'the excerpt is a piece of the body').toBeGreaterThanOrEqual(0)
  // Starts and ends at word boundaries, with "…" exactly where it was cut.
  expect(cutBefore).toBe(at > 0)
  if (at > 0) expect(body[at - 1]).toMatch(/\s/)
  const after = at + inner.length
  expect(cutAfter).toBe(body.slice(after).trim() !== '')
  if (cutAfter) expect(body[after]).toMatch(/\s/)
  expect(inner).toBe(inner.trim())
  // The marks point at the matched words inside the excerpt, every one of them.
  expect(ranges.length).toBeGreaterThan(0)
  for (const [start, end] of ranges) expect(terms.has(normalizeWord(text.slice(start, end))), text.slice(start, end)).toBe(true)
  expect(ranges).toEqual(findMatches(text, terms))
}

describe('excerptAround', () => {
  it('gives nothing when no word matches', () => {
    expect(excerptAround(chile, new Set(['airbus']))).toBeUndefined()
    expect(excerptAround(chile, new Set())).toBeUndefined()
    expect(excerptAround('', new Set(['lithium']))).toBeUndefined()
  })

  it('gives a short body whole, uncut', () => {
    const body = 'Chile holds the largest lithium reserves.'
    expect(excerptAround(body, new Set(['lithium']))).toEqual({ text: body, ranges: [[24, 31]] })
  })

  it('cuts a long seed body at word boundaries around the match', () => {
    const terms = new Set(['lithium'])
    const excerpt = excerptAround(chile, terms)
    expectWellFormed(excerpt, chile, terms, 240)
    expect(excerpt!.text.startsWith('…')).toBe(true)
    expect(excerpt!.text.endsWith('…')).toBe(true)
  })

  it.each([
    ['lithium', 240],
    ['lithium enami', 240],
    ['Sánchez', 240],
    ['airbus itc', 240],
    ['autonomous manufacturing', 240],
    ['robots shipbuilding', 240],
    ['lithium', 80],
    ['airbus', 120],
    ['ai', 60],
  ])('is well formed for %j in %i characters', (query, size) => {
    for (const body of [chile, airbus, aiRoadmap]) {
      const terms = matchingTerms(body, query)
      if (terms.size === 0) {
        expect(excerptAround(body, terms, size)).toBeUndefined()
        continue
      }
      expectWellFormed(excerptAround(body, terms, size), body, terms, size)
    }
  })

  it('marks accented words from their plain term', () => {
    const excerpt = excerptAround(airbus, new Set(['sanchez']))!
    expect(slices(excerpt.text, excerpt.ranges)).toEqual(['Sánchez'])
  })

  it('picks the part of the body with the most different matched words', () => {
    // "lithium" is all over the Chile release; "ENAMI" comes once, near the end.
    const excerpt = excerptAround(chile, new Set(['lithium', 'enami']))!
    expect(new Set(slices(excerpt.text, excerpt.ranges).map(normalizeWord))).toEqual(new Set(['lithium', 'enami']))

    const three = excerptAround(chile, new Set(['lithium', 'santiago', 'williams']))!
    expect(new Set(slices(three.text, three.ranges).map(normalizeWord))).toEqual(new Set(['lithium', 'santiago', 'williams']))
  })

  it('prefers two different words to many of the same', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 10}`).join(' ')
    const body = `alpha alpha alpha alpha ${filler(60)} alpha ${filler(5)} omega ${filler(60)}`
    const terms = new Set(['alpha', 'omega'])
    const excerpt = excerptAround(body, terms)!
    expectWellFormed(excerpt, body, terms, 240)
    expect(new Set(slices(excerpt.text, excerpt.ranges))).toEqual(new Set(['alpha', 'omega']))
  })

  it('keeps to the size given', () => {
    for (const size of [40, 80, 160, 240, 400]) {
      const excerpt = excerptAround(aiRoadmap, new Set(['manufacturing']), size)!
      expect(excerpt.text.length, String(size)).toBeLessThanOrEqual(size + 2)
    }
  })

  // BUG: the best window is chosen over matches up to `size` characters apart, but the excerpt
  // then starts up to size/4 before the first of them, so it ends about 3/4·size after it and
  // drops the other words it was chosen for. Here "alpha" and "omega" are 221 characters apart
  // (within 240), yet the excerpt shows only "alpha".
  it('shows every different word of the window it was chosen for', () => {
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 10}`).join(' ')
    const body = `${filler(60)} alpha ${filler(35)} omega ${filler(60)}`
    const terms = new Set(['alpha', 'omega'])
    const [alpha, omega] = findMatches(body, terms)
    expect(omega![1] - alpha![0]).toBeLessThanOrEqual(240)
    const excerpt = excerptAround(body, terms)!
    expect(new Set(slices(excerpt.text, excerpt.ranges))).toEqual(new Set(['alpha', 'omega']))
  })
})

describe('excerptAround near the end of a body', () => {
  it('reaches back to fill the window instead of showing a short tail', () => {
    const body = `${'The ministry met industry leaders to discuss investment plans for the coming year. '.repeat(6)}Airbus signed.`
    const excerpt = excerptAround(body, new Set(['airbus']))!
    expect(excerpt.text.endsWith('Airbus signed.')).toBe(true)
    expect(excerpt.text.length).toBeGreaterThan(200)
  })
})
