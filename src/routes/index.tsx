import { createFileRoute } from '@tanstack/react-router'
import { TimelinePage } from '@/features/timeline/components/timeline-page'
import { validateTimelineSearch } from '@/lib/timeline/timeline-address'
import { archiveIndexQuery } from '@/lib/archive-queries'

export const Route = createFileRoute('/')({
  validateSearch: validateTimelineSearch,
  loader: ({ context: { queryClient } }) => queryClient.query(archiveIndexQuery()),
  head: () => ({ meta: [{ title: 'MOTIE press releases' }] }),
  component: TimelineRoute,
})

function TimelineRoute() {
  return <TimelinePage search={Route.useSearch()} />
}
