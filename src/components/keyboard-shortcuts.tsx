import { useEffect, useRef, useState } from 'react'

const SHORTCUTS: [string, string][] = [
  ['j', 'Next release in the timeline'],
  ['k', 'Previous release in the timeline'],
  ['Enter', 'Open the selected release'],
  ['/', 'Go to the search box'],
  ['?', 'Show these shortcuts'],
  ['Esc', 'Close this window'],
]

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
 * opens: every prerendered page would otherwise carry it.
 */
export function KeyboardShortcuts() {
  const dialog = useRef<HTMLDialogElement>(null)
  const [open, setOpen] = useState(false)

  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal()
  }, [open])

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return
      let handled = false
      if (event.key === 'j' || event.key === 'k') handled = moveThroughTimeline(event.key === 'j' ? 1 : -1)
      else if (event.key === '/') {
        const field = document.querySelector<HTMLElement>('[data-shortcut-focus]')
        field?.focus()
        handled = Boolean(field)
      } else if (event.key === '?' && !dialog.current?.open) {
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
        <dialog
          ref={dialog}
          onClose={() => {
            setOpen(false)
          }}
          aria-labelledby="shortcuts-heading"
          className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-lg border border-slate-300 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        >
          <h2 id="shortcuts-heading" className="text-lg font-semibold">
            Keyboard shortcuts
          </h2>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
            {SHORTCUTS.map(([key, action]) => (
              <div key={key} className="contents">
                <dt>
                  <kbd className="rounded border border-slate-400 px-1.5 py-0.5 font-mono text-sm dark:border-slate-500">{key}</kbd>
                </dt>
                <dd>{action}</dd>
              </div>
            ))}
          </dl>
          <form method="dialog" className="mt-6 text-right">
            <button type="submit" className="rounded-md bg-blue-700 px-4 py-1.5 font-medium text-white hover:bg-blue-800">
              Close
            </button>
          </form>
        </dialog>
      )}
    </>
  )
}
