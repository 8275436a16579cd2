import { normalizeWord } from './query'

/** A stretch of text to mark, as `[start, end)` offsets into it. */
export type Range = [number, number]

const WORD = /[\p{L}\p{N}]+/gu

/** Where the words of `text` that a search matched are, in order. */
export function findMatches(text: string, terms: ReadonlySet<string>): Range[] {
  if (terms.size === 0) return []
  const ranges: Range[] = []
  for (const match of text.matchAll(WORD)) {
    if (terms.has(normalizeWord(match[0]))) ranges.push([match.index, match.index + match[0].length])
  }
  return ranges
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
  let best = 0
  let bestDistinct = 0
  for (let first = 0; first < matches.length; first++) {
    const seen = new Set<string>()
    for (let last = first; last < matches.length && matches[last]![1] - matches[first]![0] <= size; last++) {
      seen.add(words[last]!)
    }
    if (seen.size > bestDistinct) {
      bestDistinct = seen.size
      best = first
    }
  }
  // Start a little before the first match, at a word boundary, so it reads in context.
  const anchor = matches[best]![0]
  let start = Math.max(0, anchor - Math.floor(size / 4))
  if (start > 0) {
    const space = body.indexOf(' ', start)
    start = space === -1 || space >= anchor ? anchor : space + 1
  }
  let end = Math.min(body.length, start + size)
  if (end < body.length) {
    const space = body.lastIndexOf(' ', end)
    if (space > matches[best]![1]) end = space
  }
  const prefix = start > 0 ? '…' : ''
  const suffix = end < body.length ? '…' : ''
  const text = `${prefix}${body.slice(start, end).trimEnd()}${suffix}`
  const ranges = matches
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): Range => [s - start + prefix.length, e - start + prefix.length])
  return { text, ranges }
}
