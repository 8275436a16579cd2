// The search index, built once by the build (see src/lib/search/index-format.ts for its files):
// every word of every release, which releases hold it, and how often (in the title, in the body),
// which is all the ranking needs (`scoreOf`).
import {
  initialOf,
  MANIFEST_FILE,
  MAX_BODY_COUNT,
  type PostingsFile,
  postingsFile,
  type SearchManifest,
  secondOf,
  secondsFile,
  wordsFile,
} from '../lib/search/index-format.ts'
import { tokenize } from '../lib/search/query.ts'

/** A word's counts in a release are packed with its id in one integer: body × 2 + title. */
const ID_SHIFT = 8

/**
 * Words to a postings file: a few tens of kilobytes compressed, so that a query fetches little
 * beyond its own words; more on a large archive, where the file count matters too.
 */
function postingsPerShard(totalPostings: number): number {
  return Math.max(16_000, Math.ceil(totalPostings / 300))
}

export interface SearchIndexBuilder {
  /** Adds the next release (ids follow the order of the calls). */
  add(title: string, body: string): void
  /** The index's files (name, JSON text), the texts file aside. */
  files(): Generator<[string, string]>
}

export function createSearchIndex(): SearchIndexBuilder {
  // For each word, its releases in id order, each packed as id × 8 + its counts (body × 2 + title).
  const postings = new Map<string, number[]>()
  let releases = 0
  let textChars = 0

  /** The releases of `word` so far. */
  function listOf(word: string): number[] {
    let list = postings.get(word)
    if (list === undefined) postings.set(word, (list = []))
    return list
  }

  // Each word's counts are kept in its own list, in the entry of the release being added (the
  // last, once it has one): a map of counts per release cost a second lookup for every word.
  function add(title: string, body: string) {
    const id = releases++
    textChars += title.length + body.length
    // This release's entries are from `first` up: every earlier release's are below.
    const first = id * ID_SHIFT
    for (const word of tokenize(title)) {
      const list = listOf(word)
      if (list.length === 0 || list[list.length - 1]! < first) list.push(first + 1)
    }
    for (const word of tokenize(body)) {
      const list = listOf(word)
      const entry = list.length === 0 ? -1 : list[list.length - 1]!
      if (entry < first) list.push(first + 2)
      else if ((entry - first) >> 1 < MAX_BODY_COUNT) list[list.length - 1] = entry + 2
    }
  }

  function* files(): Generator<[string, string]> {
    const words = [...postings.keys()].sort()
    let total = 0
    for (const list of postings.values()) total += list.length
    const perShard = postingsPerShard(total)
    const shards: string[] = []
    let shard: PostingsFile = { words: [], ids: [], counts: [] }
    let inShard = 0
    const flush = () => {
      if (shard.words.length === 0) return undefined
      const file: [string, string] = [postingsFile(shards.length), JSON.stringify(shard)]
      shards.push(shard.words[0]!)
      shard = { words: [], ids: [], counts: [] }
      inShard = 0
      return file
    }
    for (const word of words) {
      const list = postings.get(word)!
      if (inShard > 0 && inShard + list.length > perShard) yield flush()!
      const ids: number[] = []
      const counts: number[] = []
      let previous = -1
      for (const packed of list) {
        const id = Math.floor(packed / ID_SHIFT)
        ids.push(id - previous)
        previous = id
        counts.push(packed % ID_SHIFT)
      }
      shard.words.push(word)
      shard.ids.push(ids)
      shard.counts.push(counts)
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
    const manifest: SearchManifest = { releases, initials: [...byInitial.keys()], seconds: [...bySecond.keys()], shards, textChars }
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
