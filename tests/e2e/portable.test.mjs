// Portable builds (issue 6): the single-file kiosk build opened from file://
// with the network off, and the served bundle under a sub-path.
//
// The single file is the kiosk copy (issue 16): the homeowner's questions
// and answer, tapped, in big type; no form, no contractor question, and it
// says where to ask instead. "Today" is fixed at Wed 2026-09-30, the day
// before National Day, as in customer-answer.test.mjs: for a home asking
// for more capacity, catalog §4.2 gives 3 working days for the plan answer
// and 5 for the whole process; counted by hand on catalog §10 (2026:
// 10-01..07 off, 10-10 Sat a working day) the whole process ends 10-13.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { start, newPage, ready, enterS0, findings, shoot, axeProblems, unmarkedChinese, NOT_FOR_CUSTOMERS, ROOT } from './harness.mjs';

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

const KIOSK_FILE = pathToFileURL(join(ROOT, 'dist-single', 'yekuo-kiosk.html')).href;
const START_HEADING = { zh: '开户、增容前，先看看要带什么、要多久', en: 'Before you apply: what to bring and how long it takes' };

/** From the kiosk's start page to the answer by taps, as a passer-by would. */
async function tapToAnswer(page, lang = 'zh') {
  const t = (a, b) => (lang === 'zh' ? a : b);
  await page.getByRole('heading', { name: START_HEADING[lang] }).waitFor({ timeout: 15000 });
  await page.getByRole('button', { name: t('开始', 'Start'), exact: true }).click();
  await page.getByRole('button', { name: t('家庭用电', 'A home') }).click();
  await page.getByRole('button', { name: t('增容', 'More capacity') }).click();
  await page.getByRole('heading', { name: t('大约要多久', 'How long it should take') }).waitFor();
}

