import { useSuspenseQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { archiveIndexQuery } from '@/lib/archive-queries'
import { formatDate } from '@/lib/format'

export function Timeline() {
  const { data: index } = useSuspenseQuery(archiveIndexQuery())
  const categoryLabel = new Map(index.categories.map((c) => [c.slug, c.label]))
  return (
    <section aria-labelledby="timeline-heading">
      <h1 id="timeline-heading" className="text-2xl font-semibold tracking-tight">
        Press releases
      </h1>
      <p className="mt-1 text-slate-600 dark:text-slate-400">
        {index.articles.length} releases, newest first
      </p>
      <ol className="mt-6 divide-y divide-slate-200 dark:divide-slate-800">
        {index.articles.map((article) => (
          <li key={article.slug} className="py-5">
            <p className="text-sm text-slate-600 dark:text-slate-400">
              <time dateTime={article.date}>{formatDate(article.date)}</time>
              {' · '}
              {categoryLabel.get(article.category)}
            </p>
            <h2 className="mt-1 text-lg font-semibold leading-snug">
              <Link
                to="/articles/$slug"
                params={{ slug: article.slug }}
                className="text-blue-800 hover:underline dark:text-blue-300"
              >
                {article.title}
              </Link>
            </h2>
            <p className="mt-1 max-w-prose text-slate-700 dark:text-slate-300">{article.excerpt}</p>
          </li>
        ))}
      </ol>
    </section>
  )
}
