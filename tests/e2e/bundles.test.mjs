// Two bundles (issue 16): a customer's first visit runs the start bundle
// (start page, questions, answer) and never fetches the full app's wasm;
// the second path, the contractor question, a restore link, clerk mode and
// a saved form run the full app, and going from one to the other keeps what
// the customer answered, in the language chosen, offline too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, newPage, shoot, ROOT } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

/** The wasm files the page itself asked for (the service worker's own
 *  downloads for the offline cache are not the page's load). */
function wasmFetched(page) {
  const seen = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (name.endsWith('.wasm')) seen.push(name);
  });
  return seen;
}

async function answerAsAHome(page, t = (zh) => zh) {
  await page.getByRole('button', { name: t('开始', 'Start'), exact: true }).click();
  await page.getByRole('button', { name: t('家庭用电', 'A home') }).click();
  await page.getByRole('button', { name: t('增容', 'More capacity') }).click();
  await page.getByRole('heading', { name: t('大约要多久', 'How long it should take') }).waitFor();
}

/** A phone's first visit: English chosen on the page, then answered as a
 *  home; with the wasm fetched so far and the history length then. */
async function answeredInEnglishOnAPhone() {
  const { context, page } = await newPage(env.browser, { width: 390, height: 844, isMobile: true, hasTouch: true });
  const wasm = wasmFetched(page);
  const en = (zh, english) => english;
  await page.goto(env.base);
  await page.getByRole('button', { name: 'English' }).click();
  await answerAsAHome(page, en);
  const history = await page.evaluate(() => history.length);
  return { context, page, wasm, en, history };
}

const secondPath = (t = (zh) => zh) => ({ name: t('我已申请，查进度 →', 'I have applied: check my progress →') });
const contractorLink = (t = (zh) => zh) => ({ name: t('请了电工或施工单位？看看他们能不能做 →', 'Hiring an electrician or a contractor? Check they may do the work →') });
const contractorHeading = (t = (zh) => zh) => ({ name: t('施工单位能做您的工程吗？', 'May your contractor do the work?') });
const categoryGroup = (page, t = (zh) => zh) => page.getByRole('group', { name: t('您是哪类客户？', 'Which kind of customer are you?') });

