import { useState } from 'react'

/**
 * Shares the release's address: the system share sheet where the browser has one (phones),
 * else a copy to the clipboard, announced to screen readers.
 */
export function ShareButton({ title }: { title: string }) {
  const [status, setStatus] = useState('')

  async function share() {
    const url = window.location.href.split('#')[0]!
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url })
        return
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return
      }
    }
    try {
      await navigator.clipboard.writeText(url)
      setStatus('Link copied to the clipboard.')
    } catch {
      setStatus(`Copy this link: ${url}`)
    }
  }

  return (
    <span className="inline-flex items-center gap-3 print:hidden">
      <button
        type="button"
        onClick={() => void share()}
        className="rounded-md border border-slate-400 px-3 py-1 text-sm font-medium hover:border-blue-700 hover:text-blue-800 dark:border-slate-500 dark:hover:border-blue-300 dark:hover:text-blue-200"
      >
        Share
      </button>
      <span role="status" className="text-sm text-slate-600 dark:text-slate-400">
        {status}
      </span>
    </span>
  )
}
