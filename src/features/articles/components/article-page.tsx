import { useSuspenseQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { archiveIndexQuery, articleQuery } from '@/lib/archive-queries'
import { formatDate } from '@/lib/format'
import type { ArticleLink } from '@/pipeline/types'

export function ArticlePage({ slug }: { slug: string }) {
  const { data: article } = useSuspenseQuery(articleQuery(slug))
  const { data: index } = useSuspenseQuery(archiveIndexQuery())
  const topicLabel = new Map(index.topics.map((t) => [t.slug, t.label]))
  return (
    <article aria-labelledby="article-heading">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <time dateTime={article.date}>{formatDate(article.date)}</time>
        {' · '}
        {article.categoryLabel}
        {' · '}
        {article.readingMinutes} min read
      </p>
      <h1 id="article-heading" className="mt-2 text-3xl font-semibold leading-tight tracking-tight text-balance">
        {article.title}
      </h1>
      {article.topics.length > 0 && (
        <ul aria-label="Topics" className="mt-3 flex flex-wrap gap-2">
          {article.topics.map((topic) => (
            <li key={topic} className="rounded-full bg-slate-100 px-3 py-0.5 text-sm text-slate-800 dark:bg-slate-800 dark:text-slate-200">
              {topicLabel.get(topic) ?? topic}
            </li>
          ))}
        </ul>
      )}
      {article.twin && (
        <p className="mt-5 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-700">
          {article.twin.role === 'full-release' ? 'Read the full release: ' : 'Photo caption on the same event: '}
          <ArticleLinkItem link={article.twin} />
        </p>
      )}
      <div className="mt-6 max-w-[65ch] space-y-5 font-serif text-lg leading-relaxed">
        {article.paragraphs.map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </div>
      {article.related.length > 0 && (
        <section aria-labelledby="related-heading" className="mt-10 border-t border-slate-200 pt-6 dark:border-slate-800">
          <h2 id="related-heading" className="font-semibold">
            Related releases
          </h2>
          <ul className="mt-3 space-y-2">
            {article.related.map((link) => (
              <li key={link.slug}>
                <ArticleLinkItem link={link} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="mt-10">
        <Link to="/" className="text-blue-700 underline hover:no-underline dark:text-blue-300">
          ← All releases
        </Link>
      </p>
    </article>
  )
}

function ArticleLinkItem({ link }: { link: ArticleLink }) {
  return (
    <>
      <Link to="/articles/$slug" params={{ slug: link.slug }} className="text-blue-700 underline hover:no-underline dark:text-blue-300">
        {link.title}
      </Link>{' '}
      <span className="text-slate-600 dark:text-slate-400">({formatDate(link.date)})</span>
    </>
  )
}
