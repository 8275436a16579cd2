// A postings file as the engine reads it (see PostingsFile in index-format.ts), and the cache the
// engine keeps of its files.
import { inTitle, type PostingsFile, scoreOf } from './index-format'

/** One word's releases: their ids, what each scores for the word, and whether its title has it. */
export interface Postings {
  ids: Int32Array
  scores: Float64Array
  inTitle: Uint8Array
}

/** A postings file as lookups: each word's release ids, from their differences, and their scores. */
export function decode(postings: PostingsFile, releases: number): Map<string, Postings> {
  const byWord = new Map<string, Postings>()
  postings.words.forEach((word, i) => {
    const gaps = postings.ids[i]!
    const counts = postings.counts[i]!
    const ids = new Int32Array(gaps.length)
    const scores = new Float64Array(gaps.length)
    const titled = new Uint8Array(gaps.length)
    let id = -1
    for (let j = 0; j < gaps.length; j++) {
      ids[j] = id += gaps[j]!
      scores[j] = scoreOf(counts[j]!, gaps.length, releases)
      titled[j] = inTitle(counts[j]!) ? 1 : 0
    }
    byWord.set(word, { ids, scores, inTitle: titled })
  })
  return byWord
}

/** What `make` gives for `key`, made once; a failure (a fetch, say) is made again next time. */
export function once<K, V>(cache: Map<K, Promise<V>>, key: K, make: () => Promise<V>): Promise<V> {
  let made = cache.get(key)
  if (made === undefined) {
    made = make()
    made.catch(() => cache.delete(key))
    cache.set(key, made)
  }
  return made
}
