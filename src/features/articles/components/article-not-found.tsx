import { useSuspenseQuery } from '@tanstack/react-query'
import { Link } from '@tanstack/react-router'
import { NotFoundPage } from '@/components/not-found-page'
import { closestArticles } from '@/features/articles/closest-articles'
import { archiveListingQuery } from '@/features/timeline/listing-query'
import { formatDate } from '@/lib/format'

export function ArticleNotFound({ slug }: { slug: string }) {
  const { data: listing } = useSuspenseQuery(archiveListingQuery())
  const closest = closestArticles(slug, listing.articles)
  return (
    <NotFoundPage>
      {closest.length > 0 && (
        <>
          <h2 className="mt-6 font-semibold">Were you looking for one of these?</h2>
          <ul className="mt-2 space-y-2">
            {closest.map((a) => (
              <li key={a.slug}>
                <Link to="/articles/$slug" params={{ slug: a.slug }} className="link">
                  {a.title}
                </Link>{' '}
                <span className="muted text-sm">({formatDate(a.date)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </NotFoundPage>
  )
}
