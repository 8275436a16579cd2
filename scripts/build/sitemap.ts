// The sitemap: every address of the site for crawlers, in files of at most 50,000 addresses.

/** Addresses in one sitemap file, the protocol's limit; past it, sitemap.xml is an index of files. */
const SITEMAP_LIMIT = 50_000

/** An address and the date it last changed, if it has one. */
export type SitemapEntry = [loc: string, lastmod: string | undefined]

/**
 * `sitemap.xml` listing every address, or, past `limit` addresses, `sitemap.xml` as an index of
 * `sitemap-1.xml.gz`, `sitemap-2.xml.gz`, … of `limit` addresses each: given as text, written
 * gzipped (as the protocol allows; a part of 50,000 addresses is 8 MB as text). The parts sit
 * beside the index at the site's root: a sitemap may only list addresses under its own folder.
 */
export function sitemapFiles(entries: readonly SitemapEntry[], url: (path: string) => string, limit = SITEMAP_LIMIT): Map<string, string> {
  if (entries.length <= limit) return new Map([['sitemap.xml', sitemap(entries)]])
  const files = new Map<string, string>()
  const parts: SitemapEntry[] = []
  for (let start = 0, n = 1; start < entries.length; start += limit, n++) {
    const part = entries.slice(start, start + limit)
    const file = `sitemap-${n}.xml.gz`
    files.set(file, sitemap(part))
    const dates = part.map(([, lastmod]) => lastmod).filter((d) => d !== undefined)
    parts.push([url(file), dates.length > 0 ? dates.reduce((a, b) => (a > b ? a : b)) : undefined])
  }
  const sitemaps = parts.map((part) => sitemapEntry('sitemap', part))
  files.set(
    'sitemap.xml',
    `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${sitemaps.join('\n')}
</sitemapindex>
`,
  )
  return files
}

/** One address of a sitemap (`url`) or of a sitemap index (`sitemap`), with its date if it has one. */
function sitemapEntry(tag: 'url' | 'sitemap', [loc, lastmod]: SitemapEntry): string {
  return `<${tag}><loc>${xml(loc)}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</${tag}>`
}

function sitemap(pages: readonly SitemapEntry[]): string {
  const urls = pages.map((page) => sitemapEntry('url', page))
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`
}

/** Text escaped for XML: markup characters as entities, characters XML 1.0 cannot hold as U+FFFD. */
const XML_ESCAPES: Partial<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }

export function xml(text: string): string {
  // XML 1.0 cannot hold most control characters, even escaped; one stray one would break the whole feed.
  return text.replace(/[&<>"]|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, (c) => XML_ESCAPES[c] ?? '\uFFFD')
}
