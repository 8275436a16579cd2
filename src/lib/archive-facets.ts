import type { ArchiveIndex } from '@/pipeline/types'

/** What readers see for a topic slug; the slug itself if the taxonomy does not know it. */
export function topicLabel(index: ArchiveIndex, slug: string): string {
  return index.topics.find((t) => t.slug === slug)?.label ?? slug
}

/** The taxonomy's groups ("Industries", "Policy", …), in the order the taxonomy first names them. */
export function topicGroups(index: ArchiveIndex): string[] {
  return [...new Set(index.topics.map((t) => t.group))]
}
