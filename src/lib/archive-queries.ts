import { queryOptions } from '@tanstack/react-query'
import { dataPath } from 'virtual:archive'
import { fetchJson, MissingDataError } from '@/lib/fetch-data'
import { articlePagePath, readArticle } from '@/lib/page-data'
import type { ArchiveHead } from '@/pipeline/types'

export const dataUrl = (file: string) => `${import.meta.env.BASE_URL}${dataPath}${file}`

// The archive is built into static files: once loaded, nothing goes stale while the page is open.

/** The facets and the newest releases: all the first screen needs, whatever the archive's size. */
export const archiveHeadQuery = () =>
  queryOptions({
    queryKey: ['archive-head', dataPath],
    queryFn: () => fetchJson<ArchiveHead>(dataUrl('head.json')),
    staleTime: 'static',
  })

/**
 * One release in full, read from its own prerendered page when it is opened (or when a link to it
 * is hovered): the page carries the release's data, so the archive needs no file per release.
 */
export const articleQuery = (slug: string) =>
  queryOptions({
    queryKey: ['article', dataPath, slug],
    queryFn: async () => {
      const url = `${import.meta.env.BASE_URL}${articlePagePath(slug)}`
      const response = await fetch(url)
      if (response.status === 404) throw new MissingDataError(`No such release: ${url}`)
      if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status})`)
      const article = readArticle(new DOMParser().parseFromString(await response.text(), 'text/html'))
      // A host that answers every path with the app (a single-page fallback) sends a page without it.
      if (article?.slug !== slug) throw new MissingDataError(`No such release: ${url}`)
      return article
    },
    staleTime: 'static',
  })
