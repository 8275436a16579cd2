import { type NavigateOptions, useRouter } from '@tanstack/react-router'
import { type ReactNode, useMemo, useRef } from 'react'

/** How long a pointer or focus rests on a link before its page is loaded ahead (the router's default). */
const PRELOAD_DELAY_MS = 50

interface QuietLinkProps {
  /** Where it goes: an address that does not depend on the current one (absolute, search given). */
  options: NavigateOptions
  className?: string
  children: ReactNode
  'data-timeline-entry'?: string
}

/**
 * A link for long lists: TanStack Router's `Link` works out its address again on every navigation,
 * a hundred of them on a timeline for every key typed into the search box. This one works it out
 * when its options change, and otherwise does what `Link` does: the router's navigation on a plain
 * click, the browser's on any other, and the page loaded ahead when the pointer or focus rests on it.
 */
export function QuietLink({ options, className, children, ...data }: QuietLinkProps) {
  const router = useRouter()
  const key = JSON.stringify(options)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the options are what their JSON says.
  const href = useMemo(() => router.history.createHref(router.buildLocation(options).publicHref) || '/', [router, key])
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const preload = () => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      router.preloadRoute(options).catch(() => undefined)
    }, PRELOAD_DELAY_MS)
  }
  const cancel = () => {
    clearTimeout(timer.current)
  }
  return (
    <a
      href={href}
      className={className}
      {...data}
      onClick={(event) => {
        const plain = event.button === 0 && !(event.metaKey || event.altKey || event.ctrlKey || event.shiftKey)
        if (!plain || event.defaultPrevented) return
        event.preventDefault()
        cancel()
        void router.navigate(options)
      }}
      onMouseEnter={preload}
      onFocus={preload}
      onTouchStart={preload}
      onMouseLeave={cancel}
      onBlur={cancel}
    >
      {children}
    </a>
  )
}
