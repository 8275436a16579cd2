import { createFileRoute } from '@tanstack/react-router'
import { Timeline } from '@/features/timeline/components/timeline'
import { archiveIndexQuery } from '@/lib/archive-queries'

export const Route = createFileRoute('/')({
  loader: ({ context: { queryClient } }) => queryClient.query(archiveIndexQuery()),
  component: Timeline,
})
