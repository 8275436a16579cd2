/// <reference types="vite/client" />

declare module 'virtual:archive' {
  /** Folder of the archive's JSON relative to the site's base, e.g. `data/1a2b3c4d/`. */
  export const dataPath: string
  /** Every topic slug of the taxonomy and category slug of the archive, and each former topic slug with the topics it leads to. */
  export const facets: { topics: string[]; categories: string[]; successors: Record<string, string[]> }
}
