import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import type { Marked } from '@/lib/search/highlight'
import { BODIES_AT_ONCE } from '@/lib/search/index-format'
import type { PackedHits } from '@/lib/search/packed-hits'
import type { SearchClient } from '@/lib/search/search-client'
import { resultBodiesQuery } from '@/lib/search/search-queries'
import type { TimelineView } from '@/features/timeline/timeline-view'
import type { ArticleSummary } from '@/pipeline/types'
import { useSettledText } from '@/lib/use-settled-text'

/** The bodies of the shown results wait for the typing to pause this long. */
const BODIES_AFTER_TYPING_MS = 250
const NO_BODIES = new Map<string, string>()

/**
 * Each shown result marked with the words it matched (the engine's own, so no text is searched
 * again), by slug. A result whose excerpt shows none of them gets its excerpt from its body, which
 * the search's worker reads from the release's page once typing has paused on the answer; at once
 * for the first few when no result shows a match at all (`BODIES_AT_ONCE`).
 */
export function useResultMarks(
  result: { query: string; hits: PackedHits } | undefined,
  engine: SearchClient | undefined,
  view: TimelineView | undefined,
  visible: readonly ArticleSummary[],
): Map<string, Marked> {
  const words = useMemo(() => {
    const bySlug = new Map<string, Set<string>>()
    if (!result || !engine || !view) return bySlug
    const positions = new Map(Array.from(result.hits.ids, (id, i) => [id, i]))
    visible.forEach((article, k) => {
      const at = positions.get(view.ids[k]!)
      if (at !== undefined) bySlug.set(article.slug, engine.wordsOfHit(result.hits, at))
    })
    return bySlug
  }, [result, engine, view, visible])
  const summaryMarks = useMemo(() => {
    const bySlug = new Map<string, Marked>()
    if (!engine) return bySlug
    for (const article of visible) {
      const matched = words.get(article.slug)
      if (matched) bySlug.set(article.slug, engine.mark(article, matched))
    }
    return bySlug
  }, [engine, visible, words])
  const settledQuery = useSettledText(result?.query ?? '', BODIES_AFTER_TYPING_MS)
  const withoutExcerpt = useMemo(() => {
    const unmarked = visible.filter((a) => summaryMarks.get(a.slug)?.excerpt.ranges.length === 0)
    if (settledQuery === result?.query) return unmarked.map((a) => a.slug)
    const nothingShown = [...summaryMarks.values()].every((m) => m.title.length === 0 && m.excerpt.ranges.length === 0)
    return nothingShown ? unmarked.slice(0, BODIES_AT_ONCE).map((a) => a.slug) : []
  }, [settledQuery, result, visible, summaryMarks])
  const bodies =
    useQuery({ ...resultBodiesQuery(withoutExcerpt), enabled: withoutExcerpt.length > 0, placeholderData: keepPreviousData }).data ??
    NO_BODIES
  return useMemo(() => {
    if (bodies.size === 0 || !engine) return summaryMarks
    const bySlug = new Map(summaryMarks)
    for (const article of visible) {
      const body = bodies.get(article.slug)
      const matched = words.get(article.slug)
      if (body !== undefined && matched) bySlug.set(article.slug, engine.mark(article, matched, body))
    }
    return bySlug
  }, [summaryMarks, bodies, engine, visible, words])
}
