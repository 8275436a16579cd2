import { Link } from '@tanstack/react-router'
import type { ReactNode } from 'react'
import { useReadyMarker } from '@/lib/app-start'

export function NotFoundPage({ children }: { children?: ReactNode }) {
  useReadyMarker()
  return (
    <section aria-labelledby="not-found-heading">
      <h1 id="not-found-heading" className="text-2xl font-semibold tracking-tight">
        Page not found
      </h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        There is nothing at this address. It may have been mistyped or shortened when it was shared.
      </p>
      {children}
      <p className="mt-6">
        <Link to="/" className="link">
          Go to the timeline of all releases
        </Link>
      </p>
    </section>
  )
}
