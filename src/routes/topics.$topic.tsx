import { createFileRoute, notFound, redirect } from '@tanstack/react-router'
import { TimelinePage } from '@/features/timeline/components/timeline-page'
import { validateTimelineSearch } from '@/lib/timeline/timeline-address'
import { archiveHeadQuery, archiveListingQuery } from '@/lib/archive-queries'

export const Route = createFileRoute('/topics/$topic')({
  validateSearch: validateTimelineSearch,
  loader: async ({ context: { queryClient }, params }) => {
    const index = await queryClient.query(archiveHeadQuery())
    // Topic slugs are lowercase; a hand-typed /topics/AI still lands on the topic.
    const slug = params.topic.trim().toLowerCase()
    const topic = index.topics.find((t) => t.slug === slug)
    if (!topic) throw notFound()
    if (slug !== params.topic) throw redirect({ to: '/topics/$topic', params: { topic: slug }, search: true, replace: true })
    // A topic's timeline is a filtered view: it needs the whole listing.
    await queryClient.query(archiveListingQuery())
    return { label: topic.label }
  },
  head: ({ loaderData }) => ({ meta: [{ title: `${loaderData?.label ?? 'Topic'} · MOTIE press releases` }] }),
  component: TopicRoute,
})

function TopicRoute() {
  return <TimelinePage search={Route.useSearch()} pinnedTopic={Route.useParams().topic} />
}
