// Bad dates and numbers, keyboard focus and the kiosk warning (issue 14,
// items 6 and 7), through the real bundle. Assertions are on what a person
// sees or where focus is: roles, labels and visible text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, newPage, ready, shoot, axeProblems, ROOT } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

async function resident(page, business = '新装') {
  await page.getByRole('radio', { name: /^居民/ }).check();
  await page.getByRole('radio', { name: business }).check();
}

/** The field box (label, hint, error, control) of the control labelled `label`. */
const fieldOf = (page, label) => page.locator('.field').filter({ has: page.getByLabel(label, { exact: true }) });

/** The order of the date control's segments in this browser's locale
 *  (headless Chromium shows mm/dd/yyyy whatever the page's language), found
 *  by typing a known date. */
const SCRATCH = '工程开工日期';
let order;
async function segments(page) {
  if (order) return order;
  // A control the journey does not use: once typed into, Chromium's date
  // control keeps its typing state even after being emptied.
  const probe = page.getByLabel(SCRATCH, { exact: true });
  for (const o of [['m', 'd', 'y'], ['y', 'm', 'd'], ['d', 'm', 'y']]) {
    await typeParts(page, probe, o, { y: '2003', m: '01', d: '02' });
    const v = await probe.inputValue();
    await probe.fill('');
    if (v === '2003-01-02') { order = o; return o; }
  }
  throw new Error('date control order not found');
}

async function typeParts(page, input, o, parts) {
  await input.click();
  await input.press('Home');
  for (const [i, k] of o.entries()) {
    await page.keyboard.type(parts[k]);
    // Month and day move on when full; the year takes more digits.
    if (k === 'y' && i < o.length - 1) await page.keyboard.press('ArrowRight');
  }
}

/** Type a date the way a keyboard user does, segment by segment, then leave
 *  the control with Tab. */
async function typeDate(page, label, y, m, d) {
  const input = page.getByLabel(label, { exact: true });
  await typeParts(page, input, await segments(page), { y, m, d });
  // Tab moves through the segments left, then out of the control.
  for (let i = 0; i < 4 && await input.evaluate((e) => e === document.activeElement); i += 1) await page.keyboard.press('Tab');
}

