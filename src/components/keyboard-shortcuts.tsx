import { lazy, Suspense, useEffect, useState } from 'react'

// The window's code comes when it is first opened.
const ShortcutsDialog = lazy(() => import('./shortcuts-dialog'))

const TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'])

/** True while the reader is typing or choosing in a field, where letters must stay letters. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  return target instanceof HTMLInputElement && !TEXT_INPUTS.has(target.type)
}

function moveThroughTimeline(step: 1 | -1): boolean {
  const entries = [...document.querySelectorAll<HTMLElement>('[data-timeline-entry]')]
  if (entries.length === 0) return false
  const current = entries.indexOf(document.activeElement as HTMLElement)
  const next = current === -1 ? (step === 1 ? 0 : entries.length - 1) : Math.min(Math.max(current + step, 0), entries.length - 1)
  entries[next]!.focus()
  return true
}

/**
 * The reader's keyboard shortcuts, and the window that lists them. The window is written when it
 * opens (shortcuts-dialog.tsx): every prerendered page would otherwise carry it.
 */
export function KeyboardShortcuts() {
  const [open, setOpen] = useState(false)

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return
      let handled = false
      if (event.key === 'j' || event.key === 'k') handled = moveThroughTimeline(event.key === 'j' ? 1 : -1)
      else if (event.key === '/') {
        const field = document.querySelector<HTMLElement>('[data-shortcut-focus]')
        field?.focus()
        handled = Boolean(field)
      } else if (event.key === '?') {
        setOpen(true)
        handled = true
      }
      if (handled) event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [])

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpen(true)
        }}
        className="underline hover:no-underline print:hidden"
      >
        Keyboard shortcuts
      </button>
      {open && (
        <Suspense>
          <ShortcutsDialog
            onClose={() => {
              setOpen(false)
            }}
          />
        </Suspense>
      )}
    </>
  )
}
