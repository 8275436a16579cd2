import { createFileRoute, notFound, redirect } from '@tanstack/react-router'
import { pageTitle } from '@/lib/site'
import { ArticlePage } from '@/features/articles/components/article-page'
import { ArticleNotFound } from '@/features/articles/components/article-not-found'
import { articleQuery } from '@/lib/archive-queries'
import { MissingDataError } from '@/lib/fetch-data'

export const Route = createFileRoute('/articles/$slug')({
  loader: async ({ context: { queryClient }, params: { slug } }) => {
    // Slugs are lowercase; a hand-typed address in another case or with stray spaces still lands.
    const canonical = slug.trim().toLowerCase()
    const article = await queryClient.query(articleQuery(canonical)).catch((error: unknown) => {
      throw error instanceof MissingDataError ? notFound() : error
    })
    if (canonical !== slug) throw redirect({ to: '/articles/$slug', params: { slug: canonical }, replace: true })
    return { title: article.title }
  },
  head: ({ loaderData }) => ({ meta: loaderData ? [{ title: pageTitle(loaderData.title) }] : [] }),
  component: ArticleRoute,
  notFoundComponent: ArticleNotFoundRoute,
})

function ArticleRoute() {
  const { slug } = Route.useParams()
  // A new release is a new page: nothing (a "Link copied" note, hidden highlights) carries over.
  return <ArticlePage key={slug} slug={slug} />
}

function ArticleNotFoundRoute() {
  return <ArticleNotFound slug={Route.useParams().slug} />
}
