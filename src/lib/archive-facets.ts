import type { Topic } from '@/pipeline/types'

interface Taxonomy {
  topics: readonly Topic[]
}

/** What readers see for a topic slug; the slug itself if the taxonomy does not know it. */
export function topicLabel(head: Taxonomy, slug: string): string {
  return head.topics.find((t) => t.slug === slug)?.label ?? slug
}

/** The taxonomy's groups ("Industries", "Policy", …), in the order the taxonomy first names them. */
export function topicGroups(head: Taxonomy): string[] {
  return [...new Set(head.topics.map((t) => t.group))]
}
