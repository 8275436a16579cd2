// The search index as the build writes it and the search worker reads it: files under the data
// folder's `search/`, so a query downloads only the words it needs (as Pagefind does), whatever
// the archive's size.
//
// - `manifest.json`: how many releases, and the first word of each postings file, in order.
// - `words-<initial>.json.gz`: every indexed word that begins with that letter, sorted: prefixes and
//   typos are matched here, before any postings are fetched.
// - `seconds-<letter>.json.gz`: every word whose second letter that is, for a typo in a query
//   word's first letter (a letter replaced or missing there leaves the second letter in place).
// - `postings-<n>.json.gz`: for a run of words in sorted order, which releases hold each word,
//   and how often (in the title, in the body).
// - `texts.json.gz`: every release's title and body, fetched only to check a quoted phrase (and, on
//   a small archive, for the bodies of the results: `isSmallArchive`).
// - `summaries-<n>.json.gz`: what the timeline shows of each release, a run of ids a file, so the
//   results of a search are shown without the whole listing.
// - `facets.json.gz`: each release's category and topics, for the counts beside the filters.

import type { ArchiveListing } from '../../pipeline/types.ts'

export const SEARCH_FOLDER = 'search/'

/** Releases in one summaries file: about 400 files for a large archive, never under 100 releases a file. */
export function summariesPerFile(releases: number): number {
  return Math.max(100, Math.ceil(releases / 400))
}

/**
 * A run of releases as the timeline shows them, ids `n × per file` onwards: the listing's columns,
 * with each twin as its slug ('' for none) rather than its position in the whole listing.
 */
export interface SummariesFile extends Omit<ArchiveListing, 'twins'> {
  twins: string[]
}

/** Every release's category and topics (positions in the head's lists), in id order. */
export interface FacetsFile {
  categories: number[]
  topics: number[][]
}

/** How many releases carry each category and each topic, by position in the head's lists. */
export interface FacetCounts {
  categories: number[]
  topics: number[]
}

/** One release of a summaries file, with its id. */
export interface SummaryRow {
  id: number
  slug: string
  title: string
  excerpt: string
  day: number
  category: number
  topics: number[]
  readingMinutes: number
  twin: string
}

/**
 * When no result on a page shows a match in its title or its excerpt, the bodies of this many are
 * fetched at once (about a screen's worth), so that the reader sees what matched; otherwise the
 * bodies wait for the typing to pause.
 */
export const BODIES_AT_ONCE = 5

export const summariesFile = (n: number) => `summaries-${n}.json.gz`
export const FACETS_FILE = 'facets.json.gz'

export interface SearchManifest {
  /** Releases indexed; a release's id is its position in the listing. */
  releases: number
  /** The initials (see `initialOf`) that words begin with, each with its words file. */
  initials: string[]
  /** The letters (as `initialOf` names them) that are some word's second, each with its file. */
  seconds: string[]
  /** The first word of each postings file; file `n` holds the words from `shards[n]` up to `shards[n + 1]`. */
  shards: string[]
  /** The characters of every title and body together: how big the texts file is. */
  textChars: number
}

/**
 * Texts of at most this many characters (about 20 KB compressed, the size of two or three release
 * pages) are a small archive's: see `isSmallArchive`.
 */
const SMALL_TEXTS_CHARS = 64_000

/**
 * Whether the archive is small enough for the search to fetch all it shows at once: one summaries
 * file, and texts that cost no more than a few release pages. The worker then fetches both as it
 * starts, and reads the results' bodies from the texts instead of from each release's page.
 */
export function isSmallArchive(manifest: SearchManifest): boolean {
  return manifest.releases <= summariesPerFile(manifest.releases) && manifest.textChars <= SMALL_TEXTS_CHARS
}

/**
 * One postings file. For the `i`-th word: `ids[i]` are the releases that hold it, each as the
 * difference from the previous one (the first from -1), and `counts[i]` how often each holds it,
 * in the same order: `2 × in the body + in the title`, each count at most what still changes the
 * score much (3 in the body, 1 in the title). Small numbers that repeat, so the file compresses to
 * little more than the ids.
 */
export interface PostingsFile {
  words: string[]
  ids: number[][]
  counts: number[][]
}

/** A title word weighs this many body words. */
const TITLE_BOOST = 3
/** A word's count in a body is kept up to this: the fourth adds a twentieth to its weight, and so on less. */
export const MAX_BODY_COUNT = 3
// BM25+ as MiniSearch has it (term frequency saturation and a floor), without normalizing by the
// release's length: releases are alike in length, and it would take a number per release.
const K = 1.2
const D = 0.5

/** How well a release holding a word matches it, from its packed count, the word's release count and the archive's. */
export function scoreOf(count: number, holding: number, releases: number): number {
  const inverseFrequency = Math.log(1 + (releases - holding + 0.5) / (holding + 0.5))
  const saturated = (n: number) => (n === 0 ? 0 : D + (n * (K + 1)) / (n + K))
  return inverseFrequency * (TITLE_BOOST * saturated(count & 1) + saturated(count >> 1))
}

/** Whether a packed count says the word is in the release's title. */
export const inTitle = (count: number) => (count & 1) === 1

/** Each release's title and body, in id order: `[title, body]`. */
export type TextsFile = [string, string][]

/** The first character of a word, as its files name it: its code point in base 36. */
export function initialOf(word: string): string {
  return word.codePointAt(0)!.toString(36)
}

/** The second character of a word, named as `initialOf` names the first; none for a one-letter word. */
export function secondOf(word: string): string | undefined {
  const rest = word.slice(String.fromCodePoint(word.codePointAt(0)!).length)
  return rest === '' ? undefined : initialOf(rest)
}

export const wordsFile = (initial: string) => `words-${initial}.json.gz`
export const secondsFile = (second: string) => `seconds-${second}.json.gz`
export const postingsFile = (shard: number) => `postings-${shard}.json.gz`
export const MANIFEST_FILE = 'manifest.json'
export const TEXTS_FILE = 'texts.json.gz'

/** The postings file that holds `word`: the last whose first word is not after it. */
export function shardOf(manifest: SearchManifest, word: string): number {
  let low = 0
  let high = manifest.shards.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (manifest.shards[middle]! <= word) low = middle
    else high = middle - 1
  }
  return low
}
