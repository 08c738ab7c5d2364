// Portable builds (issue 6): the single-file kiosk build opened from file://
// with the network off, and the served bundle under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { start, newPage, ready, enterS0, findings, shoot, ROOT } from './harness.mjs';

let env;
before(async () => {
  // A web root where the app lives at /a/b/ and nothing else exists.
  const root = mkdtempSync(join(tmpdir(), 'yekuo-subpath-'));
  mkdirSync(join(root, 'a'));
  symlinkSync(join(ROOT, 'dist'), join(root, 'a', 'b'));
  env = await start(root);
});
after(async () => { await env.stop(); });

async function expectS0(page) {
  await enterS0(page);
  const f = await findings(page);
  assert.ok(f.some((x) => x.rule === 'LIC-02' && x.outcome === 'violation'), 'LIC-02 violation');
  assert.equal(f.filter((x) => x.rule === 'TL-05' && x.outcome === 'overdue').length, 2, 'TL-05 overdue twice');
}

test('the single file runs from file:// with the network off, in kiosk mode', async () => {
  const { context, page } = await newPage(env.browser);
  await context.setOffline(true);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(join(ROOT, 'dist-single', 'yekuo-kiosk.html')).href);
  await ready(page);
  assert.ok(await page.isVisible('button.finish'), 'kiosk mode by default');
  const versions = await page.textContent('#versions');
  assert.match(versions, /指纹 [0-9a-f]{8}/);
  assert.match(versions, /2026-12-31/);
  await expectS0(page);
  await shoot(page, 'single-file-kiosk-s0');
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  assert.deepEqual(page.errors, [], 'no CSP violation or script error');
  await context.close();
});

test('the served bundle works under /a/b/, offline reload included', async () => {
  const { context, page } = await newPage(env.browser);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(env.base + 'a/b/');
  await ready(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, env.base + 'a/b/');
  await expectS0(page);
  assert.deepEqual(requests.filter((p) => !p.startsWith('/a/b/')), [], 'every request stays under the sub-path');
  await page.reload();
  await ready(page);
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  assert.ok(await page.isChecked('#f-customer-category-high-voltage'), 'offline reload keeps the form');
  const f = await findings(page);
  assert.ok(f.some((x) => x.rule === 'LIC-02' && x.outcome === 'violation'));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the single file stays a kiosk whatever the address says, and its wipe covers what it left', async () => {
  const { context, page } = await newPage(env.browser);
  const file = pathToFileURL(join(ROOT, 'dist-single', 'yekuo-kiosk.html')).href;
  for (const query of ['?mode=clerk', '?mode=customer']) {
    await page.goto(file + query);
    await ready(page);
    assert.ok(await page.isVisible('button.finish'), `${query} is still the kiosk`);
    assert.equal(await page.$('#import-file'), null, 'no import');
    assert.equal(await page.$('text=导出案例文件'), null, 'no export');
  }
  // What an older copy that obeyed ?mode=clerk left on this machine.
  await page.evaluate(() => {
    localStorage.setItem('yekuo.v1.clerk', '{"version":2,"lang":"zh","fields":[["title","T某客户"]]}');
    localStorage.setItem('yekuo.v1.customer.corrupt', 'x');
  });
  await page.check('#f-customer-category-resident');
  await page.click('button.finish');
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('yekuo.')));
  assert.deepEqual(left, [], 'the kiosk copy wipes every yekuo key of its file:// origin');
  await context.close();
});