test('a first customer visit runs the start bundle only and reaches the answer', async () => {
  const { context, page } = await newPage(env.browser, { width: 390, height: 844, isMobile: true, hasTouch: true });
  const wasm = wasmFetched(page);
  await page.goto(env.base);
  await answerAsAHome(page);
  assert.match(await page.locator('main').innerText(), /≤ \d+ 个工作日/);
  // On the answer page, the in-page Back goes to the question before it.
  await page.getByRole('button', { name: '← 上一步' }).click();
  await page.getByRole('heading', { name: '您要办什么？' }).waitFor();
  await page.getByRole('button', { name: '增容' }).click();
  await page.getByRole('heading', { name: '大约要多久' }).waitFor();
  assert.deepEqual(wasm, ['yekuo_start_bg.wasm'], 'the full app is not fetched');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the second path keeps the answers and the language, and opens the full app; a reload keeps the form', async () => {
  const { context, page, wasm, en, history } = await answeredInEnglishOnAPhone();
  await page.getByRole('button', secondPath(en)).click();
  const category = categoryGroup(page, en);
  await category.waitFor();
  assert.equal(await category.getByLabel('Resident (household)').isChecked(), true);
  assert.equal(await page.getByRole('group', { name: 'What do you apply for?' }).getByLabel('Capacity increase').isChecked(), true);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Electricity connection pre-check');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // The full app works: results appear for the answers carried over.
  await page.getByRole('link', { name: /See the results/ }).waitFor();
  assert.deepEqual(wasm, ['yekuo_start_bg.wasm', 'yekuo_www_bg.wasm']);
  // The step is no page of its own: Back leaves as it did before.
  assert.equal(await page.evaluate(() => history.length), history);
  await shoot(page, 'phone-390-second-path-form-en');
  // A reload keeps the form (the autosave), in the full app.
  await page.getByLabel('Requested capacity (kW)').fill('12');
  await page.reload();
  await categoryGroup(page, en).waitFor();
  assert.equal(await categoryGroup(page, en).getByLabel('Resident (household)').isChecked(), true);
  assert.equal(await page.getByLabel('Requested capacity (kW)').inputValue(), '12');
  assert.deepEqual(wasm.slice(2), ['yekuo_www_bg.wasm'], 'a saved form loads the full app');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the contractor question opens in the full app with the answers and the language, and Back returns to the answer', async () => {
  const { context, page, wasm, en, history } = await answeredInEnglishOnAPhone();
  await page.getByRole('button', contractorLink(en)).click();
  await page.getByRole('heading', contractorHeading(en)).waitFor();
  assert.deepEqual(wasm, ['yekuo_start_bg.wasm', 'yekuo_www_bg.wasm']);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // A home needs low voltage: the tier it needs is said from the answers carried over.
  await page.locator('.contractor-result').getByText(/tier 3 licence or higher/).waitFor();
  assert.equal(await page.evaluate(() => history.length), history, 'the step is no page of its own');
  await page.getByRole('button', { name: '← Back' }).click();
  await page.getByRole('heading', { name: 'How long it should take' }).waitFor();
  assert.match(await page.locator('main').innerText(), /a home · more capacity/);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the second path from the start page opens an empty form, in the language chosen on the page', async () => {
  const { context, page } = await newPage(env.browser);
  // English by the address, Chinese chosen on the page: the choice stands.
  await page.goto(env.base + '?lang=en');
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', secondPath()).click();
  const category = categoryGroup(page);
  await category.waitFor();
  assert.equal(await category.getByRole('radio', { checked: true }).count(), 0);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('clerk mode, a saved form and a restore link load the full app, never the start bundle', async () => {
  const { context, page } = await newPage(env.browser);
  const wasm = wasmFetched(page);
  await page.goto(env.base + '?mode=clerk');
  await page.getByLabel('按此日期评估(默认今天)').waitFor();
  assert.deepEqual(wasm, ['yekuo_www_bg.wasm'], 'clerk');
  // A customer form saved in this browser (by an earlier visit).
  await page.evaluate(() => localStorage.setItem('yekuo.v1.customer',
    '{"version":2,"lang":"zh","as_of":"","fields":[["customer.category","Tlv-nonresident"]]}'));
  await page.goto(env.base);
  await categoryGroup(page).waitFor();
  assert.equal(await categoryGroup(page).getByLabel('低压非居民客户(商铺、小企业等)').isChecked(), true);
  assert.deepEqual(wasm.slice(1), ['yekuo_www_bg.wasm'], 'a saved form');
  // A restore link in a fresh browser.
  const other = await newPage(env.browser);
  const linkWasm = wasmFetched(other.page);
  // Whether the start page ever showed while the link's case was on its
  // way (the import module loads after the app): it should not.
  await other.page.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('.journey.start')) window.sawStartPage = true;
    }).observe(document, { childList: true, subtree: true });
  });
  const json = readFileSync(join(ROOT, 'examples', 's0-case1-110kv.json'), 'utf8');
  await other.page.goto(env.base + '#case=' + Buffer.from(JSON.stringify(JSON.parse(json))).toString('base64url'));
  await other.page.getByText('已从链接载入案例。').waitFor();
  assert.equal(await other.page.evaluate(() => window.sawStartPage ?? false), false, 'no start page before the case');
  assert.equal(await categoryGroup(other.page).getByLabel('高压客户(10千伏及以上)').isChecked(), true);
  assert.deepEqual(linkWasm, ['yekuo_www_bg.wasm', 'yekuo_import_bg.wasm'], 'a restore link');
  assert.deepEqual([...page.errors, ...other.page.errors], []);
  await other.context.close();
  await context.close();
});

