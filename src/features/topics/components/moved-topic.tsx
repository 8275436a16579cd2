import { Link } from '@tanstack/react-router'
import { useReadyMarker } from '@/lib/app-start'
import type { Topic } from '@/pipeline/types'

/** A topic's address after the topic was split: where its releases are now (topics.yaml `formerly`). */
export function MovedTopic({ former, successors }: { former: string; successors: Pick<Topic, 'slug' | 'label'>[] }) {
  useReadyMarker()
  return (
    <section aria-labelledby="moved-heading">
      <h1 id="moved-heading" className="text-2xl font-semibold tracking-tight">
        This topic has moved
      </h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        “{former}” is now {successors.length} topics:
      </p>
      <ul className="mt-2 space-y-2">
        {successors.map((topic) => (
          <li key={topic.slug}>
            <Link to="/topics/$topic" params={{ topic: topic.slug }} className="link">
              {topic.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
