// The search index, built once by the build (see src/lib/search/index-format.ts for its files):
// every word of every release, which releases hold it, and how well each matches, scored as
// MiniSearch scores (BM25, titles weighing three times the body) so that ranking needs no
// per-release statistics in the browser.
import {
  initialOf,
  MANIFEST_FILE,
  POINTS_PER_SCORE,
  type PostingsFile,
  postingsFile,
  type SearchManifest,
  secondOf,
  secondsFile,
  wordsFile,
} from '../lib/search/index-format.ts'
import { tokenize } from '../lib/search/query.ts'

/** A title word weighs this many body words. */
export const TITLE_BOOST = 3
// BM25+ as MiniSearch has it: term frequency saturation, length normalization, and a floor.
const K = 1.2
const B = 0.7
const D = 0.5

/** Counts of a word in a release are packed with its id in one small integer: at most 63 each. */
const MAX_COUNT = 63
const ID_SHIFT = 4096

/**
 * Words to a postings file: a few tens of kilobytes compressed, so that a query fetches little
 * beyond its own words; more on a large archive, where the file count matters too.
 */
export function postingsPerShard(totalPostings: number): number {
  return Math.max(16_000, Math.ceil(totalPostings / 300))
}

export interface SearchIndexBuilder {
  /** Adds the next release (ids follow the order of the calls). */
  add(title: string, body: string): void
  /** The index's files (name, JSON text), the texts file aside. */
  files(): Generator<[string, string]>
}

export function createSearchIndex(): SearchIndexBuilder {
  // For each word, its releases in id order, each packed as id × 4096 + title count × 64 + body count.
  const postings = new Map<string, number[]>()
  const titleLengths: number[] = []
  const bodyLengths: number[] = []

  function add(title: string, body: string) {
    const id = titleLengths.length
    const titleWords = tokenize(title)
    const bodyWords = tokenize(body)
    titleLengths.push(titleWords.length)
    bodyLengths.push(bodyWords.length)
    const counts = new Map<string, number>()
    for (const word of titleWords) counts.set(word, Math.min((counts.get(word) ?? 0) + 64, MAX_COUNT * 64))
    for (const word of bodyWords) {
      const count = counts.get(word) ?? 0
      if ((count & MAX_COUNT) < MAX_COUNT) counts.set(word, count + 1)
    }
    for (const [word, count] of counts) {
      let list = postings.get(word)
      if (list === undefined) postings.set(word, (list = []))
      list.push(id * ID_SHIFT + count)
    }
  }

  function* files(): Generator<[string, string]> {
    const releases = titleLengths.length
    const averageTitle = average(titleLengths)
    const averageBody = average(bodyLengths)
    const words = [...postings.keys()].sort()
    let total = 0
    for (const list of postings.values()) total += list.length
    const perShard = postingsPerShard(total)
    const shards: string[] = []
    let shard: PostingsFile = { words: [], ids: [], scores: [] }
    let inShard = 0
    const flush = () => {
      if (shard.words.length === 0) return undefined
      const file: [string, string] = [postingsFile(shards.length), JSON.stringify(shard)]
      shards.push(shard.words[0]!)
      shard = { words: [], ids: [], scores: [] }
      inShard = 0
      return file
    }
    for (const word of words) {
      const list = postings.get(word)!
      if (inShard > 0 && inShard + list.length > perShard) yield flush()!
      let inTitles = 0
      for (const packed of list) if (packed % ID_SHIFT >= 64) inTitles++
      const ids: number[] = []
      const scores: number[] = []
      let previous = -1
      for (const packed of list) {
        const id = Math.floor(packed / ID_SHIFT)
        const titleCount = (packed % ID_SHIFT) >> 6
        const bodyCount = packed & MAX_COUNT
        const score =
          TITLE_BOOST * bm25(titleCount, inTitles, releases, titleLengths[id]!, averageTitle) +
          bm25(bodyCount, list.length - inTitles, releases, bodyLengths[id]!, averageBody)
        ids.push(id - previous)
        previous = id
        scores.push(2 * Math.max(1, Math.round(score * POINTS_PER_SCORE)) + (titleCount > 0 ? 1 : 0))
      }
      shard.words.push(word)
      shard.ids.push(ids)
      shard.scores.push(scores)
      inShard += list.length
    }
    const last = flush()
    if (last) yield last
    const byInitial = groupBy(words, initialOf)
    for (const [initial, list] of byInitial) yield [wordsFile(initial), JSON.stringify(list)]
    // Only a word of four letters or more can be one typo from a query word long enough for typos.
    const bySecond = groupBy(
      words.filter((w) => w.length >= 4),
      secondOf,
    )
    for (const [second, list] of bySecond) yield [secondsFile(second), JSON.stringify(list)]
    const manifest: SearchManifest = { releases, initials: [...byInitial.keys()], seconds: [...bySecond.keys()], shards }
    yield [MANIFEST_FILE, JSON.stringify(manifest)]
  }

  return { add, files }
}

function groupBy(words: readonly string[], key: (word: string) => string | undefined): Map<string, string[]> {
  const groups = new Map<string, string[]>()
  for (const word of words) {
    const group = key(word)
    if (group === undefined) continue
    let list = groups.get(group)
    if (list === undefined) groups.set(group, (list = []))
    list.push(word)
  }
  return groups
}

function average(values: readonly number[]): number {
  let sum = 0
  for (const value of values) sum += value
  return values.length === 0 ? 0 : sum / values.length
}

/** A word's weight in one field of a release, as MiniSearch computes it; 0 when the field lacks it. */
function bm25(count: number, holding: number, releases: number, length: number, averageLength: number): number {
  if (count === 0) return 0
  const inverseFrequency = Math.log(1 + (releases - holding + 0.5) / (holding + 0.5))
  return inverseFrequency * (D + (count * (K + 1)) / (count + K * (1 - B + (B * length) / averageLength)))
}
