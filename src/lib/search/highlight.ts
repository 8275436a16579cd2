import { normalizeWord, WORD } from './query'

const ASCII = /^[ -~]*$/

/** A stretch of text to mark, as `[start, end)` offsets into it. */
export type Range = [number, number]

interface Words {
  words: string[]
  ranges: Range[]
}

// Typing a query re-marks the same few results after every letter: their words are read once.
const MAX_CACHED_TEXTS = 200
const cachedWords = new Map<string, Words>()

function wordsOf(text: string): Words {
  let found = cachedWords.get(text)
  if (found === undefined) {
    found = { words: [], ranges: [] }
    for (const match of text.matchAll(WORD)) {
      // Most words are plain ASCII: lowercasing is all they need, and it is many times cheaper.
      const word = match[0].toLowerCase()
      found.words.push(ASCII.test(word) ? word : normalizeWord(word))
      found.ranges.push([match.index, match.index + match[0].length])
    }
    if (cachedWords.size >= MAX_CACHED_TEXTS) cachedWords.delete(cachedWords.keys().next().value!)
    cachedWords.set(text, found)
  }
  return found
}

/** Where the words of `text` that a search matched are, in order. */
export function findMatches(text: string, terms: ReadonlySet<string>): Range[] {
  if (terms.size === 0) return []
  const { words, ranges } = wordsOf(text)
  const matched: Range[] = []
  for (let i = 0; i < words.length; i++) if (terms.has(words[i]!)) matched.push(ranges[i]!)
  return matched
}

export interface Excerpt {
  text: string
  ranges: Range[]
}

/**
 * The part of a body around its best match: the window of about `size` characters that holds the
 * most different matched words, cut at word boundaries and marked with "…" where it was cut.
 */
export function excerptAround(body: string, terms: ReadonlySet<string>, size = 240): Excerpt | undefined {
  const matches = findMatches(body, terms)
  if (matches.length === 0) return undefined
  const words = matches.map(([start, end]) => normalizeWord(body.slice(start, end)))
  // The run of matches that fits in the window and names the most different words.
  let best = { first: 0, last: 0, distinct: 0 }
  for (let first = 0; first < matches.length; first++) {
    const seen = new Set<string>()
    let last = first
    while (last + 1 < matches.length && matches[last + 1]![1] - matches[first]![0] <= size) last++
    for (let k = first; k <= last; k++) seen.add(words[k]!)
    if (seen.size > best.distinct) best = { first, last, distinct: seen.size }
  }
  const spanStart = matches[best.first]![0]
  const spanEnd = matches[best.last]![1]
  // Some context before the run, and no window shorter than it could be near the end of the body.
  const slack = Math.max(0, size - (spanEnd - spanStart))
  let start = Math.min(Math.max(0, spanStart - Math.floor(slack / 3)), Math.max(0, body.length - size))
  if (start > 0) {
    const space = body.indexOf(' ', start - 1)
    start = space === -1 || space >= spanStart ? spanStart : space + 1
  }
  let end = Math.min(body.length, Math.max(start + size, spanEnd))
  if (end < body.length) {
    const space = body.lastIndexOf(' ', end)
    if (space >= spanEnd) end = space
  }
  const prefix = start > 0 ? '…' : ''
  const suffix = end < body.length ? '…' : ''
  const text = `${prefix}${body.slice(start, end).trimEnd()}${suffix}`
  const ranges = matches
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): Range => [s - start + prefix.length, e - start + prefix.length])
  return { text, ranges }
}

/** What a found release shows marked: its title's matches, and its excerpt. */
export interface Marked {
  title: Range[]
  excerpt: Excerpt
}

/**
 * The marks for a found release, from the words it matched: the excerpt is the part of its body
 * around the best match once the body is at hand, else its summary's excerpt, marked where it
 * holds the words.
 */
export function markRelease(summary: { title: string; excerpt: string }, terms: ReadonlySet<string>, body?: string): Marked {
  return {
    title: findMatches(summary.title, terms),
    excerpt: (body === undefined ? undefined : excerptAround(body, terms)) ?? {
      text: summary.excerpt,
      ranges: findMatches(summary.excerpt, terms),
    },
  }
}
