import { StrictMode, startTransition } from 'react'
import { createRoot, hydrateRoot } from 'react-dom/client'
import { App } from '@/app/app'
import { createAppRouter } from '@/app/router'
import { archiveHeadQuery, articleQuery } from '@/lib/archive-queries'
import { choicesBeforeStart } from '@/features/timeline/early-choices'
import { correctedState, correctionsOf, validateTimelineAddress } from '@/features/timeline/timeline-address'
import { nextTask, onceStarted } from '@/lib/app-start'
import { prerenderedPath, readArticle, readPageData, ROOT_ID } from '@/lib/page-data'
import '@/styles/app.css'

// The app starts in steps, each a task of its own, so that none blocks the page for long (on a
// phone a long one is what the reader feels, and what Lighthouse counts as blocking time): the
// modules have run; the router is made and matches the address; React hydrates the page in a
// transition, which yields to the browser every few milliseconds (a click meanwhile is replayed
// once the page is hydrated).
async function start() {
  await nextTask()
  const container = document.getElementById(ROOT_ID)!
  const router = createAppRouter()
  const app = (
    <StrictMode>
      <App router={router} />
    </StrictMode>
  )

  // The data the page was rendered from comes with it, whatever address it stands in for (a filtered
  // view still starts from the same head): nothing is fetched twice.
  const data = readPageData(document)
  const article = readArticle(document, data)
  const { queryClient } = router.options.context
  if (data.head) queryClient.setQueryData(archiveHeadQuery().queryKey, data.head)
  if (article) queryClient.setQueryData(articleQuery(article.slug).queryKey, article)

  // What was ignored or corrected in the address the page was opened with is shown on its history
  // entry: the router has replaced the address with a clean one by the time the app has started.
  const corrections = correctionsOf(window.location.search)
  if (corrections.length > 0) {
    onceStarted(() => {
      void router.navigate({
        to: '.',
        search: (previous) => previous,
        state: (previous) => ({ ...previous, corrected: correctedState(corrections) }),
        replace: true,
      })
    })
  }

  // The build wrote this page's content for its address without search parameters. The same address
  // is hydrated once the router has loaded it (from that data, so at once); any other (a filtered
  // view, the 404 page standing in for an unknown address) is rendered afresh.
  const prerendered = prerenderedPath(container)
  const path = window.location.pathname.replace(/(.)\/$/, '$1')
  if (prerendered !== undefined && prerendered === path && window.location.search === '') {
    // As TanStack Router's own hydration does: the router renders the matches as the server did
    // (no Suspense boundaries of its own), and does not load them again on mount.
    router.ssr = { manifest: undefined }
    // A filter ticked or a word typed before the app started is applied once it has.
    const early = choicesBeforeStart(container)
    if (early) {
      onceStarted(() => {
        void router.navigate({ to: '.', search: validateTimelineAddress(early) })
      })
    }
    await nextTask()
    await router.load()
    await nextTask()
    startTransition(() => {
      hydrateRoot(container, app)
    })
  } else {
    container.replaceChildren()
    createRoot(container).render(app)
  }
}

void start()
