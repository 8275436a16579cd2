import type { SearchHit } from './search-engine'

/**
 * Hits packed for the trip from the worker: typed arrays that move without copying, and each
 * matched word once. Ten thousand hit objects would take the page longer to receive than to find.
 */
export interface PackedHits {
  /** The releases found, best first. */
  ids: Int32Array
  /** Every word matched by some hit. */
  words: string[]
  /** Hit `i`'s words are `words[wordIndexes[j]]` for `j` from `wordStarts[i]` up to `wordStarts[i + 1]`. */
  wordStarts: Int32Array
  wordIndexes: Int32Array
}

export function packHits(hits: readonly SearchHit[]): PackedHits {
  const words: string[] = []
  const position = new Map<string, number>()
  const wordStarts = new Int32Array(hits.length + 1)
  const indexes: number[] = []
  hits.forEach((hit, i) => {
    wordStarts[i] = indexes.length
    for (const term of hit.terms) {
      let at = position.get(term)
      if (at === undefined) position.set(term, (at = words.push(term) - 1))
      indexes.push(at)
    }
  })
  wordStarts[hits.length] = indexes.length
  return { ids: Int32Array.from(hits, (hit) => hit.id), words, wordStarts, wordIndexes: Int32Array.from(indexes) }
}

/** The words hit `i` matched. */
export function wordsOfHit(packed: PackedHits, i: number): Set<string> {
  const words = new Set<string>()
  for (let j = packed.wordStarts[i]!; j < packed.wordStarts[i + 1]!; j++) words.add(packed.words[packed.wordIndexes[j]!]!)
  return words
}
