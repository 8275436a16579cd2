import { Link } from '@tanstack/react-router'
import type { TimelineSearch } from '@/lib/timeline/timeline-search'

/** A topic's name as a link to its timeline, keeping the other filters of the current view. */
export function TopicTag({ slug, label, search }: { slug: string; label: string; search?: TimelineSearch }) {
  return (
    <Link
      to="/topics/$topic"
      params={{ topic: slug }}
      search={{ ...search, topic: undefined }}
      className="tag"
    >
      {label}
    </Link>
  )
}
