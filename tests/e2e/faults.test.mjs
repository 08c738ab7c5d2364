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
  assert.match(await page.textContent('#one-time-notice'), /用电人有效身份证明/, 'results still computed');
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

// Issue 11: storage faults across tabs and modes.

/** Wait until the autosave of `mode` holds a field list (after an edit). */
async function saved(page, key = 'yekuo.v1.customer') {
  await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('"fields"'), key);
}

test('a kiosk tab wipes only its own storage: clerk and customer forms and their backups stay', async () => {
  const { context, page: clerk } = await newPage(env.browser);
  await clerk.goto(env.base + '?mode=clerk');
  await ready(clerk);
  await clerk.check('#f-customer-category-resident');
  await saved(clerk, 'yekuo.v1.clerk');
  const customer = await context.newPage();
  await customer.goto(env.base);
  await ready(customer);
  await customer.check('#f-customer-category-lv-nonresident');
  await saved(customer);
  // A backup an earlier corrupt save left behind, promised never to be deleted.
  await customer.evaluate(() => localStorage.setItem('yekuo.v1.customer.corrupt', '{"version":1'));
  const kiosk = await context.newPage();
  await kiosk.goto(env.base + '?mode=kiosk');
  await ready(kiosk);
  await kiosk.check('#f-customer-category-high-voltage');
  await kiosk.click('button.finish');
  await kiosk.getByRole('heading', { name: '开户、增容前，先看看要带什么、要多久' }).waitFor();
  await ready(kiosk);
  assert.equal(await kiosk.isChecked('#f-customer-category-high-voltage'), false, 'the kiosk forgot its visitor');
  await clerk.reload();
  await ready(clerk);
  assert.ok(await clerk.isChecked('#f-customer-category-resident'), "the clerk's form survives the kiosk's wipe");
  await customer.reload();
  await ready(customer);
  assert.ok(await customer.isChecked('#f-customer-category-lv-nonresident'), "the customer's form survives");
  assert.equal(await customer.evaluate(() => localStorage.getItem('yekuo.v1.customer.corrupt')), '{"version":1',
    'the backup of a corrupt save survives');
  await context.close();
});

test('a corrupt autosave too big to copy stays under its key, and the banner says so', async () => {
  const { context, page: filler } = await newPage(env.browser);
  // The largest unreadable value the origin's quota takes: no room for a copy.
  // Written from a page that is not the app and is closed before the app
  // opens, so the app sees no "another tab saved" event from it.
  await filler.goto(env.base + 'manifest.webmanifest');
  const size = await filler.evaluate(() => {
    localStorage.clear();
    let lo = 1, hi = 64 << 20;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      try { localStorage.setItem('yekuo.v1.customer', '{' + 'x'.repeat(mid)); lo = mid; } catch { hi = mid - 1; }
    }
    localStorage.setItem('yekuo.v1.customer', '{' + 'x'.repeat(lo));
    return lo + 1;
  });
  assert.ok(size > 1 << 20, `quota filled (${size} characters)`);
  await filler.close();
  const page = await context.newPage();
  await page.goto(env.base);
  await ready(page);
  const banner = await page.textContent('.notice.error');
  assert.match(banner, /无法读取/);
  assert.match(banner, /仍保留在/);
  assert.doesNotMatch(banner, /已另存为/, 'no claim of a copy that was never made');
  const left = () => page.evaluate(() => ({
    kept: (localStorage.getItem('yekuo.v1.customer') || '').length,
    copy: localStorage.getItem('yekuo.v1.customer.corrupt'),
  }));
  assert.deepEqual(await left(), { kept: size, copy: null }, 'the unreadable save is still under its key');
  await page.check('#f-customer-category-resident');
  await page.waitForTimeout(300);
  assert.deepEqual(await left(), { kept: size, copy: null }, 'typing does not autosave over it');
  await page.click('text=English');
  assert.match(await page.textContent('.notice.error'), /stays unchanged in localStorage/);
  await context.close();
});

/** S0 case 1 with `n` contractors and `pauses` customer pauses. */
function bigCase(n, pauses = 0) {
  const c = JSON.parse(readFileSync(join(ROOT, 'examples', 's0-case1-110kv.json'), 'utf8'));
  const first = c.contractors[0];
  c.contractors = Array.from({ length: n }, (_, i) => ({ ...first, name: `施工单位 ${i + 1}` }));
  c.paused = Array.from({ length: pauses }, (_, i) => ({ from: '2009-01-13', to: '2009-01-14', reason: `暂停 ${i + 1}` }));
  return JSON.stringify(c);
}

for (const [rows, pauses] of [[101, 101], [1000, 0]]) {
  test(`a form with ${rows} contractors and ${pauses} pauses survives a reload`, async () => {
    const { context, page } = await newPage(env.browser);
    await page.goto(env.base + '?mode=clerk'); // the clerk's form shows pauses too
    await ready(page);
    await page.setInputFiles('#import-file', { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(bigCase(rows, pauses)) });
    await page.waitForSelector(`#f-contractors-${rows - 1}-name`, { timeout: 60000 });
    await saved(page, 'yekuo.v1.clerk');
    await page.reload();
    await ready(page);
    assert.deepEqual(await page.$$eval('.notice.error', (els) => els.map((e) => e.textContent.slice(0, 300))), [], 'no "could not be read" banner');
    assert.equal(await page.locator('input[id^="f-contractors-"][id$="-name"]').count(), rows);
    assert.equal(await page.inputValue(`#f-contractors-${rows - 1}-name`), `施工单位 ${rows}`);
    assert.equal(await page.locator('input[id^="f-paused-"][id$="-from"]').count(), pauses);
    await context.close();
  });
}

