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
      <button type="button" onClick={() => void share()} className="btn px-3 py-1 text-sm">
        Share
      </button>
      <span role="status" className="muted text-sm">
        {status}
      </span>
    </span>
  )
}
