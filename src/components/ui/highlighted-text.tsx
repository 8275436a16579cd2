import type { ReactNode } from 'react'
import type { Range } from '@/lib/search/highlight'

/** Text with the given ranges marked, built from text nodes: nothing in the text is ever parsed as markup. */
export function HighlightedText({ text, ranges }: { text: string; ranges: readonly Range[] }) {
  if (ranges.length === 0) return text
  const parts: ReactNode[] = []
  let at = 0
  for (const [start, end] of ranges) {
    if (start < at) continue
    if (start > at) parts.push(text.slice(at, start))
    parts.push(
      <mark key={start} className="rounded-sm bg-yellow-200 px-0.5 text-inherit dark:bg-amber-300 dark:text-slate-950">
        {text.slice(start, end)}
      </mark>,
    )
    at = end
  }
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}
