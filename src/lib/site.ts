// The site's name and description: its pages' titles (the routes' head), its header, the
// prerendered pages' meta, its feeds and its link-preview card all read them here.
export const SITE_NAME = 'MOTIE press releases'
export const SITE_DESCRIPTION =
  "Read, filter, search and share the English press releases of Korea's Ministry of Trade, Industry and Energy (MOTIE)."

/** A page's title: its own name, then the site's; the site's alone for its home. */
export const pageTitle = (name?: string) => (name ? `${name} · ${SITE_NAME}` : SITE_NAME)
