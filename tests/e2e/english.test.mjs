// Issue 14 item 8, second journey: the English clerk page at 320 px for the
// richest case (S0 110 kV, every "Why?" open) has no Chinese outside an
// element marked lang="zh…" (WCAG 3.1.2, language of parts) and does not
// scroll sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, newPage, ready, shoot, unmarkedChinese, ROOT } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

// What the user typed (the case file's own words) may stay Chinese.
const TYPED = ['供电公司多经企业', 'S0 案例1: 31500 kVA 110千伏用户 (2009–2010)'];

for (const [who, query] of [['clerk', '?mode=clerk&lang=en'], ['customer', '?lang=en']]) {
  test(`English ${who} page at 320 px: Chinese only inside lang="zh…", no sideways scroll`, async () => {
    const { context, page } = await newPage(env.browser, { width: 320, height: 700 });
    await page.goto(env.base + query);
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.doesNotMatch(await page.title(), /[\u4e00-\u9fff]/, 'the tab title is English too');
    await page.setInputFiles('#import-file', join(ROOT, 'examples', 's0-case1-110kv.json'));
    await page.waitForSelector('#f-customer-category-high-voltage:checked');
    if (who === 'clerk') {
      // The conduct questions too (clerk only), so CON-01's words are shown.
      await page.check('#f-conduct-gifts_or_banquets-yes');
    }
    // Open every "Why?" and every other disclosure.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await page.waitForTimeout(200);
    const text = await page.textContent('body');
    assert.match(text, /Results|results/);
    if (who === 'clerk') {
      // Holiday names come from the calendar data's English names.
      assert.match(text, /Spring Festival/);
      assert.match(text, /Dragon Boat Festival/);
    }
    const bad = await unmarkedChinese(page, TYPED);
    await shoot(page, `phone320-english-${who}-s0`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const wide = await page.evaluate(() => [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .slice(0, 8).map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));
    assert.deepEqual(bad, [], `Chinese outside lang="zh…" on the English ${who} page`);
    assert.ok(overflow <= 0, `no horizontal scrolling at 320 px (overflow ${overflow}): ${wide.join(', ')}`);
    await context.close();
  });
}

test('a page opened with ?lang=en and switched to 中文 stays Chinese after a reload', async () => {
  for (const [query, after] of [['?lang=en', ''], ['?mode=clerk&lang=en', '?mode=clerk']]) {
    const { context, page } = await newPage(env.browser);
    await page.goto(env.base + query);
    await ready(page);
    await page.getByRole('button', { name: '中文' }).click();
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    // The address no longer asks for English; the other parameters stay.
    assert.equal(new URL(page.url()).search, after, query);
    await page.check('#f-customer-category-resident');
    await page.reload();
    await ready(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN', `${query}: the choice survives the reload`);
    assert.ok(await page.isChecked('#f-customer-category-resident'));
    assert.deepEqual(page.errors, []);
    await context.close();
  }
});
