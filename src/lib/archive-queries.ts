import { queryOptions } from '@tanstack/react-query'
import { dataPath } from 'virtual:archive'
import type { ArchiveIndex, Article } from '@/pipeline/types'

export const dataUrl = (file: string) => `${import.meta.env.BASE_URL}${dataPath}${file}`

export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status})`)
  return (await response.json()) as T
}

// The archive is built into static files: once loaded, nothing goes stale while the page is open.

/** Every release's listing fields, with the topic and category facets. */
export const archiveIndexQuery = () =>
  queryOptions({
    queryKey: ['archive-index', dataPath],
    queryFn: () => fetchJson<ArchiveIndex>(dataUrl('index.json')),
    staleTime: 'static',
  })

/** One release in full, fetched when it is opened (or when a link to it is hovered). */
export const articleQuery = (slug: string) =>
  queryOptions({
    queryKey: ['article', dataPath, slug],
    queryFn: () => fetchJson<Article>(dataUrl(`articles/${encodeURIComponent(slug)}.json`)),
    staleTime: 'static',
  })
