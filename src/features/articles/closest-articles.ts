import type { ArticleSummary } from '@/pipeline/types'

function words(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1),
  )
}

/**
 * The releases whose slugs share the most words with a mistyped one (Dice coefficient over words,
 * ignoring the date), so a truncated or garbled shared link still leads somewhere useful.
 */
export function closestArticles(slug: string, articles: readonly ArticleSummary[], limit = 3): ArticleSummary[] {
  const wanted = words(slug.replace(/^\d{4}-\d{2}-\d{2}-?/, ''))
  if (wanted.size === 0) return []
  return articles
    .map((article) => {
      const have = words(article.slug.slice(11))
      let shared = 0
      for (const w of wanted) if (have.has(w)) shared++
      return { article, score: (2 * shared) / (wanted.size + have.size) }
    })
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((c) => c.article)
}
