import { Link } from '@tanstack/react-router'
import type { TimelineSearch } from '@/lib/timeline/timeline-search'

/** A topic's name as a link to its timeline, keeping the other filters of the current view. */
export function TopicTag({ slug, label, search }: { slug: string; label: string; search?: TimelineSearch }) {
  return (
    <Link
      to="/topics/$topic"
      params={{ topic: slug }}
      search={{ ...search, topic: undefined }}
      className="inline-block rounded-full border border-slate-300 px-2.5 py-0.5 text-sm text-slate-700 hover:border-blue-700 hover:text-blue-800 dark:border-slate-600 dark:text-slate-300 dark:hover:border-blue-300 dark:hover:text-blue-200"
    >
      {label}
    </Link>
  )
}
