// Starts the wasm app and registers the service worker. An external module,
// not an inline script, so the Content-Security-Policy needs no
// 'unsafe-inline'. All URLs are relative: the app works under any path.

// Which of the two bundles this page runs (issue 16), chosen before any
// wasm is fetched. The start bundle (yekuo_start: the start page, one
// question a page, the answer) is for a customer's first visit; the full
// app (yekuo_www) for everything else, the contractor question included. The start
// bundle runs only when all of these hold:
//   * customer mode: no ?mode=clerk or ?mode=kiosk (read as the app reads
//     it, src/state.rs Mode::from_query), and no mode forced by the page;
//   * no restore link (#case=…) to open;
//   * no form autosaved in this browser: localStorage "yekuo.v1.customer"
//     absent or a saved form with no fields (src/view/browser.rs);
//   * this tab was not handed over by the start bundle (sessionStorage
//     "yekuo.v1.handoff", the answers it passes to the full app), and that
//     key can be written: without it the answers could not be handed over;
//   * storage can be read.
// Any doubt picks the full app, which is always correct; the start bundle
// hands over to it (src/view/start.rs) whatever it cannot show.
function bundle() {
  const full = 'yekuo_www';
  if (document.getElementById('app')?.dataset.mode) return full;
  const mode = location.search.replace(/^\?/, '').split('&').find((kv) => kv.startsWith('mode='))?.slice(5);
  if (mode === 'clerk' || mode === 'kiosk') return full;
  if (location.hash.replace(/^#/, '').split('&').some((p) => p.startsWith('case='))) return full;
  try {
    if (sessionStorage.getItem('yekuo.v1.handoff') !== null) return full;
    sessionStorage.setItem('yekuo.v1.handoff', '');
    sessionStorage.removeItem('yekuo.v1.handoff');
    const saved = localStorage.getItem('yekuo.v1.customer');
    if (saved === null) return 'yekuo_start';
    const fields = JSON.parse(saved).fields;
    return Array.isArray(fields) && fields.length === 0 ? 'yekuo_start' : full;
  } catch {
    return full;
  }
}

const name = bundle();
performance.mark('yekuo-boot');
// The wasm is fetched while the glue loads, as a preload would.
const wasm = fetch(new URL(`./pkg/${name}_bg.wasm`, import.meta.url));
wasm.catch(() => {}); // a failure is reported once, by init below
import(`./pkg/${name}.js`)
  .then((m) => m.default({ module_or_path: wasm }))
  .then(() => performance.mark('yekuo-ready'))
  .catch((e) => {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = '加载失败，请刷新页面。Loading failed; please reload. (' + e + ')';
    document.body.append(p);
  })
  // After the page's own download: the service worker then caches both
  // bundles and the import module for offline use without slowing it.
  .finally(() => {
    if ('serviceWorker' in navigator && location.protocol !== 'file:') {
      navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {});
    }
  });

// The import module (www/import): read case files and restore links. Loaded
// the first time the app asks for it, once; the first load does not carry it.
let importing = null;
globalThis.yekuoImport = () => {
  importing ??= import('./pkg/yekuo_import.js').then(async (m) => {
    await m.default({ module_or_path: new URL('./pkg/yekuo_import_bg.wasm', import.meta.url) });
    return m;
  }).catch((e) => { importing = null; throw e; });
  return importing;
};
