/*
 * coregroup's service worker: keeps the app shell (index.html and the built assets) so the page opens
 * without a network — a meeting room with no signal — and the document's local copy (IndexedDB) can be
 * edited. It never caches API responses or document content.
 */
const CACHE = 'coregroup-shell-v1'

async function precacheShell() {
  const cache = await caches.open(CACHE)
  const response = await fetch('/', { cache: 'no-store' })
  const html = await response.clone().text()
  await cache.put('/index.html', response)
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1])
  await cache.addAll(assets)
}

self.addEventListener('install', (event) => {
  event.waitUntil(precacheShell().then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== self.location.origin) return
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/sync/')) return
  if (request.mode === 'navigate') {
    // Network first, so a new release is picked up; the cached shell when offline.
    event.respondWith(
      fetch(request).catch(() => caches.match('/index.html').then((r) => r || Response.error())),
    )
    return
  }
  if (url.pathname.startsWith('/assets/')) {
    // Built assets are content-hashed: cache first, fill the cache on the way.
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ||
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone()
              void caches.open(CACHE).then((c) => c.put(request, copy))
            }
            return response
          }),
      ),
    )
  }
})