test('a restore link over saved work asks first; closing the tab keeps the saved work', async () => {
  const { context, page: mine } = await newPage(env.browser);
  await mine.goto(env.base);
  await ready(mine);
  await mine.check('#f-customer-category-lv-nonresident');
  await mine.check('#f-customer-business-new');
  await saved(mine);
  await mine.close();
  const json = readFileSync(join(ROOT, 'examples', 's0-case1-110kv.json'), 'utf8');
  const link = env.base + '#case=' + Buffer.from(JSON.stringify(JSON.parse(json))).toString('base64url');
  const linked = await context.newPage();
  await linked.goto(link);
  await ready(linked);
  const ask = await linked.waitForSelector('.link-offer');
  assert.match(await ask.textContent(), /替换/);
  assert.ok(await linked.isChecked('#f-customer-category-lv-nonresident'), 'nothing replaced before the answer');
  await linked.close();
  const back = await context.newPage();
  await back.goto(env.base);
  await ready(back);
  assert.ok(await back.isChecked('#f-customer-category-lv-nonresident'), 'the saved work is still there after the tab closed');
  // Saying yes replaces it, with Undo.
  await back.goto(link);
  await back.click('button:has-text("打开链接中的案例")');
  await back.waitForSelector('#f-customer-category-high-voltage:checked');
  await back.click('text=撤销');
  await back.waitForSelector('#f-customer-category-lv-nonresident:checked');
  await context.close();
});

test('a tab that stopped autosaving warns before Back loses its entries', async () => {
  const { context, page: a } = await newPage(env.browser);
  const b = await context.newPage();
  await a.goto(env.base);
  await ready(a);
  await b.goto(env.base + 'manifest.webmanifest');
  await b.goto(env.base);
  await ready(b);
  await a.check('#f-customer-category-resident');
  await b.waitForSelector('.notice.error');
  await b.check('#f-customer-category-high-voltage');
  const dialogs = [];
  b.on('dialog', (d) => { dialogs.push(d.type()); d.dismiss(); });
  await b.goBack({ timeout: 3000 }).catch(() => {});
  assert.deepEqual(dialogs, ['beforeunload'], 'the user is asked before leaving');
  assert.ok(await b.isChecked('#f-customer-category-high-voltage'), 'staying keeps the entries');
  await context.close();
});

test('a non-UTF-8 case file is refused with its place and the encoding, changing nothing', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.base);
  await ready(page);
  await page.check('#f-customer-category-lv-nonresident');
  await saved(page);
  const before = await page.evaluate(() => localStorage.getItem('yekuo.v1.customer'));
  // "张三有限公司" in GBK, as a Windows editor set to 简体中文 saves it.
  const gbk = Buffer.concat([
    Buffer.from('{\n  "format": "yekuo-case/1",\n  "title": "'),
    Buffer.from([0xd5, 0xc5, 0xc8, 0xfd, 0xd3, 0xd0, 0xcf, 0xde, 0xb9, 0xab, 0xcb, 0xbe]),
    Buffer.from('",\n  "customer": { "category": "居民", "business": "新装" }\n}\n'),
  ]);
  await page.setInputFiles('#import-file', { name: 'gbk.json', mimeType: 'application/json', buffer: gbk });
  const msg = await (await page.waitForSelector('.notice.error')).textContent();
  assert.match(msg, /GBK/);
  assert.match(msg, /第 3 行/);
  assert.ok(await page.isChecked('#f-customer-category-lv-nonresident'), 'the current form is kept');
  assert.equal(await page.evaluate(() => localStorage.getItem('yekuo.v1.customer')), before, 'nothing autosaved');
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"format": "yekuo-case/1"}', 'utf16le')]);
  await page.setInputFiles('#import-file', { name: 'utf16.json', mimeType: 'application/json', buffer: utf16 });
  await page.waitForFunction(() => /UTF-16/.test(document.querySelector('.notice.error')?.textContent || ''));
  assert.ok(await page.isChecked('#f-customer-category-lv-nonresident'));
  await context.close();
});

test('the server forbids framing and sends no referrer', async () => {
  const { context, page } = await newPage(env.browser);
  const res = await page.goto(env.base);
  const h = res.headers();
  assert.match(h['content-security-policy'] || '', /frame-ancestors 'none'/);
  assert.equal(h['x-content-type-options'], 'nosniff');
  assert.equal(h['referrer-policy'], 'no-referrer');
  // Framed by another page, the app does not run.
  await page.goto('about:blank');
  await page.setContent(`<iframe src="${env.base}" width="800" height="600"></iframe>`);
  await page.waitForTimeout(1500);
  const framed = page.frames().find((f) => f !== page.mainFrame());
  const ran = await framed.$('form.case-form').then((e) => !!e, () => false);
  assert.equal(ran, false, 'the app did not render inside a frame');
  await context.close();
});
