/**
 * Family pages move between themselves with `location.replace` instead of adding history entries, so a
 * visit to coregroup is one entry in the tab's history, which "Exit this page" then replaces
 * (exit-this-page.ts): nobody finds the case with the back button. Only plain clicks on same-origin
 * links are taken over; downloads, new tabs and modified clicks behave as usual.
 * @module
 */

/** The same-origin page `event` would open, or null when the click is not a plain navigation. */
export function replaceableTarget(event: MouseEvent, origin: string): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null
  const anchor = (event.target as Element | null)?.closest?.('a[href]')
  if (!(anchor instanceof HTMLAnchorElement)) return null
  if (anchor.hasAttribute('download') || (anchor.target && anchor.target !== '_self')) return null
  const url = new URL(anchor.href, origin)
  if (url.origin !== origin || url.pathname.startsWith('/api/')) return null
  // A link to a place on the same page scrolls as usual.
  if (url.pathname === location.pathname && url.search === location.search && url.hash !== '') return null
  return url.href
}

/** Installs the click handler for the life of a family session; returns its removal. */
export function replaceFamilyNavigation(): () => void {
  const onClick = (event: MouseEvent) => {
    const href = replaceableTarget(event, location.origin)
    if (href === null) return
    event.preventDefault()
    location.replace(href)
  }
  document.addEventListener('click', onClick)
  return () => document.removeEventListener('click', onClick)
}
