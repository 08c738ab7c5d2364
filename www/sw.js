// Service worker: cache-first for the versioned bundle, so the app works
// offline after the first visit. The build replaces BUILD_ID with a hash of
// the bundle; a new bundle gets a new cache, installed beside the old one.
// It takes over only when every old tab is closed (no skipWaiting), so an
// open form never runs against a half-updated bundle; the form is autosaved
// in any case. Only same-origin GET requests are ever handled.
const CACHE = 'yekuo-BUILD_ID';
const FILES = ['./', './index.html', './boot.js', './style.css', './manifest.webmanifest', './icon.svg',
  // The start bundle (a customer's first visit) and the full app: both, so
  // that whichever www/boot.js chooses, and the step from one to the other,
  // work offline.
  './pkg/yekuo_start.js', './pkg/yekuo_start_bg.wasm',
  './pkg/yekuo_www.js', './pkg/yekuo_www_bg.wasm',
  // The import module, loaded on demand; cached so files and links open offline.
  './pkg/yekuo_import.js', './pkg/yekuo_import_bg.wasm'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(
    keys.filter((k) => k.startsWith('yekuo-') && k !== CACHE).map((k) => caches.delete(k)))));
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  // Pages are one page whatever the query (?mode=kiosk): serve the cached shell.
  const key = req.mode === 'navigate' ? new URL('./index.html', self.registration.scope).href : req;
  event.respondWith(caches.open(CACHE).then((c) => c.match(key, { ignoreSearch: req.mode === 'navigate' })
    .then((hit) => hit || fetch(req))));
});
