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
export function createSearchEngine(releases: readonly SearchableRelease[]) {
  const index = new MiniSearch<SearchableRelease & { id: number }>({
    fields: ['title', 'body'],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => term,
    searchOptions: { boost: { title: TITLE_BOOST }, combineWith: 'AND', fuzzy: fuzziness },
  })
  index.addAll(releases.map((release, id) => ({ id, ...release })))
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

export type SearchEngine = ReturnType<typeof createSearchEngine>
