// What a search query means, without the search library: the article page highlights a query's
// words with this alone, so opening a result never loads the search index.

/** Lowercase without accents: "Sánchez" and "sanchez" are the same word to a reader. */
export function normalizeWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
}

/** A word: letters and digits, with any accents written as separate combining marks. */
export const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu

const ASCII_WORD = /^[\da-z]*$/i

/** 1 for an ASCII letter or digit (what WORD takes of ASCII), 0 for the rest. */
const ASCII_WORD_CHAR = Uint8Array.from({ length: 128 }, (_, code) => Number(/[\da-z]/i.test(String.fromCharCode(code))))

/** WORD at a given position (`lastIndex`). */
const WORD_AT = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/uy

/**
 * The words of a text, normalized: what the index stores and what a query is made of. The words of
 * WORD, found in one pass: the build tokenizes every release, and a run of ASCII letters and digits,
 * most of any text, needs no regular expression; WORD reads a word only where it meets another
 * character.
 */
export function tokenize(text: string): string[] {
  const words: string[] = []
  let start = 0
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 32
    if (code < 128) {
      if (ASCII_WORD_CHAR[code] === 1) continue
      if (i > start) words.push(text.slice(start, i).toLowerCase())
      start = i + 1
      continue
    }
    // A letter, digit or mark that may go on with the word begun at `start`, or begin one.
    WORD_AT.lastIndex = start
    const word = WORD_AT.exec(text)?.[0]
    if (word === undefined) {
      start = i + 1
      continue
    }
    words.push(ASCII_WORD.test(word) ? word.toLowerCase() : normalizeWord(word))
    start = start + word.length
    i = start - 1
  }
  return words
}

export interface ParsedQuery {
  /** Every word the query names, inside quotes or not; a release must match all of them. */
  words: string[]
  /** Quoted phrases of two words or more, as word lists, that must appear as written. */
  phrases: string[][]
  /** Whether the last word is still being typed (no space or closing quote after it): it matches as a prefix. */
  typing: boolean
}

export function parseQuery(query: string): ParsedQuery {
  const phrases: string[][] = []
  const rest = query.replace(/"([^"]*)"/g, (_, phrase: string) => {
    const words = tokenize(phrase)
    if (words.length > 0) phrases.push(words)
    return ' '
  })
  const loose = tokenize(rest.replace(/"/g, ' '))
  return {
    words: [...phrases.flat(), ...loose],
    phrases: phrases.filter((p) => p.length > 1),
    typing: loose.length > 0 && /[\p{L}\p{N}]$/u.test(query),
  }
}

/**
 * Whether the query's `i`-th word matches as a prefix: the word still being typed, once it has
 * three letters. One or two letters would match thousands of words in a large archive and make
 * every first keystroke slow, for results nobody reads ("l" → every release).
 */
export function matchesAsPrefix(words: readonly string[], i: number, typing: boolean): boolean {
  return typing && i === words.length - 1 && words[i]!.length >= PREFIX_FROM
}

/** The letters a word being typed needs before it matches as a prefix. */
export const PREFIX_FROM = 3

/** One typo in a longer word: "lithum" finds lithium, "Airbas" finds Airbus; short words must be exact. */
export function fuzziness(word: string): 1 | false {
  return word.length >= 5 ? 1 : false
}

/** Whether a word of a text answers a query word: the same, a prefix being typed, or one typo away. */
export function wordMatches(candidate: string, word: string, prefix: boolean): boolean {
  if (candidate === word || (prefix && candidate.startsWith(word))) return true
  return fuzziness(word) !== false && withinOneEdit(candidate, word)
}

/** Whether two words differ by at most one letter added, removed or replaced. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  let j = 0
  let edits = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++
      j++
      continue
    }
    if (++edits > 1) return false
    if (a.length > b.length) i++
    else if (b.length > a.length) j++
    else {
      i++
      j++
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1
}

/** The words of `text` (normalized) that answer the query, for highlighting. */
export function matchingTerms(text: string, query: string): Set<string> {
  const { words, typing } = parseQuery(query)
  const terms = new Set<string>()
  for (const token of new Set(tokenize(text))) {
    if (words.some((word, i) => wordMatches(token, word, matchesAsPrefix(words, i, typing)))) terms.add(token)
  }
  return terms
}
