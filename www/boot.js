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

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {});
}
