import { useSuspenseQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { topicGroups } from '@/lib/archive-facets'
import { archiveHeadQuery } from '@/lib/archive-queries'
import { plural } from '@/lib/format'
import { useReadyMarker } from '@/lib/app-start'

export function TopicsPage() {
  useReadyMarker()
  const { data: head } = useSuspenseQuery(archiveHeadQuery())
  const groups = topicGroups(head)
  return (
    <section aria-labelledby="topics-heading">
      <h1 id="topics-heading" className="text-3xl font-semibold tracking-tight">
        Topics
      </h1>
      <p className="mt-1 max-w-prose text-slate-700 dark:text-slate-300">
        Every release is tagged with the topics its text is about. Open a topic to read its releases, newest first.
      </p>
      {groups.map((group, i) => (
        <section key={group} aria-labelledby={`group-${i}`} className="mt-8">
          <h2 id={`group-${i}`} className="text-sm font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
            {group}
          </h2>
          <ul className="mt-3 grid gap-4 sm:grid-cols-2">
            {head.topics
              .filter((t) => t.group === group)
              .map((topic) => (
                <li key={topic.slug} className="rounded-md border border-slate-200 p-4 dark:border-slate-800">
                  <h3 className="font-semibold">
                    {topic.count > 0 ? (
                      <Link to="/topics/$topic" params={{ topic: topic.slug }} className="title-link">
                        {topic.label}
                      </Link>
                    ) : (
                      topic.label
                    )}
                  </h3>
                  <p className="muted text-sm">{plural(topic.count, 'release')}</p>
                  <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{topic.description}</p>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </section>
  )
}
