import { createFileRoute, notFound } from '@tanstack/react-router'
import { TimelinePage } from '@/features/timeline/components/timeline-page'
import { validateTimelineSearch } from '@/lib/timeline/timeline-address'
import { archiveIndexQuery } from '@/lib/archive-queries'

export const Route = createFileRoute('/topics/$topic')({
  validateSearch: validateTimelineSearch,
  loader: async ({ context: { queryClient }, params }) => {
    const index = await queryClient.query(archiveIndexQuery())
    const topic = index.topics.find((t) => t.slug === params.topic)
    if (!topic) throw notFound()
    return { label: topic.label }
  },
  head: ({ loaderData }) => ({ meta: [{ title: `${loaderData?.label ?? 'Topic'} · MOTIE press releases` }] }),
  component: TopicRoute,
})

function TopicRoute() {
  return <TimelinePage search={Route.useSearch()} pinnedTopic={Route.useParams().topic} />
}
