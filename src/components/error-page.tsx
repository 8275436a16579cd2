import { useQueryErrorResetBoundary } from '@tanstack/react-query'
import { type ErrorComponentProps, Link, useRouter } from '@tanstack/react-router'
import { useReadyMarker } from '@/lib/app-start'

/** Shown when the archive's files cannot be fetched (offline, or a deploy in progress). */
export function ErrorPage({ error }: ErrorComponentProps) {
  useReadyMarker()
  const router = useRouter()
  const { reset } = useQueryErrorResetBoundary()
  return (
    <section aria-labelledby="error-heading">
      <h1 id="error-heading" className="text-2xl font-semibold tracking-tight">
        This page could not be loaded
      </h1>
      <p className="mt-3 text-slate-700 dark:text-slate-300">
        The connection may have dropped. Your address is kept: try again, or go back to the timeline.
      </p>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">{error instanceof Error ? error.message : String(error)}</p>
      <p className="mt-6 flex gap-4">
        <button
          type="button"
          className="rounded-md bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800"
          onClick={() => {
            reset()
            void router.invalidate()
          }}
        >
          Try again
        </button>
        <Link to="/" className="self-center link">
          Go to the timeline
        </Link>
      </p>
    </section>
  )
}
