// Customer mode answers before applying (issue 14, items 1, 2 and the first
// test of item 8): a 居民 增容 customer on a 390 px phone who types nothing
// sees the working-day limits, an example day and the documents to bring,
// and no rule code, document code, mark or field path.
//
// "Today" is fixed at Wed 2026-09-30, the day before National Day. Counted
// by hand on catalog §10 (2026: 10-01..07 off, 10-10 Sat a working day):
// plan answer 3 WD → 10-08, 10-09, 10-10; whole process 5 WD → 10-12, 10-13.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, newPage, shoot, axeProblems as axe, NOT_FOR_CUSTOMERS } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

async function journey(lang) {
  const { context, page } = await newPage(env.browser, { width: 390, height: 844, isMobile: true, hasTouch: true, bypassCSP: true });
  await page.clock.setFixedTime(new Date('2026-09-30T10:00:00+08:00'));
  await page.goto(env.base + (lang === 'en' ? '?lang=en' : ''));
  const zh = lang !== 'en';
  const t = (a, b) => (zh ? a : b);
  await page.getByRole('button', { name: t('开始', 'Start'), exact: true }).waitFor();
  await shoot(page, `phone-390-customer-start-${lang}`);
  const problems = await axe(page, `start ${lang}`);
  let taps = 0;
  await page.getByRole('button', { name: t('开始', 'Start'), exact: true }).click(); taps++;
  let questions = 0;
  await page.getByRole('heading', { name: t('您是哪类用电？', 'What kind of customer are you?') }).waitFor(); questions++;
  await shoot(page, `phone-390-customer-who-${lang}`);
  await page.getByRole('button', { name: t('家庭用电', 'A home') }).click(); taps++;
  await page.getByRole('heading', { name: t('您要办什么？', 'What do you want to do?') }).waitFor(); questions++;
  await page.getByRole('button', { name: t('增容', 'More capacity') }).click(); taps++;
  const howLong = page.getByRole('heading', { name: t('大约要多久', 'How long it should take') });
  await howLong.waitFor();
  // Where the answer starts, in screens of the 844 px phone.
  const top = await howLong.evaluate((h) => h.getBoundingClientRect().top + window.scrollY);
  const screens = top / 844;
  const text = await page.locator('main').innerText();
  // Working-day limits under the rules in force on 2026-09-30 (catalog §4.2).
  assert.match(text, t(/≤ 3 个工作日/, /at most 3 working days/));
  assert.match(text, t(/≤ 5 个工作日/, /at most 5 working days/));
  // The example, counted across National Day.
  assert.match(text, t(/举例/, /Example/));
  assert.match(text, t(/2026 年 10 月 13 日/, /13 Oct 2026/));
  // What to bring, titled as a list to bring, with an ID among it.
  await page.getByRole('heading', { name: t('要带的资料', 'What to bring') }).waitFor();
  assert.match(text, t(/身份证/, /ID/));
  await page.getByRole('heading', { name: t('您的权利', 'Your rights') }).waitFor();
  // Plain words only.
  for (const re of NOT_FOR_CUSTOMERS) assert.doesNotMatch(text, re);
  if (!zh) assert.doesNotMatch(await page.locator('.answer h2, .answer h3, .answer .limit strong').allInnerTexts().then((a) => a.join(' ')), /[\u4e00-\u9fff]/);
  // "Why?" gives the basis in words.
  await page.getByText(t('为什么？', 'Why?')).first().click();
  assert.match(await page.locator('details.why[open]').first().innerText(), t(/依据《.+》/, /Basis: /));
  await shoot(page, `phone-390-customer-answer-${lang}`);
  problems.push(...await axe(page, `answer ${lang}`));
  assert.deepEqual(problems, []);
  // The second path opens the full form.
  await page.getByRole('button', { name: t('我已申请，查进度 →', 'I have applied: check my progress →') }).click();
  await page.waitForSelector('form.case-form');
  // A household gives its capacity in 千瓦 (kW), with a home's example;
  // 千伏安 (kVA) is a business's unit and not asked.
  const capacity = page.getByLabel(t('申请容量(千瓦)', 'Requested capacity (kW)'));
  await capacity.waitFor();
  assert.match(await page.locator('form.case-form').innerText(), t(/一般家庭约 8 千瓦/, /a typical home has about 8 kW/));
  assert.doesNotMatch(await page.locator('form.case-form').innerText(), t(/千伏安/, /kVA/));
  await capacity.fill(t('８', '8'));
  await capacity.scrollIntoViewIfNeeded();
  await shoot(page, `phone-390-customer-form-${lang}`);
  assert.deepEqual(page.errors, []);
  await context.close();
  return { taps, questions, screens };
}

test('a 居民 增容 customer at 390 px sees how long and what to bring, in plain words (zh)', async () => {
  const m = await journey('zh');
  console.log(`zh: taps to "how long" ${m.taps}, questions ${m.questions}, answer starts at ${m.screens.toFixed(2)} screens`);
  assert.ok(m.taps <= 3 && m.questions <= 4 && m.screens <= 1.5, JSON.stringify(m));
});

test('the same journey in English', async () => {
  const m = await journey('en');
  console.log(`en: taps to "how long" ${m.taps}, questions ${m.questions}, answer starts at ${m.screens.toFixed(2)} screens`);
  assert.ok(m.taps <= 3 && m.questions <= 4 && m.screens <= 1.5, JSON.stringify(m));
});
