// Starts the wasm app and registers the service worker. An external module,
// not an inline script, so the Content-Security-Policy needs no
// 'unsafe-inline'. All URLs are relative: the app works under any path.
import init from './pkg/yekuo_www.js';

performance.mark('yekuo-boot');
init({ module_or_path: new URL('./pkg/yekuo_www_bg.wasm', import.meta.url) })
  .then(() => performance.mark('yekuo-ready'))
  .catch((e) => {
    const p = document.createElement('p');
    p.setAttribute('role', 'alert');
    p.textContent = '加载失败，请刷新页面。Loading failed; please reload. (' + e + ')';
    document.body.append(p);
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

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {});
}
