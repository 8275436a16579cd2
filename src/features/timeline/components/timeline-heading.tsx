import { Link } from '@tanstack/react-router'
import { useAddressCorrections } from '@/features/timeline/timeline-address'
import type { TopicWithCount } from '@/pipeline/types'

/** The timeline's heading: "Press releases", or on a topic's page the topic, its description and the way to all topics. */
export function TimelineHeading({ topic }: { topic: TopicWithCount | undefined }) {
  if (!topic) {
    return (
      <h1 id="timeline-heading" className="text-3xl font-semibold tracking-tight">
        Press releases
      </h1>
    )
  }
  return (
    <>
      <p className="muted text-sm">
        <Link to="/topics" className="underline hover:no-underline">
          Topics
        </Link>
      </p>
      <h1 id="timeline-heading" className="text-3xl font-semibold tracking-tight">
        {topic.label}
      </h1>
      <p className="mt-1 max-w-prose text-slate-700 dark:text-slate-300">{topic.description}</p>
    </>
  )
}

/** What was ignored or corrected in the address the page was opened with, if anything. */
export function AddressCorrections() {
  const corrections = useAddressCorrections()
  if (corrections.length === 0) return null
  return (
    <div
      role="note"
      className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <p className="font-medium">The address was corrected:</p>
      <ul className="mt-1 list-disc pl-5">
        {corrections.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </div>
  )
}
