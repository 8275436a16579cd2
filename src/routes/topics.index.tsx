import { createFileRoute } from '@tanstack/react-router'
import { pageTitle } from '@/lib/site'
import { TopicsPage } from '@/features/topics/components/topics-page'
import { archiveHeadQuery } from '@/lib/archive-queries'

export const Route = createFileRoute('/topics/')({
  loader: ({ context: { queryClient } }) => queryClient.query(archiveHeadQuery()),
  head: () => ({ meta: [{ title: pageTitle('Topics') }] }),
  component: TopicsPage,
})