test('an impossible date typed by keyboard gets its message and destroys nothing; a future power-on is flagged; results that read them are held back', async () => {
  const { context, page } = await newPage(env.browser, { width: 390, height: 844, bypassCSP: true });
  await page.goto(env.base);
  await ready(page);
  await resident(page);
  await typeDate(page, '申请受理日期', '2024', '03', '01');
  assert.equal(await page.getByLabel('申请受理日期', { exact: true }).inputValue(), '2024-03-01');
  // 30 February: the control gives an empty value and flags bad input.
  await typeDate(page, '供电方案答复日期', '2024', '02', '30');
  const plan = fieldOf(page, '供电方案答复日期');
  await assert.doesNotReject(plan.getByText('请输入有效日期').waitFor(), 'the message sits at the field');
  assert.match(await page.getByRole('alert').filter({ hasText: '有以下问题' }).textContent(), /供电方案答复日期: 请输入有效日期/);
  assert.equal(await page.getByLabel('申请受理日期', { exact: true }).inputValue(), '2024-03-01', 'the other date is kept');
  assert.equal(await page.getByLabel('供电方案答复日期', { exact: true }).getAttribute('aria-invalid'), 'true');

  // A power-on date in the future: a step that has happened cannot be ahead.
  await page.getByLabel('装表接电日期', { exact: true }).fill('2099-01-01');
  const power = fieldOf(page, '装表接电日期');
  assert.match(await power.locator('.field-error').textContent(), /2099-01-01 晚于今天/);

  // What reads those fields is held back, and says which fields to correct.
  const held = page.getByRole('status').filter({ hasText: '部分结果待更正后计算' });
  await held.waitFor();
  const heldText = await held.textContent();
  assert.match(heldText, /供电方案答复日期/);
  assert.match(heldText, /装表接电日期/);
  const shown = await page.$$eval('article.finding', (els) => els.map((e) => e.textContent).join('\n'));
  assert.doesNotMatch(shown, /2099-01-01/, 'no result counts from the future date');
  await shoot(page, 'phone-bad-dates');
  assert.deepEqual(await axeProblems(page, 'bad dates', 20), []);

  // Correcting the date brings the results back and the messages go.
  await typeDate(page, '供电方案答复日期', '2024', '03', '04');
  await page.getByLabel('装表接电日期', { exact: true }).fill('');
  await held.waitFor({ state: 'detached' });
  assert.equal(await plan.getByText('请输入有效日期').count(), 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('full-width digits are read: ８ kW is 8', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.base);
  await ready(page);
  await resident(page);
  await page.getByLabel('申请容量(千瓦)').fill('８');
  await page.getByRole('heading', { name: '检查结果' }).waitFor();
  assert.equal(await fieldOf(page, '申请容量(千瓦)').locator('.field-error').count(), 0);
  assert.equal(await page.getByLabel('申请容量(千瓦)').inputValue(), '８', 'kept as typed');
  await context.close();
});

test('following a result link moves focus to the result; a fill-in link centres its field', async () => {
  const { context, page } = await newPage(env.browser, { width: 390, height: 844 });
  await page.goto(env.base);
  await ready(page);
  await resident(page);
  // Accepted long ago and nothing since: the plan answer is overdue.
  await page.getByLabel('申请受理日期', { exact: true }).fill('2024-03-01');
  const link = page.locator('ul.problems').getByRole('link').first();
  await link.click();
  const focused = await page.evaluate(() => {
    const a = document.activeElement;
    const r = a.getBoundingClientRect();
    return { finding: a.matches('article.finding'), top: r.top, height: innerHeight };
  });
  assert.ok(focused.finding, 'focus is on the result');
  assert.ok(focused.top >= -1 && focused.top < focused.height / 2, `the result is in view (top ${focused.top})`);

  // A case with inputs left out (tests/golden/cases/x02-missing-inputs.json).
  const x02 = JSON.parse(readFileSync(join(ROOT, 'tests', 'golden', 'cases', 'x02-missing-inputs.json'), 'utf8'));
  await page.setInputFiles('#import-file', { name: 'case.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(x02.case)) });
  const fill = page.getByRole('link', { name: '→ 去填写这一项' }).first();
  await fill.click();
  const field = await page.evaluate(() => {
    const a = document.activeElement;
    const box = (a.closest('.field') || a).getBoundingClientRect();
    const label = a.labels && a.labels[0] ? a.labels[0].getBoundingClientRect() : box;
    return { tag: a.tagName, top: box.top, bottom: box.bottom, labelTop: label.top, height: innerHeight };
  });
  assert.ok(['INPUT', 'SELECT', 'FIELDSET', 'TEXTAREA', 'DIV'].includes(field.tag), `focus on a field (${field.tag})`);
  const middle = (field.top + field.bottom) / 2;
  assert.ok(Math.abs(middle - field.height / 2) < field.height * 0.2, `the field is mid-screen (${field.top}-${field.bottom} of ${field.height})`);
  assert.ok(field.labelTop >= 0, 'its label is on screen');
  await context.close();
});

test('the kiosk warning takes focus, counts down and is clean for axe; a portrait kiosk fills its height', async () => {
  const { context, page } = await newPage(env.browser, { width: 1080, height: 1920, bypassCSP: true });
  await page.clock.install();
  await page.goto(env.base + '?mode=kiosk');
  await ready(page);
  await resident(page);
  // One column filling the portrait screen: the footer is at its foot.
  const layout = await page.evaluate(() => ({
    footer: document.querySelector('footer').getBoundingClientRect().bottom,
    columns: getComputedStyle(document.querySelector('.layout')).gridTemplateColumns.split(' ').length,
  }));
  assert.equal(layout.columns, 1, 'one column in portrait');
  assert.ok(layout.footer >= 1920 - 1, `the page fills the screen (footer ends at ${layout.footer})`);
  await page.clock.runFor('02:01');
  const dialog = page.getByRole('alertdialog', { name: '您还在使用吗？' });
  await dialog.waitFor();
  await page.waitForFunction(() => document.activeElement && document.activeElement.textContent === '继续使用');
  const first = Number((await dialog.getByText(/还剩 \d+ 秒/).textContent()).match(/\d+/)[0]);
  assert.ok(first > 50 && first <= 60, `counts down from a minute (${first})`);
  await page.clock.runFor(5000);
  await page.waitForFunction((n) => /还剩 (\d+) 秒/.exec(document.querySelector('[role=alertdialog]').textContent)[1] < n, first);
  const later = Number((await dialog.getByText(/还剩 \d+ 秒/).textContent()).match(/\d+/)[0]);
  assert.ok(later <= first - 4, `${first} -> ${later}`);
  await shoot(page, 'kiosk-idle-warning');
  assert.deepEqual(await axeProblems(page, 'kiosk idle warning', 20), []);
  // Continue by keyboard: the warning goes, the entries stay.
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  assert.ok(await page.getByRole('radio', { name: /^居民/ }).isChecked());
  await context.close();
});

// A case file whose dates were typed with a Chinese input method's
// full-width digits (issue 14): imported, its dates are the days they name;
// an impossible one is refused at its field, quoted as typed.
test('a case file with full-width digits in its dates is imported', async () => {
  const { context, page } = await newPage(env.browser, { width: 1024, height: 900 });
  await page.goto(env.base);
  await ready(page);
  const file = (accepted) => ({ name: 'case.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({
    format: 'yekuo-case/1', customer: { category: '居民', business: '新装' }, dates: { accepted } })) });
  await page.setInputFiles('#import-file', file('２０２６－０１－０５'));
  await page.getByText('已导入案例文件。').waitFor();
  assert.equal(await page.getByLabel('申请受理日期').inputValue(), '2026-01-05');
  await page.setInputFiles('#import-file', file('２０２６-０２-３０'));
  const banner = page.getByRole('alert');
  await banner.waitFor();
  const text = await banner.innerText();
  assert.match(text, /２０２６-０２-３０/);
  assert.match(text, /不是有效日期/);
  assert.match(text, /申请受理日期/);
  assert.equal(await page.getByLabel('申请受理日期').inputValue(), '2026-01-05', 'nothing replaced');
  assert.deepEqual(page.errors, []);
  await context.close();
});
