// The HTML document of each prerendered address: the app's index.html with the page's own head
// (title, description, canonical, feeds, link-preview cards), the markup React rendered, and the data
// it was rendered from. Used on the build's main thread and on the threads that write the releases.
import { createHash } from 'node:crypto'
import { type PageData, pageDataScript, prerenderedRootTag, ROOT_ID } from '../../src/lib/page-data.ts'
import { pageTitle, SITE_DESCRIPTION, SITE_NAME } from '../../src/lib/site.ts'
import type { Article } from '../../src/pipeline/types.ts'
import { absoluteUrl, type SiteOptions } from './site-files.ts'

export interface Page {
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

/** An element of the head and its attributes, in order. */
type Tag = [name: string, attributes: [name: string, value: string][]]

const meta = (key: 'name' | 'property', name: string, content: string): Tag => ['meta', Object.entries({ [key]: name, content })]
const link = (...attributes: [string, string][]): Tag => ['link', attributes]

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** The root address of each site the pages are written for: ten thousand pages share one. */
const roots = new WeakMap<SiteOptions, string>()

/**
 * The page's own head. Link previews read Open Graph; X reads it too where its own tags are absent,
 * so only its card type is named: the description is not written four times into every page.
 */
export function headTags(page: Page, site: SiteOptions): string {
  // Every path here is plain ASCII relative to the base, so it is the root's address and the path.
  let root = roots.get(site)
  if (root === undefined) roots.set(site, (root = absoluteUrl(site, '')))
  const url = (path: string) => `${root}${path}`
  const { article } = page
  const feeds = (title: string, prefix: string): Tag[] => [
    link(['rel', 'alternate'], ['type', 'application/atom+xml'], ['title', title], ['href', url(`${prefix}feed.xml`)]),
    link(['rel', 'alternate'], ['type', 'application/feed+json'], ['title', title], ['href', url(`${prefix}feed.json`)]),
  ]
  const tags: Tag[] = [
    meta('name', 'description', page.description),
    link(['rel', 'canonical'], ['href', url(page.path)]),
    // A feed is subscribed to from the timelines; a release's page names none, it is read, not followed.
    ...(article ? [] : feeds(SITE_NAME, '')),
    ...(page.topic ? feeds(page.title, `topics/${page.topic}/`) : []),
    meta('property', 'og:site_name', SITE_NAME),
    meta('property', 'og:type', article ? 'article' : 'website'),
    meta('property', 'og:title', article ? article.title : page.title),
    meta('property', 'og:description', page.description),
    meta('property', 'og:url', url(page.path)),
    meta('property', 'og:image', url('card.png')),
    meta('property', 'og:image:alt', SITE_NAME),
    meta('property', 'og:locale', 'en_GB'),
    ...(article
      ? [
          meta('property', 'article:published_time', article.date),
          // No `article:tag` per topic: no link preview reads them, and at a hundred thousand
          // releases they were 15 MB of the site (the topics are on the page itself).
          meta('property', 'article:section', article.categoryLabel),
        ]
      : []),
    meta('name', 'twitter:card', 'summary_large_image'),
    ...page.preload.map((file) => link(['rel', 'preload'], ['as', 'fetch'], ['crossorigin', ''], ['href', `${site.basePath}${file}`])),
  ]
  // One line: the indentation alone would be a megabyte in a hundred thousand pages.
  let html = `<title>${escapeHtml(page.title)}</title>`
  for (const [name, attributes] of tags) {
    html += `<${name}`
    for (const [attribute, value] of attributes) html += ` ${attribute}="${escapeHtml(value)}"`
    html += '>'
  }
  return html
}

/** The head of 404.html: not an address of its own, so no canonical or preview address, and not indexed. */
export function notFoundHeadTags(site: SiteOptions): string {
  const page: Page = { path: '404', file: '404.html', title: pageTitle('Page not found'), description: SITE_DESCRIPTION, preload: [] }
  return headTags(page, site)
    .replace(/<meta property="og:url"[^>]*>/, '')
    .replace(/<link rel="canonical"[^>]*>/, '<meta name="robots" content="noindex">')
}

/**
 * What starts the app, inline at the end of every page. The page reads whole without its script, so
 * the app starts only once the page has loaded and its first contentful paint is on screen: the
 * entry script and its chunks never compete with the page's text and styles for that paint, which
 * on a phone's connection is what the reader waits for. Until then, links are plain links.
 *
 * Both are events, not guesses: `load`, and the paint entry, which the browser reports once the
 * frame is shown (a wait for the frame after `load` lost the race on a fast host in some runs, and
 * Lighthouse then counted the app's scripts into the page's LCP). The page's first frame holds its
 * whole content (HOLD_FIRST_FRAME), so that paint is the largest one too. A tab opened in the
 * background paints nothing, and starts the app once it is shown. Inline, not a file of its own: a
 * request of its own, however small, also counted into the LCP, as one more round trip. `s` is its
 * element's dataset: the entry and the chunks to preload.
 */
export const START_SCRIPT =
  `(function(d,s,n){function go(){if(--n)return;s.modulepreload.split(' ').forEach(function(h){` +
  `var l=d.createElement('link');l.rel='modulepreload';l.href=h;d.head.append(l)});` +
  `var e=d.createElement('script');e.type='module';e.src=s.src;d.head.append(e)}` +
  `try{new PerformanceObserver(function(l,o){if(l.getEntriesByName('first-contentful-paint')[0]){o.disconnect();go()}})` +
  `.observe({type:'paint',buffered:!0})}catch(e){go()}addEventListener('load',go)` +
  `})(document,document.currentScript.dataset,2)`

/**
 * The first frame of a prerendered page waits until its content, `#main` (the root layout's, which
 * the skip link leads to), is parsed (Chromium 124+; other browsers ignore it): painted as it was
 * parsed, a long page showed its largest text a frame after the first paint, and after the app's
 * scripts in some runs. Only in prerendered pages: in a page the app renders, #main is never parsed.
 */
const HOLD_FIRST_FRAME = '<link rel="expect" href="#main" blocking="render">'

/**
 * The template every page is written from: the app's index.html with its entry script and chunk
 * preloads handed to START_SCRIPT, its comments, title and description removed.
 */
export function startAfterLoad(template: string): string {
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
  const start = `<script data-src="${scripts[0]!}" data-modulepreload="${chunks.join(' ')}">${START_SCRIPT}</script>`
  // The template's comments are for its readers; every page would carry them.
  return page
    .replace(/\s*<!--[\s\S]*?-->/g, '')
    .replace(/\s*<title>[^<]*<\/title>/, '')
    .replace(/\s*<meta name="description"[^>]*>/, '')
    .replace('</head>', () => `  ${HOLD_FIRST_FRAME}\n  </head>`)
    .replace('</body>', () => `  ${start}\n  </body>`)
}

/** The template cut where each page puts its policy, its own head and its markup, encoded once for every page. */
const cuts = new Map<string, [beforePolicy: Buffer, beforeHead: Buffer, beforeRoot: Buffer, after: Buffer, scripts: string[]]>()
const ROOT = `<div id="${ROOT_ID}"></div>`
const CHARSET = /<meta charset="[^"]*"\s*\/?>/i

