// Writes every address of the archive as its own HTML file, content included, so a plain static
// host serves each with status 200, crawlers and link previews read it without running scripts,
// and the page is on screen before the app loads. The app then hydrates it (src/main.tsx).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { toHead, toListing } from '../src/pipeline/archive-files.ts'
import type { BuiltArchive } from '../src/pipeline/build-archive.ts'
import type { ArchiveHead, ArchiveListing, Article } from '../src/pipeline/types.ts'
import { absoluteUrl, type SiteOptions } from './site-files.ts'

export interface PrerenderOptions {
  outDir: string
  /** The server build of src/entry-prerender.tsx. */
  serverEntry: string
  archive: Pick<BuiltArchive, 'index' | 'articles'>
  /** Folder of the data files relative to the base, e.g. `data/1a2b3c4d/`. */
  dataPath: string
  site: SiteOptions
}

/** What src/entry-prerender.tsx exports (its JSX stays out of the build scripts' compilation). */
type CreateRenderer = (data: {
  head: ArchiveHead
  listing: ArchiveListing
  article: (slug: string) => Article | undefined
}) => (url: string) => Promise<{ status: number; html: string }>

const SITE_NAME = 'MOTIE press releases'
const SITE_DESCRIPTION =
  "Read, filter, search and share the English press releases of Korea's Ministry of Trade, Industry and Energy (MOTIE)."

interface Page {
  /** The address, relative to the base: '', 'topics', 'articles/<slug>'. */
  path: string
  file: string
  title: string
  description: string
  article?: Article
  topic?: string
  /** Data the app needs beyond what the page carries, fetched alongside its script. */
  preload: string[]
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

function pagesOf({ index, articles }: PrerenderOptions['archive'], dataPath: string): Page[] {
  return [
    { path: '', file: 'index.html', title: SITE_NAME, description: SITE_DESCRIPTION, preload: [] },
    {
      path: 'topics',
      file: 'topics/index.html',
      title: `Topics · ${SITE_NAME}`,
      description: 'Every topic of the ministry’s releases, with how many releases carry it.',
      preload: [],
    },
    ...index.topics.map((topic) => ({
      path: `topics/${topic.slug}`,
      file: `topics/${topic.slug}/index.html`,
      title: `${topic.label} · ${SITE_NAME}`,
      description: topic.description,
      topic: topic.slug,
      preload: [`${dataPath}listing.json`],
    })),
    ...articles.map((article) => ({
      path: `articles/${article.slug}`,
      file: `articles/${article.slug}/index.html`,
      title: `${article.title} · ${SITE_NAME}`,
      description: article.excerpt,
      article,
      preload: [],
    })),
  ]
}

/** The page's own head: title, description, canonical address, feeds, Open Graph and Twitter cards. */
function headTags(page: Page, options: PrerenderOptions): string {
  const url = (path: string) => absoluteUrl(options.site, path)
  const { article } = page
  const tags: [string, Record<string, string>][] = [
    ['meta', { name: 'description', content: page.description }],
    ['link', { rel: 'canonical', href: url(page.path) }],
    ['link', { rel: 'alternate', type: 'application/atom+xml', title: SITE_NAME, href: url('feed.xml') }],
    ['link', { rel: 'alternate', type: 'application/feed+json', title: SITE_NAME, href: url('feed.json') }],
    ...(page.topic
      ? ([
          ['link', { rel: 'alternate', type: 'application/atom+xml', title: page.title, href: url(`topics/${page.topic}/feed.xml`) }],
          ['link', { rel: 'alternate', type: 'application/feed+json', title: page.title, href: url(`topics/${page.topic}/feed.json`) }],
        ] as [string, Record<string, string>][])
      : []),
    ['meta', { property: 'og:site_name', content: SITE_NAME }],
    ['meta', { property: 'og:type', content: article ? 'article' : 'website' }],
    ['meta', { property: 'og:title', content: article ? article.title : page.title }],
    ['meta', { property: 'og:description', content: page.description }],
    ['meta', { property: 'og:url', content: url(page.path) }],
    ['meta', { property: 'og:image', content: url('card.png') }],
    ['meta', { property: 'og:image:alt', content: SITE_NAME }],
    ['meta', { property: 'og:locale', content: 'en_GB' }],
    ...(article
      ? ([
          ['meta', { property: 'article:published_time', content: article.date }],
          ['meta', { property: 'article:section', content: article.categoryLabel }],
          ...article.topics.map((slug) => [
            'meta',
            { property: 'article:tag', content: options.archive.index.topics.find((t) => t.slug === slug)?.label ?? slug },
          ]),
        ] as [string, Record<string, string>][])
      : []),
    ['meta', { name: 'twitter:card', content: 'summary_large_image' }],
    ['meta', { name: 'twitter:title', content: article ? article.title : page.title }],
    ['meta', { name: 'twitter:description', content: page.description }],
    ['meta', { name: 'twitter:image', content: url('card.png') }],
    ...page.preload.map((file): [string, Record<string, string>] => [
      'link',
      { rel: 'preload', as: 'fetch', crossorigin: '', href: `${options.site.basePath}${file}` },
    ]),
  ]
  const attributes = (values: Record<string, string>) =>
    Object.entries(values)
      .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
      .join('')
  return [`<title>${escapeHtml(page.title)}</title>`, ...tags.map(([tag, values]) => `<${tag}${attributes(values)} />`)]
    .map((line) => `    ${line}`)
    .join('\n')
}

// React writes the routes' <title> first; the page's head carries its own.
const HOISTED = /^(?:<title>[^<]*<\/title>|<meta [^>]*\/?>|<link [^>]*\/?>)*/

/**
 * The data the page was rendered from, for the app to hydrate it without fetching it again. Most of
 * it repeats the page's own text, which gzip mostly folds away.
 */
function pageData(data: object): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c')
  return `<script type="application/json" id="page-data">${json}</script>`
}

