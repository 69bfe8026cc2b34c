/**
 * The site's icon, `favicon.svg`, linked from every page: a rising line on
 * a rounded square, in the site's link colour (light and dark alike). Without
 * it every page view also asks the server for a `/favicon.ico` it lacks.
 */
export const FAVICON_PATH = 'favicon.svg'

export const FAVICON = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32">
  <rect width="32" height="32" rx="7" fill="#0a58ca"/>
  <polyline points="6,22 12,16 17,19 26,9" fill="none" stroke="#ffffff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>
  <circle cx="26" cy="9" r="2.5" fill="#ffffff"/>
</svg>
`
