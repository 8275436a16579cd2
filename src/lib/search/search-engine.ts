// Full-text search over the index the build wrote (src/pipeline/search-index.ts): every word must
// match (AND), the word being typed matches as a prefix, longer words tolerate one typo, case and
// accents never matter, quoted phrases must appear as written, and a release whose title holds
// every word ranks above one that only mentions them in its body. It fetches only the files a
// query's words need. In the browser it runs in a worker (search-worker.ts); the tests run it as it is.
import {
  type FacetCounts,
  FACETS_FILE,
  type FacetsFile,
  initialOf,
  isSmallArchive,
  MANIFEST_FILE,
  type PostingsFile,
  postingsFile,
  type SearchManifest,
  secondOf,
  secondsFile,
  shardOf,
  type SummariesFile,
  summariesFile,
  summariesPerFile,
  type SummaryRow,
  TEXTS_FILE,
  type TextsFile,
  wordsFile,
} from './index-format'
import { decode, once, type Postings } from './postings'
import { fuzziness, matchesAsPrefix, parseQuery, PREFIX_FROM, tokenize, withinOneEdit } from './query'

export interface SearchHit {
  /** Position of the release in the archive index. */
  id: number
  score: number
  /** The words of the release that matched, normalized, for highlighting. */
  terms: string[]
}

/** Reads one of the index's files (parsed JSON), e.g. from the data folder over the network. */
export type LoadFile = (file: string) => Promise<unknown>

// How much a word found by prefix or by a typo counts against the word itself, as in MiniSearch.
const PREFIX_WEIGHT = 0.375
const FUZZY_WEIGHT = 0.45

/** What one query word found in one release. */
interface Found {
  score: number
  inTitle: boolean
  terms: string[]
}