/**
 * The page reads whole without its script, so the app starts once the page has loaded and been
 * painted: the entry script and its chunks never compete with the page's text and styles for the
 * first paint, which on a phone's connection is what the reader waits for. Until then, links are
 * plain links. (On a fast host `load` can come before the first frame, hence the wait for the frame
 * after it; a tab opened in the background paints nothing until shown, hence the second's.)
 */
function startAfterLoad(template: string): string {
  const scripts: string[] = []
  const chunks: string[] = []
  const page = template
    .replace(/\s*<script type="module" crossorigin src="([^"]+)"><\/script>/g, (_, src: string) => {
      scripts.push(src)
      return ''
    })
    .replace(/\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g, (_, href: string) => {
      chunks.push(href)
      return ''
    })
  if (scripts.length !== 1) throw new Error(`prerender: expected one entry script in index.html, found ${scripts.length}`)
  // The addresses stay attributes, where tools that check a page's references find them.
  const start = `<script data-src="${scripts[0]!}" data-modulepreload="${chunks.join(' ')}">
      (function (start) {
        var started = false
        function run() {
          if (started) return
          started = true
          start.modulepreload.split(' ').filter(Boolean).forEach(function (href) {
            var link = document.createElement('link')
            link.rel = 'modulepreload'
            link.crossOrigin = ''
            link.href = href
            document.head.appendChild(link)
          })
          var script = document.createElement('script')
          script.type = 'module'
          script.crossOrigin = ''
          script.src = start.src
          document.head.appendChild(script)
        }
        addEventListener('load', function () {
          requestAnimationFrame(function () {
            requestAnimationFrame(run)
          })
          setTimeout(run, 1000)
        })
      })(document.currentScript.dataset)
    </script>`
  return page.replace('</body>', `  ${start}\n  </body>`)
}

function fillTemplate(template: string, head: string, path: string, html: string, data: object = {}): string {
  return template
    .replace(/\s*<title>[^<]*<\/title>/, '')
    .replace(/\s*<meta name="description"[^>]*>/, '')
    .replace('</head>', `${head}\n  </head>`)
    .replace('<div id="root"></div>', `<div id="root" data-prerendered="${escapeHtml(path)}">${html.replace(HOISTED, '')}</div>${pageData(data)}`)
}

/** Renders every page into `outDir`; returns how many. */
export async function prerender(options: PrerenderOptions): Promise<number> {
  // The server build loads React from node_modules: its production build, as the browser gets.
  process.env.NODE_ENV ??= 'production'
  const { createRenderer } = (await import(pathToFileURL(options.serverEntry).href)) as { createRenderer: CreateRenderer }
  const { index, articles } = options.archive
  const bySlug = new Map(articles.map((a) => [a.slug, a]))
  const archiveHead = toHead(index)
  const render = createRenderer({ head: archiveHead, listing: toListing(index), article: (slug) => bySlug.get(slug) })
  // Every page starts the app the same way: the template is rewritten once, not per page.
  const template = startAfterLoad(readFileSync(join(options.outDir, 'index.html'), 'utf8'))
  const base = options.site.basePath
  const write = (file: string, text: string) => {
    const target = join(options.outDir, file)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, text)
  }

  const pages = pagesOf(options.archive, options.dataPath)
  for (const page of pages) {
    const address = `${base}${page.path}`
    const rendered = await render(address)
    if (rendered.status !== 200) throw new Error(`prerender: ${address} rendered as ${rendered.status}`)
    const data = { head: archiveHead, ...(page.article ? { article: page.article } : {}) }
    write(page.file, fillTemplate(template, headTags(page, options), address, rendered.html, data))
  }
  // What a static host serves for any other address, with status 404.
  const missing = await render(`${base}404`)
  const notFound: Page = { path: '404', file: '404.html', title: `Page not found · ${SITE_NAME}`, description: SITE_DESCRIPTION, preload: [] }
  // Not an address of its own: no canonical or preview address, and kept out of search engines.
  const head = headTags(notFound, options)
    .replace(/\n.*property="og:url".*/, '')
    .replace(/\n.*rel="canonical".*/, '\n    <meta name="robots" content="noindex" />')
  write('404.html', fillTemplate(template, head, `${base}404`, missing.html))
  return pages.length + 1
}
