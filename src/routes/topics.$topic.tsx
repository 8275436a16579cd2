import { createFileRoute, notFound, redirect } from '@tanstack/react-router'
import { pageTitle } from '@/lib/site'
import { MovedTopic } from '@/features/topics/components/moved-topic'
import { TimelinePage } from '@/features/timeline/components/timeline-page'
import { successorTopics, validateTimelineAddress } from '@/features/timeline/timeline-address'
import { archiveHeadQuery } from '@/lib/archive-queries'
import { archiveListingQuery } from '@/features/timeline/listing-query'

export const Route = createFileRoute('/topics/$topic')({
  validateSearch: validateTimelineAddress,
  loader: async ({ context: { queryClient }, params }) => {
    const index = await queryClient.query(archiveHeadQuery())
    // Topic slugs are lowercase; a hand-typed /topics/AI still lands on the topic.
    const slug = params.topic.trim().toLowerCase()
    // A topic since renamed leads to its new address; one split in several names them.
    const successors = successorTopics(slug)
    if (successors?.length === 1) throw redirect({ to: '/topics/$topic', params: { topic: successors[0]! }, search: true, replace: true })
    if (successors) return { label: 'Topic moved', moved: index.topics.filter((t) => successors.includes(t.slug)) }
    const topic = index.topics.find((t) => t.slug === slug)
    if (!topic) throw notFound()
    if (slug !== params.topic) throw redirect({ to: '/topics/$topic', params: { topic: slug }, search: true, replace: true })
    // A topic's timeline is a filtered view: it needs the whole listing.
    await queryClient.query(archiveListingQuery())
    return { label: topic.label }
  },
  head: ({ loaderData }) => ({ meta: [{ title: pageTitle(loaderData?.label ?? 'Topic') }] }),
  component: TopicRoute,
})

function TopicRoute() {
  const { moved } = Route.useLoaderData()
  const { topic } = Route.useParams()
  const search = Route.useSearch()
  if (moved) return <MovedTopic former={topic} successors={moved} />
  return <TimelinePage search={search} pinnedTopic={topic} />
}
