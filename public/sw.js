// The service worker of 客户关系 CRM: keeps the app shell (HTML, JS, wasm,
// CSS, icons) in a versioned cache so the app opens and works offline after
// the first visit. The data itself is in IndexedDB, not here.
//
// `.ci/postbuild` fills in VERSION (a hash of every shell file) and SHELL
// (their relative URLs) at build time, so each deployment gets a new worker.
// A new worker installs in the background and then WAITS: the page offers
// "reload to update" and posts 'skip-waiting' when the user agrees, so an
// open tab never runs half old, half new code.
const VERSION = '__CRM_VERSION__';
const SHELL = __CRM_SHELL__;
const CACHE = `crm-shell-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('crm-shell-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// Cache first for the shell (its file names carry content hashes); the page
// itself (a navigation) is answered with the cached index.html, whatever the
// hash route. Anything else goes to the network untouched.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match('./index.html').then((hit) => hit || fetch(request)),
      ),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request))),
  );
});
