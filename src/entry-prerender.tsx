// The build renders every address of the archive to HTML with this (scripts/build/prerender.ts), so each
// page has its content before any script runs; the browser then hydrates it (src/main.tsx).
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router'
import { renderToString } from 'react-dom/server'
import { createAppRouter } from '@/app/router'
import { archiveHeadQuery, articleQuery } from '@/lib/archive-queries'
import { archiveListingQuery } from '@/features/timeline/listing-query'
import { listingFromColumns } from '@/features/timeline/listing'
import type { ArchiveHead, ArchiveListing, ArticleView } from '@/pipeline/types'

export interface PrerenderData {
  /** For the timeline and topic pages; a release's page needs neither. */
  head?: ArchiveHead
  listing?: ArchiveListing
  /** The release an address names, as the app reads it from the release's page. */
  article: (slug: string) => ArticleView | undefined
}

export interface RenderedPage {
  /** 200, or 404 for the not-found page. */
  status: number
  /** The markup inside #root. */
  html: string
  /** The page's title, as the routes' `head` gives it (the deepest route that sets one). */
  title: string
}

/** A renderer that keeps the decoded listing between pages: ten thousand pages share one. */
export function createRenderer(data: PrerenderData) {
  const queryClient = new QueryClient()
  // What the routes' loaders would fetch, from the build's own data instead of the network.
  if (data.head) queryClient.setQueryData(archiveHeadQuery().queryKey, data.head)
  if (data.head && data.listing) queryClient.setQueryData(archiveListingQuery().queryKey, listingFromColumns(data.listing, data.head))
  // One router goes from address to address: building one per page would cost more than rendering.
  const history = createMemoryHistory({ initialEntries: ['/'] })
  const router = createAppRouter({ history, queryClient })
  let previousArticle: string | undefined
  return async function render(url: string): Promise<RenderedPage> {
    if (previousArticle) queryClient.removeQueries({ queryKey: articleQuery(previousArticle).queryKey })
    const slug = /^\/articles\/([^/?]+)/.exec(url.slice(import.meta.env.BASE_URL.length - 1))?.[1]
    const article = slug === undefined ? undefined : data.article(decodeURIComponent(slug))
    if (article) queryClient.setQueryData(articleQuery(article.slug).queryKey, article)
    previousArticle = article?.slug
    history.replace(url)
    await router.load()
    const html = renderToString(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    )
    // An unknown address marks the root match (`globalNotFound`); an unknown release, its own match.
    const missing = router.state.matches.some(
      (match) => match.status === 'notFound' || (match as { globalNotFound?: boolean }).globalNotFound,
    )
    const failed = router.state.matches.some((match) => match.status === 'error')
    const titles = router.state.matches.flatMap((match) => match.meta ?? []).flatMap((meta) => (meta?.title ? [meta.title] : []))
    // Nothing of one page is needed for the next: a router that kept every page's matches would
    // hold a hundred thousand of them.
    router.clearCache()
    return { status: failed ? 500 : missing ? 404 : 200, html, title: titles.at(-1) ?? '' }
  }
}
