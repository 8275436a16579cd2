import { useEffect, useRef } from 'react'

/** The keys the reader has (keyboard-shortcuts.tsx handles them) and what each does. */
const SHORTCUTS: [string, string][] = [
  ['j', 'Next release in the timeline'],
  ['k', 'Previous release in the timeline'],
  ['Enter', 'Open the selected release'],
  ['/', 'Go to the search box'],
  ['?', 'Show these shortcuts'],
  ['Esc', 'Close this window'],
]

/** The window that lists the keyboard shortcuts, open from its first render until the reader closes it. */
export default function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal()
  }, [])
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
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
  )
}