function cutOf(template: string) {
  let cut = cuts.get(template)
  if (cut === undefined) {
    const charset = CHARSET.exec(template)
    const policy = charset ? charset.index + charset[0].length : template.indexOf('<head>') + '<head>'.length
    const head = template.indexOf('</head>')
    const root = template.indexOf(ROOT)
    if (policy < '<head>'.length || head < policy || root < head) {
      throw new Error('prerender: the template has no <head>, </head> and <div id="root"></div> in that order')
    }
    const bytes = (from: number, to?: number) => Buffer.from(template.slice(from, to))
    const scripts = inlineScripts(template)
    cuts.set(template, (cut = [bytes(0, policy), bytes(policy, head), bytes(head, root), bytes(root + ROOT.length), scripts]))
  }
  return cut
}

// A script element with no attributes but data ones: not a data block, not a script file.
const INLINE_SCRIPT = /<script(?:\s+data-[\w-]+="[^"]*")*>([\s\S]*?)<\/script>/g

/** The text of each inline script that runs (not a data block, not a script file). */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map((m) => m[1]!)
}

const hashes = new Map<string, string>()

/** A CSP source that allows one inline script by its hash. */
function hashSource(script: string): string {
  let source = hashes.get(script)
  if (source === undefined) hashes.set(script, (source = `'sha256-${createHash('sha256').update(script).digest('base64')}'`))
  return source
}

/**
 * The page's Content-Security-Policy, as a `<meta>` a static host serves without any setting: the
 * page runs only the site's own scripts and the inline ones it was written with (by their hash),
 * no `eval`, nothing from another origin. Text of the archive is escaped; if that ever failed, markup
 * smuggled into a release still could not run.
 */
function contentSecurityPolicy(scripts: readonly string[]): string {
  const allowed = [...new Set(scripts)].map(hashSource)
  // Styles, images, fetches and the search worker fall back to default-src; what does not fall
  // back is named. Every byte is written a hundred thousand times at 100k releases.
  return [
    "default-src 'self'",
    `script-src 'self' ${allowed.join(' ')}`.trimEnd(),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join(';')
}

/**
 * The whole document of one address, from the template `startAfterLoad` made, as the bytes of its
 * file. Encoded a piece at a time: written as one string made of the same pieces (a release's text
 * is two bytes a character, the template one), a page took ten times as long to encode, a tenth of
 * the whole build.
 */
export function pageDocument(template: string, head: string, path: string, markup: string, data: PageData = {}): Buffer {
  const [beforePolicy, beforeHead, beforeRoot, after, scripts] = cutOf(template)
  // Before every script of the page: a policy applies only to what follows it.
  // Its sources hold no character an attribute would need escaped.
  const policy = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy([...scripts, ...inlineScripts(markup)])}">`
  return Buffer.concat([
    beforePolicy,
    Buffer.from(policy),
    beforeHead,
    Buffer.from(`${head}\n  `),
    beforeRoot,
    Buffer.from(prerenderedRootTag(path)),
    Buffer.from(markup),
    Buffer.from(`</div>${pageDataScript(data)}`),
    after,
  ])
}

/**
 * The page at a renamed topic's former address: it sends the reader on at once to the topic's new
 * address, without any script, and says where in words for the rare browser that does not.
 */
export function renamedTopicDocument(former: string, successor: { slug: string; label: string }, site: SiteOptions): Buffer {
  const path = `topics/${successor.slug}`
  const target = escapeHtml(`${site.basePath}${path}`)
  return Buffer.from(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy([])}">
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="refresh" content="0; url=${target}">
    <link rel="canonical" href="${escapeHtml(absoluteUrl(site, path))}">
    <title>${escapeHtml(pageTitle(successor.label))}</title>
  </head>
  <body>
    <main>
      <h1>This topic has moved</h1>
      <p>“${escapeHtml(former)}” is now <a href="${target}">${escapeHtml(successor.label)}</a>.</p>
    </main>
  </body>
</html>
`)
}
