import type { Topic } from '@/pipeline/types'

interface Taxonomy {
  topics: readonly Topic[]
}

/** What readers see for a topic slug; the slug itself if the taxonomy does not know it. */
export function topicLabel(index: Taxonomy, slug: string): string {
  return index.topics.find((t) => t.slug === slug)?.label ?? slug
}

/** The taxonomy's groups ("Industries", "Policy", …), in the order the taxonomy first names them. */
export function topicGroups(index: Taxonomy): string[] {
  return [...new Set(index.topics.map((t) => t.group))]
}
