// The smallest app on the reader's fixed stack: one route that loads data through TanStack Query
// and renders it with React. `npm run bench` builds it to measure what the libraries alone weigh,
// so the first-load budget can hold the reader's own share to what the issue allotted it.
import { QueryClient, QueryClientProvider, queryOptions, useSuspenseQuery } from '@tanstack/react-query'
import { createRootRoute, createRoute, createRouter, Link, Outlet, RouterProvider } from '@tanstack/react-router'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

const queryClient = new QueryClient()
const greeting = queryOptions({ queryKey: ['greeting'], queryFn: () => Promise.resolve('Hello'), staleTime: 'static' })

const rootRoute = createRootRoute({ component: () => <Outlet /> })
const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  loader: () => queryClient.query(greeting),
  component: function Index() {
    const { data } = useSuspenseQuery(greeting)
    return <Link to="/">{data}</Link>
  },
})
const router = createRouter({ routeTree: rootRoute.addChildren([indexRoute]) })

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
)
