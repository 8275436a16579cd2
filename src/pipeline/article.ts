import { toParagraphs } from './paragraphs.ts'
import type { Article, ArticleDraft } from './types.ts'

/** A release in full: its draft with the body in readable paragraphs. */
export function toArticle({ body, ...draft }: ArticleDraft): Article {
  return { ...draft, paragraphs: toParagraphs(body) }
}
