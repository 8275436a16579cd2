/// <reference types="vite/client" />

declare module 'virtual:archive' {
  /** Folder of the archive's JSON relative to the site's base, e.g. `data/1a2b3c4d/`. */
  export const dataPath: string
  /** Every topic slug of the taxonomy and every category slug of the archive. */
  export const facets: { topics: string[]; categories: string[] }
}