export function createSearchEngine(load: LoadFile) {
  const files = new Map<string, Promise<unknown>>()
  const file = <T>(name: string) => once(files, name, () => load(name)) as Promise<T>
  const decoded = new Map<number, Promise<Map<string, Postings>>>()
  const shard = (n: number) =>
    once(decoded, n, async () => {
      const [postings, manifest] = await Promise.all([file<PostingsFile>(postingsFile(n)), file<SearchManifest>(MANIFEST_FILE)])
      return decode(postings, manifest.releases)
    })
  const phraseTexts = new Map<number, [string, string]>()

  /**
   * The index words that answer a query word, each with how much it counts: from the words of its
   * initial, and for a typo in its first letter, the words of its second letter's initial (a letter
   * added in front) and the words whose second letter is its first or second.
   */
  async function candidates(manifest: SearchManifest, word: string, prefix: boolean): Promise<Map<string, number>> {
    const typo = fuzziness(word) !== false
    const lists: Promise<string[]>[] = []
    const words = (initial: string | undefined) => {
      if (initial !== undefined && manifest.initials.includes(initial)) lists.push(file<string[]>(wordsFile(initial)))
    }
    const seconds = (letter: string | undefined) => {
      if (letter !== undefined && manifest.seconds.includes(letter)) lists.push(file<string[]>(secondsFile(letter)))
    }
    words(initialOf(word))
    if (typo) {
      const second = secondOf(word)
      if (second !== initialOf(word)) words(second)
      seconds(initialOf(word))
      if (second !== initialOf(word)) seconds(second)
    }
    const found = new Map<string, number>()
    for (const list of await Promise.all(lists)) {
      for (const candidate of list) {
        if (found.has(candidate)) continue
        if (candidate === word) found.set(candidate, 1)
        else if (prefix && candidate.startsWith(word)) {
          found.set(candidate, (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * (candidate.length - word.length)))
        } else if (typo && withinOneEdit(candidate, word)) {
          found.set(candidate, (FUZZY_WEIGHT * word.length) / (word.length + 1))
        }
      }
    }
    return found
  }

  /** For one query word, what each release holding an answer to it scores. */
  async function lookUp(manifest: SearchManifest, word: string, prefix: boolean): Promise<Map<number, Found>> {
    const answers = await candidates(manifest, word, prefix)
    const byRelease = new Map<number, Found>()
    const shards = await Promise.all([...new Set([...answers.keys()].map((w) => shardOf(manifest, w)))].map(shard))
    for (const [term, weight] of answers) {
      const postings = shards.find((s) => s.has(term))?.get(term)
      if (!postings) continue
      for (let i = 0; i < postings.ids.length; i++) {
        const id = postings.ids[i]!
        const score = postings.scores[i]! * weight
        const titled = postings.inTitle[i] === 1
        const found = byRelease.get(id)
        if (found === undefined) byRelease.set(id, { score, inTitle: titled, terms: [term] })
        else {
          found.score += score
          found.inTitle ||= titled
          found.terms.push(term)
        }
      }
    }
    return byRelease
  }

  async function prefetch(manifest: SearchManifest, start: string) {
    const answers = await candidates(manifest, start, true).catch(() => new Map<string, number>())
    for (const n of new Set([...answers.keys()].map((w) => shardOf(manifest, w)))) shard(n).catch(() => undefined)
  }

  async function search(query: string): Promise<SearchHit[]> {
    const { words, phrases, typing } = parseQuery(query)
    if (words.length === 0) return []
    const manifest = await file<SearchManifest>(MANIFEST_FILE)
    if (manifest.releases === 0) return []
    // A word being typed matches as a prefix from its third letter: at its second, the postings of
    // the words it begins are fetched ahead, so the third letter's answer waits for no download.
    const last = words[words.length - 1]!
    if (typing && last.length === PREFIX_FROM - 1) void prefetch(manifest, last)
    const perWord = await Promise.all(words.map((word, i) => lookUp(manifest, word, matchesAsPrefix(words, i, typing))))
    // Every word must match: the releases of the rarest word, kept where every other word is found.
    const [rarest, ...others] = [...perWord].sort((a, b) => a.size - b.size)
    let hits: (SearchHit & { inTitle: boolean })[] = []
    for (const [id, first] of rarest!) {
      let score = first.score
      let inTitle = first.inTitle
      const terms = new Set(first.terms)
      let all = true
      for (const other of others) {
        const found = other.get(id)
        if (found === undefined) {
          all = false
          break
        }
        score += found.score
        inTitle &&= found.inTitle
        for (const term of found.terms) terms.add(term)
      }
      if (all) hits.push({ id, score, inTitle, terms: [...terms] })
    }
    if (phrases.length > 0 && hits.length > 0) {
      const texts = await file<TextsFile>(TEXTS_FILE)
      hits = hits.filter(({ id }) => phrases.every((phrase) => wordsOf(texts, id).some((text) => text.includes(` ${phrase.join(' ')} `))))
    }
    hits.sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || b.score - a.score || a.id - b.id)
    return hits.map(({ id, score, terms }) => ({ id, score, terms }))
  }

  /** A release's title and body as word sequences, for phrase checks: a phrase never spans the two. */
  function wordsOf(texts: TextsFile, id: number): [string, string] {
    let pair = phraseTexts.get(id)
    if (pair === undefined) {
      const words = (text: string) => ` ${tokenize(text).join(' ')} `
      const [title, body] = texts[id] ?? ['', '']
      phraseTexts.set(id, (pair = [words(title), words(body)]))
    }
    return pair
  }

  /** What the timeline shows of these releases, in the order given, from the summaries files they are in. */
  async function summaries(ids: readonly number[]): Promise<SummaryRow[]> {
    const { releases } = await file<SearchManifest>(MANIFEST_FILE)
    const perFile = summariesPerFile(releases)
    const numbers = [...new Set(ids.map((id) => Math.floor(id / perFile)))]
    const files = new Map(await Promise.all(numbers.map(async (n) => [n, await file<SummariesFile>(summariesFile(n))] as const)))
    return ids.map((id) => {
      const f = files.get(Math.floor(id / perFile))!
      const i = id % perFile
      return {
        id,
        slug: f.slugs[i]!,
        title: f.titles[i]!,
        excerpt: f.excerpts[i]!,
        day: f.days[i]!,
        category: f.categories[i]!,
        topics: f.topics[i]!,
        readingMinutes: f.readingMinutes[i]!,
        twin: f.twins[i]!,
      }
    })
  }

  /** How many of these releases carry each category and each topic (positions in the head's lists). */
  async function counts(ids: Iterable<number>): Promise<FacetCounts> {
    const facets = await file<FacetsFile>(FACETS_FILE)
    const categories: number[] = []
    const topics: number[] = []
    for (const id of ids) {
      const c = facets.categories[id]!
      categories[c] = (categories[c] ?? 0) + 1
      for (const t of facets.topics[id]!) topics[t] = (topics[t] ?? 0) + 1
    }
    // Sparse where no release had a position: holes count 0.
    const dense = (counts: (number | undefined)[]) => Array.from(counts, (n) => n ?? 0)
    return { categories: dense(categories), topics: dense(topics) }
  }

  /** Whether the archive is small (`isSmallArchive`): its results' bodies come from the texts. */
  const isSmall = async () => isSmallArchive(await file<SearchManifest>(MANIFEST_FILE))

  /**
   * A release's body from the texts file, on a small archive (`isSmallArchive`), where it costs
   * less than the release's page; undefined on any other archive. Null when no release has the slug.
   */
  async function smallArchiveBody(slug: string): Promise<string | null | undefined> {
    if (!(await isSmall())) return undefined
    const [rows, texts] = await Promise.all([file<SummariesFile>(summariesFile(0)), file<TextsFile>(TEXTS_FILE)])
    const id = rows.slugs.indexOf(slug)
    return id === -1 ? null : (texts[id]?.[1] ?? null)
  }

  /**
   * Fetches what the first query will need whatever it is, while the reader starts typing; on a
   * small archive, everything its results show.
   */
  function warm() {
    const ignore = () => undefined
    file<SearchManifest>(MANIFEST_FILE)
      .then((manifest) => {
        if (!isSmallArchive(manifest)) return
        file(summariesFile(0)).catch(ignore)
        file(TEXTS_FILE).catch(ignore)
      })
      .catch(ignore)
    file<FacetsFile>(FACETS_FILE).catch(ignore)
  }

  return { search, summaries, counts, warm, isSmall, smallArchiveBody }
}

export type SearchEngine = ReturnType<typeof createSearchEngine>
