import MiniSearch from 'minisearch'
import { excerptAround, findMatches, type Excerpt, type Range } from './highlight'
import { fuzziness, matchesAsPrefix, parseQuery, tokenize, wordMatches } from './query'

export interface SearchHit {
  /** Position of the release in the archive index. */
  id: number
  score: number
  /** The words of the release that matched, normalized, for highlighting. */
  terms: string[]
}

export interface SearchableRelease {
  title: string
  body: string
}

/** What a found release shows marked: its title's matches, and its excerpt around the best match. */
export interface Marked {
  title: Range[]
  excerpt: Excerpt
}

const TITLE_BOOST = 3

/**
 * Full-text search over the archive, built on MiniSearch: every word must match (AND), the word
 * being typed matches as a prefix, longer words tolerate one typo, case and accents never matter,
 * quoted phrases must appear as written, and a release whose title holds every word ranks above
 * one that only mentions them in its body.
 */
export async function createSearchEngine(releases: readonly SearchableRelease[]) {
  const index = new MiniSearch<SearchableRelease & { id: number }>({
    fields: ['title', 'body'],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => term,
    searchOptions: { boost: { title: TITLE_BOOST }, combineWith: 'AND', fuzzy: fuzziness },
  })
  await addInSlices(index, releases.map((release, id) => ({ id, ...release })))
  // Title and body as word sequences, for phrase checks: a phrase never spans the two.
  const texts = new Map<number, [string, string]>()
  const textsOf = (id: number) => {
    let pair = texts.get(id)
    if (pair === undefined) {
      const words = (text: string) => ` ${tokenize(text).join(' ')} `
      texts.set(id, (pair = [words(releases[id]!.title), words(releases[id]!.body)]))
    }
    return pair
  }

  function search(query: string): SearchHit[] {
    const { words, phrases, typing } = parseQuery(query)
    if (words.length === 0) return []
    const results = index.search(words.join(' '), {
      prefix: (_term, i, terms) => matchesAsPrefix(terms, i, typing),
    })
    const hits = results
      .filter((r) =>
        phrases.every((phrase) => textsOf(r.id as number).some((text) => text.includes(` ${phrase.join(' ')} `))),
      )
      .map((r) => ({
        id: r.id as number,
        score: r.score,
        terms: r.terms,
        // Only the release's matched terms need checking, not every word of its title.
        inTitle: words.every((word, i) =>
          r.terms.some((t) => r.match[t]?.includes('title') && wordMatches(t, word, matchesAsPrefix(words, i, typing))),
        ),
      }))
    hits.sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || b.score - a.score || a.id - b.id)
    return hits.map(({ id, score, terms }) => ({ id, score, terms }))
  }

  /**
   * The marks for a found release, from the words it matched: the excerpt is the part of its body
   * around the best match, or its summary's excerpt when the body has none. (Marking comes with
   * the engine: a timeline without a search never loads it.)
   */
  function mark(id: number, summary: { title: string; excerpt: string }, terms: ReadonlySet<string>): Marked {
    return {
      title: findMatches(summary.title, terms),
      excerpt: excerptAround(releases[id]!.body, terms) ?? { text: summary.excerpt, ranges: findMatches(summary.excerpt, terms) },
    }
  }

  return { search, mark, releases }
}

export type SearchEngine = Awaited<ReturnType<typeof createSearchEngine>>

/** About half a frame of indexing at a time. */
const SLICE_MS = 8

/**
 * Adds the documents a slice at a time, letting the browser in between: indexing a large archive
 * takes seconds, and the reader goes on typing meanwhile (in one piece it froze the page for 1.5 s
 * at 10,000 releases). MiniSearch's own addAllAsync waits on setTimeout, which browsers stretch to
 * 4 ms a call after a few: a thousand chunks would add seconds of waiting.
 */
async function addInSlices<T>(index: MiniSearch<T>, documents: readonly T[]) {
  let at = 0
  while (at < documents.length) {
    const started = performance.now()
    while (at < documents.length && performance.now() - started < SLICE_MS) index.add(documents[at++]!)
    if (at < documents.length) await nextTask()
  }
}

/** Resolves in a task of its own, after input and rendering waiting in the browser's queue. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}
