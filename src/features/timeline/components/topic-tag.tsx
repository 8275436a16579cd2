import type { TimelineSearch } from '@/features/timeline/timeline-search'
import { QuietLink } from '@/components/ui/quiet-link'

/** A topic's name as a link to its timeline, keeping the other filters of the current view. */
export function TopicTag({ slug, label, search }: { slug: string; label: string; search?: TimelineSearch }) {
  return (
    <QuietLink options={{ to: '/topics/$topic', params: { topic: slug }, search: { ...search, topic: undefined } }} className="tag">
      {label}
    </QuietLink>
  )
}
