// Browser faults (issue 5): storage full, two tabs on one form, a new
// version deployed while a form is open, and what a kiosk wipe leaves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, newPage, ready, ROOT } from './harness.mjs';

let env;
let site;
before(async () => {
  // A private copy of dist/, so a test can deploy a "new version" into it.
  site = mkdtempSync(join(tmpdir(), 'yekuo-site-'));
  cpSync(join(ROOT, 'dist'), site, { recursive: true });
  env = await start(site);
});
after(async () => { await env.stop(); });

test('storage full: the user is warned and the checker keeps working', async () => {
  const { context, page } = await newPage(env.browser);
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).startsWith('yekuo.')) throw new DOMException('full', 'QuotaExceededError');
      return real.call(this, k, v);
    };
  });
  await page.goto(env.base);
  await ready(page);
  await page.check('#f-customer-category-resident');
  await page.check('#f-customer-business-increase');
  assert.match(await page.textContent('.notice.error'), /存储已满/);
  assert.match(await page.textContent('#one-time-notice'), /D-ID/, 'results still computed');
  await context.close();
});

test('two tabs on one form: no silent overwrite, the user is told', async () => {
  const { context, page: a } = await newPage(env.browser);
  const b = await context.newPage();
  await a.goto(env.base);
  await ready(a);
  await b.goto(env.base);
  await ready(b);
  await a.check('#f-customer-category-resident');
  await b.waitForSelector('.notice.error');
  assert.match(await b.textContent('.notice.error'), /另一个标签页/);
  // The saved form is a list of [form key, value] with text values as "T…".
  const stored = (p) => p.evaluate(() => {
    const fields = Object.fromEntries(JSON.parse(localStorage.getItem('yekuo.v1.customer')).fields);
    return { category: fields['customer.category']?.slice(1), business: fields['customer.business']?.slice(1) };
  });
  await b.check('#f-customer-category-high-voltage');
  await b.check('#f-customer-business-increase');
  await b.waitForTimeout(500);
  assert.equal((await stored(a)).category, 'resident', "tab B's edit did not overwrite tab A's save");
  assert.ok(await b.isChecked('#f-customer-category-high-voltage'), "tab B's entry is still on screen");
  await b.click('button:has-text("保留本页内容")');
  await b.waitForFunction(() => JSON.parse(localStorage.getItem('yekuo.v1.customer')).fields
    .some(([k, v]) => k === 'customer.category' && v === 'Thigh-voltage'));
  assert.equal((await stored(b)).business, 'increase', 'after "keep this tab", B saves again');
  await a.waitForSelector('.notice.error');
  await context.close();
});

test('a new version deployed while the form is open loses nothing', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.base);
  await ready(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await ready(page);
  await page.check('#f-customer-category-lv-nonresident');
  await page.check('#f-customer-business-new');
  // Deploy: a changed stylesheet and a service worker with a new cache name.
  writeFileSync(join(site, 'style.css'), readFileSync(join(site, 'style.css'), 'utf8') + '\n/* v2 */\n');
  writeFileSync(join(site, 'style.css.gz'), '');
  const sw = readFileSync(join(site, 'sw.js'), 'utf8').replace(/yekuo-[0-9a-f]+/, 'yekuo-v2test');
  writeFileSync(join(site, 'sw.js'), sw);
  writeFileSync(join(site, 'sw.js.gz'), '');
  const state = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    await reg.update();
    for (let i = 0; i < 100 && !reg.waiting; i++) await new Promise((r) => setTimeout(r, 100));
    return { waiting: !!reg.waiting, active: !!reg.active };
  });
  assert.deepEqual(state, { waiting: true, active: true }, 'the new version waits; the open page keeps the old one');
  assert.ok(await page.isChecked('#f-customer-category-lv-nonresident'));
  await page.reload();
  await ready(page);
  assert.ok(await page.isChecked('#f-customer-category-lv-nonresident'), 'the form survives the reload');
  assert.ok(await page.isChecked('#f-customer-business-new'));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('after a kiosk wipe nothing remains but the cached app bundle', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.base + '?mode=kiosk');
  await ready(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.check('#f-customer-category-resident');
  await page.evaluate(() => sessionStorage.setItem('stray', 'x'));
  await page.click('button.finish');
  const left = await page.evaluate(async () => {
    const caches_ = await caches.keys();
    const bundle = [];
    for (const k of caches_) for (const r of await (await caches.open(k)).keys()) bundle.push(new URL(r.url).pathname);
    return {
      local: localStorage.length,
      session: sessionStorage.length,
      idb: (await indexedDB.databases()).length,
      caches: caches_.filter((k) => !k.startsWith('yekuo-')),
      cached: bundle.filter((p) => !/\/(|index\.html|boot\.js|style\.css|manifest\.webmanifest|icon\.svg|pkg\/yekuo_www(_bg\.wasm|\.js))$/.test(p)),
    };
  });
  assert.deepEqual(left, { local: 0, session: 0, idb: 0, caches: [], cached: [] });
  await context.close();
});