test('the single file runs from file:// with the network off: the homeowner\'s questions, in big type', async () => {
  const { context, page } = await newPage(env.browser, { width: 1080, height: 1920, bypassCSP: true });
  await context.setOffline(true);
  await page.clock.setFixedTime(new Date('2026-09-30T10:00:00+08:00'));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(KIOSK_FILE);
  await page.getByRole('heading', { name: START_HEADING.zh }).waitFor({ timeout: 15000 });
  assert.ok(await page.getByRole('button', { name: '结束并清除' }).isVisible(), 'a kiosk: Finish and erase');
  // Big type, headings bigger still (a kiosk is read from arm's length).
  const size = await page.evaluate(() => ['.journey p', '.journey h2'].map((q) => parseFloat(getComputedStyle(document.querySelector(q)).fontSize)));
  assert.ok(size[0] >= 22 && size[1] > size[0], `kiosk text ${size[0]}px, heading ${size[1]}px`);
  await shoot(page, 'single-file-kiosk-start');
  await tapToAnswer(page);
  const text = await page.locator('main').innerText();
  assert.match(text, /≤ 3 个工作日/);
  assert.match(text, /≤ 5 个工作日/);
  assert.match(text, /2026 年 10 月 13 日/);
  assert.match(text, /身份证/);
  for (const re of NOT_FOR_CUSTOMERS) assert.doesNotMatch(text, re);
  // No page it does not carry is offered; it says where to ask instead.
  assert.equal(await page.getByRole('button', { name: /我已申请/ }).count(), 0, 'no second path');
  assert.equal(await page.getByRole('button', { name: /施工单位/ }).count(), 0, 'no contractor question');
  assert.match(text, /请向供电公司营业厅咨询，或拨打 95598/);
  assert.doesNotMatch(text, /节假日安排只公布到/, 'inside the holiday data: no warning');
  assert.doesNotMatch(await page.locator('header').innerText(), /施工单位/, 'the header promises no contractor check');
  assert.ok(await page.getByRole('button', { name: '打印这份答复' }).isVisible(), 'the answer can be printed');
  // Touch targets: every button at least 48 px high.
  const small = await page.$$eval('button, summary', (els) =>
    els.filter((e) => e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().height < 48).map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(small, []);
  const versions = await page.textContent('#versions');
  assert.match(versions, /指纹 [0-9a-f]{8}/);
  assert.match(versions, /2026-12-31/);
  await shoot(page, 'single-file-kiosk-answer');
  // On paper: the answer and where to ask, without the page's buttons.
  await page.emulateMedia({ media: 'print' });
  const paper = await page.locator('body').innerText();
  assert.match(paper, /大约要多久[\s\S]*要带的资料[\s\S]*您的权利/);
  assert.match(paper, /请向供电公司营业厅咨询/);
  for (const word of ['结束并清除', '打印这份答复', '上一步', 'English']) assert.ok(!paper.includes(word), `no "${word}" on paper`);
  await shoot(page, 'single-file-kiosk-answer-print');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(await axeProblems(page, 'single-file kiosk answer', 20), []);
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  assert.deepEqual(page.errors, [], 'no CSP violation or script error');
  await context.close();
});

test('the single file in English, on a 320 px screen, has no sideways scroll', async () => {
  const { context, page } = await newPage(env.browser, { width: 320, height: 640, bypassCSP: true });
  await page.goto(KIOSK_FILE);
  await page.getByRole('button', { name: 'English' }).click();
  await tapToAnswer(page, 'en');
  const text = await page.locator('main').innerText();
  assert.match(text, /Ask at the utility's service centre, or call 95598/);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 320, 'no sideways scroll');
  // English throughout: Chinese only where marked as Chinese (an instrument's title).
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  assert.deepEqual(await unmarkedChinese(page), []);
  await shoot(page, 'single-file-kiosk-answer-320-en');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the single file warns after 2 minutes and wipes after 3, back to its start page', async () => {
  const { context, page } = await newPage(env.browser, { width: 1080, height: 1920 });
  await page.clock.install();
  await page.goto(KIOSK_FILE);
  // Nobody has touched it: no warning, however long it waits.
  await page.getByRole('heading', { name: START_HEADING.zh }).waitFor({ timeout: 15000 });
  await page.clock.runFor('05:00');
  assert.equal(await page.getByRole('alertdialog').count(), 0, 'no "are you still there?" on an untouched kiosk');
  await tapToAnswer(page);
  await page.clock.runFor('02:01');
  await page.getByRole('alertdialog', { name: '您还在使用吗？' }).waitFor();
  await page.clock.runFor('01:00');
  await page.getByRole('heading', { name: START_HEADING.zh }).waitFor();
  assert.equal(await page.getByRole('heading', { name: '大约要多久' }).count(), 0, 'the answer is gone');
  const left = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
  assert.deepEqual(left, { local: 0, session: 0 });
  // The next visitor starts from nothing: the questions ask again.
  await page.getByRole('button', { name: '开始', exact: true }).click();
  await page.getByRole('button', { name: '家庭用电' }).waitFor();
  assert.deepEqual(page.errors, []);
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

test('a double tap answers no question; the kiosk\'s "today" moves on at midnight; past the holiday data the answer warns', async () => {
  // The kiosk's clock is China's: midnight is Beijing time's.
  const { context, page } = await newPage(env.browser, { width: 1080, height: 1920, timezoneId: 'Asia/Shanghai' });
  // 2026-12-28: a home's whole process (5 working days, catalog §4.2) runs
  // into 2027, past the holiday data (2026-12-31, the last State Council
  // notice): CAL-11 says so beside the example.
  await page.clock.install({ time: new Date('2026-12-28T23:59:00+08:00') });
  await page.goto(KIOSK_FILE);
  await page.getByRole('heading', { name: START_HEADING.zh }).waitFor({ timeout: 15000 });
  // The second click of a double click lands where the first choice will
  // be: it must not choose it.
  await page.getByRole('button', { name: '开始', exact: true }).dblclick();
  await page.getByRole('heading', { name: '您是哪类用电？' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: '您要办什么？' }).count(), 0, 'still on the first question');
  await page.getByRole('button', { name: '家庭用电' }).click();
  await page.getByRole('button', { name: '新装' }).click();
  await page.getByRole('heading', { name: '大约要多久' }).waitFor();
  let text = await page.locator('main').innerText();
  assert.match(text, /如果今天\(2026 年 12 月 28 日/);
  assert.match(text, /国家节假日安排只公布到 2026 年 12 月 31 日/);
  // Past midnight the same page counts from the new day.
  await page.clock.runFor('01:30');
  await page.waitForFunction(() => document.querySelector('main').innerText.includes('如果今天(2026 年 12 月 29 日'));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the single file stays a kiosk whatever the address says, and its wipe covers what it left', async () => {
  const { context, page } = await newPage(env.browser);
  for (const query of ['?mode=clerk', '?mode=customer', '#case=x']) {
    await page.goto(KIOSK_FILE + query);
    await page.getByRole('heading', { name: START_HEADING.zh }).waitFor({ timeout: 15000 });
    assert.ok(await page.getByRole('button', { name: '结束并清除' }).isVisible(), `${query} is still the kiosk`);
    assert.equal(await page.$('form.case-form'), null, 'no form');
    assert.equal(await page.$('#import-file'), null, 'no import');
  }
  // What an older copy that obeyed ?mode=clerk left on this machine.
  await page.evaluate(() => {
    localStorage.setItem('yekuo.v1.clerk', '{"version":2,"lang":"zh","fields":[["title","T某客户"]]}');
    localStorage.setItem('yekuo.v1.customer.corrupt', 'x');
  });
  await tapToAnswer(page);
  await page.getByRole('button', { name: '结束并清除' }).click();
  await page.getByRole('heading', { name: START_HEADING.zh }).waitFor();
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('yekuo.')));
  assert.deepEqual(left, [], 'the kiosk copy wipes every yekuo key of its file:// origin');
  assert.deepEqual(page.errors, []);
  await context.close();
});
