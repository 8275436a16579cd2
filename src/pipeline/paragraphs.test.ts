import { describe, it, expect } from 'vitest'
import { countWords, readingMinutes, sentencesOf, splitSentences, toExcerpt, toParagraphs } from './paragraphs.ts'
import { readSeedFile } from '@/test/seed'

const seed = readSeedFile('000_dc10d14db94d7939.txt')
/** The seed's bodies, read straight from the file: each body line minus its trailing date. */
const bodies = seed
  .split('\n')
  .filter((line) => /date\d{4}-\d{2}-\d{2}$/.test(line))
  .map((line) => line.replace(/date\d{4}-\d{2}-\d{2}$/, '').trimEnd())

describe('splitSentences', () => {
  // "|" marks where a sentence must end; every other period must not end one.
  it.each([
    'Exports to the U.S. rose 5 percent in April. |Imports fell.',
    'U.S.-bound shipments of cars rose sharply. |Imports fell.',
    'Samsung ranked No. 1 in the global market. |Imports fell.',
    'The deal was signed by Dr. Park and Mr. Lee on Monday. |Imports fell.',
    'Minister Kim K. Nam attended the meeting. |Imports fell.',
    'Exports grew 10.3 percent to $6.5 billion in April. |Imports fell.',
    'The battery plant was built in the U.S. |The next sentence starts here.',
    'Asked about a delay, the minister said the answer was no. |The plan stands.',
    'Shipments went to the “U.S. |The ministry said.',
    'Shipments to U.S. markets rose. |Imports fell.',
  ])('%s', (marked) => {
    const text = marked.replace(/\|/g, '')
    expect(splitSentences(text)).toEqual(marked.split('|'))
  })

  it('gives back every character of the seed bodies', () => {
    for (const body of bodies) expect(splitSentences(body).join('')).toBe(body)
  })
})

describe('sentencesOf', () => {
  it('yields the sentences of splitSentences, one at a time', () => {
    for (const body of bodies) expect([...sentencesOf(body)]).toEqual(splitSentences(body))
    expect([...sentencesOf('')]).toEqual([])
  })

  it('gives the first sentence of a long body on the first step', () => {
    const body = `Exports rose in April. ${'Imports fell. '.repeat(10_000)}`
    expect(sentencesOf(body).next()).toEqual({ value: 'Exports rose in April. ', done: false })
  })
})

describe('toParagraphs', () => {
  it('joined with a space, gives back each seed body character for character', () => {
    for (const body of bodies) expect(toParagraphs(body).join(' ')).toBe(body)
  })

  it('splits the seed’s long releases into paragraphs of one to five sentences', () => {
    const split = bodies.map(toParagraphs)
    expect(split.filter((paragraphs) => paragraphs.length > 1).length).toBeGreaterThanOrEqual(5)
    for (const paragraph of split.flat()) {
      expect(splitSentences(paragraph).length).toBeGreaterThanOrEqual(1)
      expect(splitSentences(paragraph).length).toBeLessThanOrEqual(5)
    }
  })

  it('lets the lead sentence stand alone when the body has more than two sentences', () => {
    const long = bodies.filter((body) => splitSentences(body).length > 2)
    expect(long.length).toBeGreaterThan(0)
    for (const body of long) expect(toParagraphs(body)[0]).toBe(splitSentences(body)[0]!.trimEnd())
  })

  it('keeps a two-sentence caption in one paragraph', () => {
    const caption = 'The minister attended the ceremony on May 8. The committee will meet every quarter.'
    expect(toParagraphs(caption)).toEqual([caption])
  })

  it('never cuts where sentences are separated by anything but one space', () => {
    const body =
      'Exports rose 10.3 percent in April.  Shipments to the U.S. grew.\tImports fell.  Energy imports fell most.  The trade balance improved.'
    const paragraphs = toParagraphs(body)
    expect(paragraphs.join(' ')).toBe(body)
    expect(paragraphs).toEqual([body])
  })

  it('keeps markup and entities as text', () => {
    const body = 'The <b>committee</b> met. R&amp;D rose. <script>alert(1)</script> was not run. It ended.'
    expect(toParagraphs(body).join(' ')).toBe(body)
  })
})

describe('toExcerpt', () => {
  const isOpening = (excerpt: string, body: string) =>
    body.startsWith(excerpt) || (excerpt.endsWith('…') && body.startsWith(excerpt.slice(0, -1)))

  it('is a short opening of each seed body', () => {
    for (const body of bodies) {
      const excerpt = toExcerpt(body)
      expect(excerpt.length).toBeGreaterThan(0)
      expect(excerpt.length).toBeLessThanOrEqual(241)
      expect(isOpening(excerpt, body)).toBe(true)
    }
  })

  it('is the whole body when it is short', () => {
    const body = 'Exports rose 10.3 percent in April. Imports fell.'
    expect(toExcerpt(body)).toBe(body)
  })

  it('ends at a sentence end when whole sentences fit', () => {
    const first = 'Exports rose 10.3 percent in April to a monthly high of USD 6.8 billion.'
    const body = `${first} ${'The ministry expects the rise in shipments to continue through the summer. '.repeat(5).trim()}`
    const excerpt = toExcerpt(body)
    expect(excerpt.startsWith(first)).toBe(true)
    expect(excerpt).toMatch(/\.$/)
    expect(isOpening(excerpt, body)).toBe(true)
  })

  it('cuts a long first sentence at a word and marks the cut', () => {
    const body = `The ministry said ${'exports of cars, ships and chips rose, '.repeat(12)}and imports fell.`
    const excerpt = toExcerpt(body)
    expect(excerpt.length).toBeLessThanOrEqual(241)
    expect(excerpt).toMatch(/[a-z]…$/)
    expect(isOpening(excerpt, body)).toBe(true)
    expect(body[excerpt.length - 1]).toMatch(/[\s,]/)
  })
})

describe('reading time', () => {
  it('counts words, not figures’ punctuation or dashes', () => {
    expect(countWords('Exports rose 10.3 % — a record.')).toBe(5)
  })

  it.each([
    ['𝐀𝐁 😀 x', 2],
    ['a\u00a0b\u3000c\u200bd', 3],
    ['\uD800 \uDC00 -- 10.3 %', 1],
    ['\t\n a \r\u2028b\u2029', 2],
    ['', 0],
  ])('counts runs between whitespace that hold a letter or digit: %j', (text, words) => {
    expect(countWords(text)).toBe(words)
    expect(countWords(text)).toBe(text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length)
  })

  it('is at least one minute', () => {
    expect(readingMinutes(0)).toBe(1)
    expect(readingMinutes(20)).toBe(1)
    for (const body of bodies) expect(readingMinutes(countWords(body))).toBeGreaterThanOrEqual(1)
  })

  it('grows with length', () => {
    expect(readingMinutes(1150)).toBe(5)
  })
})
