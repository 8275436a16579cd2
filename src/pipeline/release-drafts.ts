import type { TextStore } from './text-store.ts'
import type { ArchiveIndex, ArticleDraft, ArticleLink, TwinLink } from './types.ts'

/** What a release's page adds to its listing entry, as `indexArchive` keeps it (src/pipeline/merge-pages.ts). */
export interface DraftSource {
  /** The category as the ministry wrote it. */
  category: string
  /** The body's position in `bodies`. */
  body: number
  words: number
}

/**
 * Each release's draft and body, made when asked, from what is kept of the releases for as long as
 * the archive is: the listing, the bodies in their text store (src/pipeline/text-store.ts) and the
 * links between releases, each in a few arrays. `releases` (in the order of `index.articles`) and
 * `related` are read here and not kept.
 */
export function releaseDrafts(
  index: ArchiveIndex,
  releases: readonly DraftSource[],
  bodies: TextStore,
  twins: ReadonlyMap<number, number>,
  related: readonly (readonly number[])[],
  topicLabels: ReadonlyMap<string, string>,
): { draft: (position: number) => ArticleDraft; body: (position: number) => string } {
  const { articles } = index
  const categoryLabels: string[] = []
  const words: number[] = []
  const bodyAt: number[] = []
  // Each release's related releases, one run after the other: an array each was 19 MB at 100,000.
  const relatedFrom = new Uint32Array(releases.length + 1)
  const relatedAll = new Uint32Array(related.reduce((sum, list) => sum + list.length, 0))
  for (let i = 0; i < releases.length; i++) {
    const release = releases[i]!
    categoryLabels.push(release.category)
    words.push(release.words)
    bodyAt.push(release.body)
    relatedAll.set(related[i]!, relatedFrom[i])
    relatedFrom[i + 1] = relatedFrom[i]! + related[i]!.length
  }
  const body = (i: number) => bodies.get(bodyAt[i]!)

  const link = (i: number): ArticleLink => ({ slug: articles[i]!.slug, title: articles[i]!.title, date: articles[i]!.date })
  // Twins differ in length by design (findTwins): the shorter is the caption.
  const twinLink = (i: number, twin: number): TwinLink => ({
    slug: articles[twin]!.slug,
    title: articles[twin]!.title,
    date: articles[twin]!.date,
    role: words[twin]! < words[i]! ? 'caption' : 'full-release',
  })
  // A release's draft is its listing entry and what its page adds, written out without an object
  // spread: on Node 20 a spread copy given more properties keeps them in the old generation, so
  // every draft's body was promoted there (3 KB a release) and stayed until a full collection.
  const draft = (i: number): ArticleDraft => {
    const { slug, date, category, title, excerpt, topics, readingMinutes } = articles[i]!
    const twin = twins.get(i)
    const draft: ArticleDraft = {
      slug,
      date,
      category,
      title,
      excerpt,
      topics,
      readingMinutes,
      categoryLabel: categoryLabels[i]!,
      topicLabels: topics.map((t) => topicLabels.get(t) ?? t),
      body: body(i),
      words: words[i]!,
      twin: twin === undefined ? undefined : twinLink(i, twin),
      related: Array.from(relatedAll.subarray(relatedFrom[i], relatedFrom[i + 1]), link),
    }
    if (i > 0) draft.newer = link(i - 1)
    if (i < articles.length - 1) draft.older = link(i + 1)
    return draft
  }
  return { draft, body }
}
