// The app's start: React taking over a prerendered page (or rendering one afresh), and what waits for it.
import { useEffect, useSyncExternalStore } from 'react'

const subscribe = () => () => undefined

/**
 * False while React hydrates a prerendered page, true ever after (and at once on any page rendered
 * in the browser). What the build could not know, such as this tab's history state, waits for it,
 * so the first render matches the page the build wrote.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}

const whenReady: (() => void)[] = []

/**
 * Resolves in a task of its own, so the browser may handle input and paint before what follows:
 * `scheduler.yield()` where the browser has it (the rest runs before other queued work), else the
 * next task a message posts.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

/** Runs `task` once, when the app has taken over the page (see useReadyMarker). */
export function onceStarted(task: () => void) {
  whenReady.push(task)
}

/**
 * Marks the page as taken over by the app once this page's content has hydrated (or rendered):
 * browser tests and the bench wait for `html[data-ready]` before they act. Then runs what
 * onceStarted left to do.
 */
export function useReadyMarker() {
  useEffect(() => {
    document.documentElement.dataset.ready = ''
    for (const task of whenReady.splice(0)) task()
  }, [])
}