test('a restore link pasted over the answers asks before replacing them', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.base);
  await answerAsAHome(page);
  const json = readFileSync(join(ROOT, 'examples', 's0-case1-110kv.json'), 'utf8');
  const fragment = '#case=' + Buffer.from(JSON.stringify(JSON.parse(json))).toString('base64url');
  await page.evaluate((f) => { location.hash = f; }, fragment);
  await page.getByRole('button', { name: '保留当前内容' }).click();
  assert.equal(await categoryGroup(page).getByLabel('居民客户(家庭用电)').isChecked(), true, 'the answers are kept');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('after the first visit both bundles work offline, and so does the step between them', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.base);
  await page.getByRole('button', { name: '开始', exact: true }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.reload();
  await answerAsAHome(page);
  await page.getByRole('button', secondPath()).click();
  await categoryGroup(page).waitFor();
  assert.equal(await categoryGroup(page).getByLabel('居民客户(家庭用电)').isChecked(), true);
  // The contractor question, from a first visit's start bundle, offline.
  await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
  await page.reload();
  await answerAsAHome(page);
  await page.getByRole('button', contractorLink()).click();
  await page.getByRole('heading', contractorHeading()).waitFor();
  await page.goto(env.base + '?mode=clerk');
  await page.getByLabel('按此日期评估(默认今天)').waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('when the browser stops storing anything, the answers stay on the page and the customer is told why', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.base);
  await answerAsAHome(page);
  await page.evaluate(() => {
    Storage.prototype.setItem = function (k) { throw new DOMException(`full: ${k}`, 'QuotaExceededError'); };
  });
  await page.getByRole('button', secondPath()).click();
  await page.getByRole('alert').getByText(/无法在此打开完整表单/).waitFor();
  await page.getByRole('heading', { name: '大约要多久' }).waitFor();
  assert.match(await page.locator('main').innerText(), /家庭用电 · 增容/);
  await page.getByRole('button', contractorLink()).click();
  await page.getByRole('alert').getByText(/无法在此打开施工单位的问题/).waitFor();
  await page.getByRole('heading', { name: '大约要多久' }).waitFor();
  assert.match(await page.locator('main').innerText(), /家庭用电 · 增容/);
  await context.close();
});

test('answers handed over while another tab saved its own form overwrite neither', async () => {
  const { context, page: b } = await newPage(env.browser);
  const a = await context.newPage();
  await b.goto(env.base);
  await b.getByRole('button', { name: '开始', exact: true }).waitFor();
  await a.goto(env.base);
  await answerAsAHome(a);
  // Tab B is told, and stops autosaving.
  await b.getByRole('alert').getByText(/另一个标签页/).waitFor();
  await b.getByRole('button', { name: '开始', exact: true }).click();
  await b.getByRole('button', { name: '商铺、小企业' }).click();
  await b.getByRole('button', { name: '新装' }).click();
  await b.getByRole('button', secondPath()).click();
  await categoryGroup(b).waitFor();
  assert.equal(await categoryGroup(b).getByLabel('低压非居民客户(商铺、小企业等)').isChecked(), true, "B's answers");
  await b.getByRole('alert').getByText(/另一个标签页/).waitFor();
  const saved = await b.evaluate(() => Object.fromEntries(JSON.parse(localStorage.getItem('yekuo.v1.customer')).fields));
  assert.equal(saved['customer.category'], 'Tresident', "A's save is not overwritten");
  await context.close();
});

test('with the autosave refused, the answers still reach the full app, and nothing asks on the way', async () => {
  const { context, page } = await newPage(env.browser);
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (this === window.localStorage && String(k).startsWith('yekuo.')) throw new DOMException('full', 'QuotaExceededError');
      return real.call(this, k, v);
    };
  });
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.type()); d.dismiss(); });
  await page.goto(env.base);
  await answerAsAHome(page);
  assert.match(await page.getByRole('alert').innerText(), /存储已满/);
  await page.getByRole('button', secondPath()).click();
  await categoryGroup(page).waitFor();
  assert.equal(await categoryGroup(page).getByLabel('居民客户(家庭用电)').isChecked(), true);
  assert.match(await page.getByRole('alert').innerText(), /存储已满/, 'the full app says it cannot autosave either');
  assert.deepEqual(dialogs, []);
  await context.close();
});
