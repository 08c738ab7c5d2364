// End-to-end journeys in headless Chromium (issue 3). Run by scripts/test
// after scripts/build-web: `node --test tests/e2e/`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, newPage, ready, enterS0, findings, shoot, ROOT } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

test('S0 case 1 through the form: licence violation and both overdue inspection deadlines', async () => {
  const { context, page } = await newPage(env.browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(env.base);
  await ready(page);
  await enterS0(page);
  const f = await findings(page);
  assert.ok(f.some((x) => x.rule === 'LIC-02' && x.outcome === 'violation'), 'LIC-02 violation');
  const tl05 = f.filter((x) => x.rule === 'TL-05' && x.outcome === 'overdue');
  assert.equal(tl05.length, 2, 'TL-05 overdue under both regimes');
  const timeline = await page.textContent('.timeline-list');
  assert.match(timeline, /2010-06-23/);
  assert.match(timeline, /2010-06-25/);
  // C1e: done on Saturday 06-26, one calendar day after the 监管办法 deadline
  // (no working day between) and three after the SGCC one.
  assert.match(timeline, /2010-06-25[^]*逾期 1 天完成\(在休息日\)/);
  assert.match(timeline, /2010-06-23[^]*逾期 3 天完成/);
  // The holidays a step's regimes cross are listed once a step, not once a
  // regime (issue 14): the plan answer's two regimes both cross 春节 2009.
  const lists = await page.$$eval('.timeline-list > li', (lis) => lis.map((li) => li.querySelectorAll('details').length));
  assert.ok(lists.every((n) => n <= 1), `one holiday list a step: ${lists}`);
  const planDays = await page.locator('.timeline-list > li').first().locator('details li').allTextContents();
  assert.equal(new Set(planDays).size, planDays.length, `each day once: ${planDays}`);
  assert.ok(planDays.some((d) => /2009-01-2\d/.test(d)), `春节 2009 listed: ${planDays}`);
  // The chart draws each step on its own axis: the completion inspection
  // spans the request (06-15) to the inspection (06-26), not 2009 to today.
  const axes = await page.$$eval('.gantt-axis', (els) => els.map((e) => e.textContent));
  assert.ok(axes.includes('2010-06-152010-06-26'), `completion-inspection axis: ${axes}`);
  assert.ok(await page.$('.gantt svg rect'), 'the chart is drawn');
  await shoot(page, 'desktop-s0-results');
  // Nothing leaves the origin (blob: downloads and data: icons stay on the device).
  const foreign = requests.filter((u) => !u.startsWith(env.base) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(foreign, []);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('China Southern Grid and a 1990 case are told what the tool does not cover (issue 13)', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.base);
  await ready(page);
  await page.check('#f-customer-category-high-voltage');
  await page.check('#f-customer-business-new');
  await page.fill('#f-dates-accepted', '2021-03-01');
  assert.equal(await page.$('.coverage-notice'), null, 'State Grid, dates inside the rulebook: no notice');
  // Catalog §0.3, §13 item 7: CSG's own commitments were not researched.
  await page.selectOption('#f-utility-operator', 'CSG');
  assert.match(await page.textContent('.coverage-notice'), /南方电网自己的承诺未收录/);
  // The link opens the folded list of the instruments and whom they bind.
  assert.equal(await page.$eval('details.coverage', (d) => d.open), false);
  await page.click('.coverage-notice a');
  assert.equal(await page.$eval('details.coverage', (d) => d.open), true, 'the link opens the list');
  const list = await page.textContent('#coverage');
  assert.match(list, /供电营业规则[^·]*· 1996-10-08 – 2024-05-31 · 所有供电企业/);
  assert.match(list, /仅国家电网/);
  // Accepted in 1990, before the 1996 rules: not "nothing wrong".
  await page.selectOption('#f-utility-operator', 'SGCC');
  await page.fill('#f-dates-accepted', '1990-03-01');
  const f = await findings(page);
  assert.ok(f.some((x) => x.rule === 'CAL-08' && x.outcome === 'not-covered'), JSON.stringify(f));
  assert.match(await page.textContent('.summary'), /超出本工具的检查范围/);
  assert.match(await page.textContent('.coverage-notice'), /没有检查/);
  await shoot(page, 'desktop-not-covered');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a resident increase without an ID card sees the missing-document list', async () => {
  const { context, page } = await newPage(env.browser, { width: 375, height: 800 });
  await page.goto(env.base);
  await ready(page);
  await page.check('#f-customer-category-resident');
  await page.check('#f-customer-business-increase');
  await page.check('#f-documents-D-ACCT');
  assert.equal(await page.$('#f-supply-sources'), null, 'a resident is not asked about power sources');
  const list = await page.textContent('#one-time-notice');
  assert.match(list, /用电人有效身份证明/);
  assert.doesNotMatch(list, /D-ID/, 'a customer reads the name, not the document code (issue 14)');
  const f = await findings(page);
  assert.ok(f.some((x) => x.rule === 'DOC-03' && x.outcome === 'missing'));
  await shoot(page, 'phone-resident-missing');
  await context.close();
});

test('a reload keeps the half-filled form, including an invalid value', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.base);
  await ready(page);
  await page.check('#f-customer-category-high-voltage');
  await page.check('#f-customer-business-increase');
  await page.fill('#f-customer-capacity_kva', '31,500');
  assert.match(await page.textContent('.error-summary'), /31,500/);
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('#f-customer-capacity_kva'), '31,500');
  assert.ok(await page.isChecked('#f-customer-business-increase'));
  await page.click('.error-summary a');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'f-customer-capacity_kva');
  await context.close();
});

test('the kiosk opens on the homeowner\'s questions in big type; its second path is the form', async () => {
  const { context, page } = await newPage(env.browser, { width: 1080, height: 1920 });
  await page.goto(env.base + '?mode=kiosk');
  await page.getByRole('heading', { name: '开户、增容前，先看看要带什么、要多久' }).waitFor({ timeout: 15000 });
  // Big type, headings bigger still (a kiosk is read from arm's length).
  const size = await page.evaluate(() => ['.journey p', '.journey h2'].map((q) => parseFloat(getComputedStyle(document.querySelector(q)).fontSize)));
  assert.ok(size[0] >= 22 && size[1] > size[0], `kiosk text ${size[0]}px, heading ${size[1]}px`);
  await page.getByRole('button', { name: '开始', exact: true }).click();
  await page.getByRole('button', { name: '家庭用电' }).click();
  await page.getByRole('button', { name: '新装' }).click();
  await page.getByRole('heading', { name: '要带的资料' }).waitFor();
  await shoot(page, 'kiosk-answer');
  // The served kiosk runs the full app: the contractor question and the
  // form are one tap away, the form keeping the two answers.
  await page.getByRole('button', { name: '我已申请，查进度 →' }).click();
  await page.waitForSelector('form.case-form');
  assert.ok(await page.isChecked('#f-customer-category-resident'));
  assert.ok(await page.isChecked('#f-customer-business-new'));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the kiosk warns after 2 minutes, wipes after 3 and leaves nothing in storage', async () => {
  const { context, page } = await newPage(env.browser, { width: 1080, height: 1920 });
  await page.clock.install();
  await page.goto(env.base + '?mode=kiosk');
  await ready(page);
  await page.check('#f-customer-category-resident');
  await page.check('#f-customer-business-new');
  await page.check('#f-documents-D-ID');
  await shoot(page, 'kiosk-form');
  // Touch targets: every button and radio row at least 48 px high.
  const small = await page.$$eval('button, .choice, select, input[type=date]', (els) =>
    els.filter((e) => e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().height < 48).map((e) => e.outerHTML.slice(0, 80)));
  assert.deepEqual(small, []);
  assert.equal(await page.$('#import-file'), null, 'no file import on a shared kiosk');
  await page.clock.runFor('02:01');
  await page.waitForSelector('.idle');
  await page.clock.runFor('01:00');
  await page.waitForSelector('.idle', { state: 'detached' });
  // Back to the start page for the next person, with nothing kept.
  await page.getByRole('heading', { name: '开户、增容前，先看看要带什么、要多久' }).waitFor();
  const left = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length, hash: location.hash }));
  assert.deepEqual(left, { local: 0, session: 0, hash: '' });
  await ready(page);
  assert.equal(await page.isChecked('#f-customer-category-resident'), false);
  await context.close();
});

test('Finish on the kiosk erases at once', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.base + '?mode=kiosk');
  await ready(page);
  await page.check('#f-customer-category-resident');
  await page.click('button.finish');
  await page.getByRole('heading', { name: '开户、增容前，先看看要带什么、要多久' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  await ready(page);
  assert.equal(await page.isChecked('#f-customer-category-resident'), false);
  await context.close();
});

test('after the first visit the app reloads with the network off', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.base);
  await ready(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await ready(page);
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'controlled by the service worker');
  await page.check('#f-customer-category-resident');
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  assert.ok(await page.isChecked('#f-customer-category-resident'));
  // The import module was cached with the app: a case file opens offline.
  await page.setInputFiles('#import-file', join(ROOT, 'examples', 's0-case1-110kv.json'));
  await page.waitForSelector('#f-customer-category-high-voltage:checked');
  await page.goto(env.base + '?mode=clerk');
  await ready(page);
  await context.close();
});

test('a malformed case file gives a located error and keeps the current case', async () => {
  const { context, page } = await newPage(env.browser);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(env.base);
  await ready(page);
  // The code that reads case files is not part of the first load (issue 16).
  assert.ok(!fetched.some((p) => p.includes('yekuo_import')), fetched.join(' '));
  await page.check('#f-customer-category-lv-nonresident');
  const bad = '{\n  "format": "yekuo-case/1",\n  "customer": { "category": "居民", "business": "新装" },\n  "dates": { "accepted": "2023-02-30" }\n}';
  await page.setInputFiles('#import-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  const n = await page.waitForSelector('.notice.error');
  const msg = await n.textContent();
  assert.ok(fetched.some((p) => p.endsWith('yekuo_import_bg.wasm')), 'opening a file loads it');
  assert.match(msg, /dates\.accepted/);
  assert.match(msg, /第 4 行/);
  assert.ok(await page.isChecked('#f-customer-category-lv-nonresident'), 'the current case is kept');
  // A good file then loads, and Undo brings the previous entries back.
  await page.setInputFiles('#import-file', join(ROOT, 'examples', 's0-case1-110kv.json'));
  await page.waitForSelector('#f-customer-category-high-voltage:checked');
  await page.click('text=撤销');
  await page.waitForSelector('#f-customer-category-lv-nonresident:checked');
  await context.close();
});

test('the restore link carries the case and a tampered link is refused', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.base);
  await ready(page);
  await page.setInputFiles('#import-file', join(ROOT, 'examples', 's0-case1-110kv.json'));
  await page.waitForSelector('#f-customer-category-high-voltage:checked');
  // The link is written when its panel opens (by the import module).
  await page.click('summary:has-text("恢复链接")');
  await page.waitForFunction(() => document.querySelector('#share-link').value.includes('#case='));
  const link = await page.inputValue('#share-link');
  assert.ok(link.startsWith(env.base + '#case='));
  // A change of the entries closes the panel: its link was for the old ones.
  await page.check('#f-customer-category-lv-nonresident');
  await page.waitForSelector('details.share:not([open])');
  const other = await newPage(env.browser);
  await other.page.goto(link);
  await ready(other.page);
  await other.page.waitForSelector('#f-customer-category-high-voltage:checked');
  assert.equal(await other.page.evaluate(() => location.hash), '', 'the fragment is dropped after reading');
  await other.page.goto(env.base + '#case=eyJmb3JtYXQiOiJ5ZWt1by1jYXNlLzEi');
  await ready(other.page);
  assert.match(await (await other.page.waitForSelector('.notice.error')).textContent(), /链接/);
  assert.ok(await other.page.isChecked('#f-customer-category-high-voltage'), 'a bad link keeps the current case');
  await other.context.close();
  await context.close();
});

test('English switch changes the text and the lang attribute', async () => {
  const { context, page } = await newPage(env.browser, { width: 320, height: 700 });
  await page.goto(env.base);
  await ready(page);
  await page.click('button:has-text("English")');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.check('#f-customer-category-high-voltage');
  await page.check('#f-customer-business-new');
  assert.match(await page.textContent('.results'), /Results/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling at 320 px (overflow ${overflow})`);
  await shoot(page, 'phone320-english');
  await context.close();
});

test('the Content-Security-Policy stops an injected inline script', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.base);
  await ready(page);
  page.errors.length = 0;
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.body.append(s);
    return window.__injected === true;
  });
  assert.equal(ran, false);
  await context.close();
});

test('axe-core finds no serious or critical accessibility problem', async () => {
  const axe = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  // axe is injected as an inline script, so this context alone bypasses the CSP.
  const { context, page } = await newPage(env.browser, { bypassCSP: true });
  const screens = [
    ['customer, empty', env.base, async () => {}],
    ['customer, S0 case', env.base, async () => { await enterS0(page); await page.click('details.why summary'); }],
    ['clerk, S0 case', env.base + '?mode=clerk', async () => {
      // C1 in clerk mode: the conduct questions are asked, and the canteen
      // dinner and apples make CON-01 a violation (cases.md C1g).
      await enterS0(page);
      await page.check('#f-conduct-utility_recommended_contractor-yes');
      await page.check('#f-conduct-gifts_or_banquets-yes');
      const f = await findings(page);
      assert.ok(f.some((x) => x.rule === 'CON-01' && x.outcome === 'violation'), 'CON-01 violation in clerk mode');
      assert.ok(f.some((x) => x.rule === 'IND-01' && x.outcome === 'violation'), 'IND-01 violation');
    }],
    ['kiosk', env.base + '?mode=kiosk', async () => { await page.check('#f-customer-category-resident'); await page.check('#f-customer-business-new'); }],
  ];
  const problems = [];
  for (const [name, url, act] of screens) {
    await page.goto(url);
    await ready(page);
    await act();
    await page.addScriptTag({ content: axe });
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }));
    assert.ok(result.passes.length > 20, `axe ran its checks on ${name}`);
    for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      problems.push(`${name}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    }
    await shoot(page, `desktop-${name.replace(/[^a-z0-9]+/gi, '-')}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('a corrupt autosave is set aside and reported, never silently dropped', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.base);
  await ready(page);
  await page.evaluate(() => localStorage.setItem('yekuo.v1.customer', '{"version":1,"draft":{"category":'));
  await page.reload();
  await ready(page);
  assert.match(await page.textContent('.notice.error'), /yekuo\.v1\.customer\.corrupt/);
  assert.equal(await page.evaluate(() => localStorage.getItem('yekuo.v1.customer.corrupt')), '{"version":1,"draft":{"category":');
  await context.close();
});

test('export gives the CLI case format and the deadlines as iCalendar; print hides the form', async () => {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.base);
  await ready(page);
  await enterS0(page);
  const [caseFile] = await Promise.all([page.waitForEvent('download'), page.click('text=导出案例文件')]);
  const exported = JSON.parse(readFileSync(await caseFile.path(), 'utf8'));
  assert.equal(exported.format, 'yekuo-case/1');
  assert.equal(exported.customer.category, 'high-voltage');
  assert.equal(exported.dates.completion_requested, '2010-06-15');
  assert.equal(exported.contractors[0].tier, 4);
  const [ics] = await Promise.all([page.waitForEvent('download'), page.click('text=导出截止日期(日历)')]);
  assert.match(readFileSync(await ics.path(), 'utf8'), /^BEGIN:VCALENDAR\r\n/);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('form.case-form'), false);
  assert.equal(await page.isVisible('.results'), true);
  await shoot(page, 'print-report');
  await context.close();
});

test('text the user types is shown as text, never run as HTML', async () => {
  // The CSP is bypassed here on purpose: the check is that the view escapes
  // user text, so an escaping bug would run the handler and fail the test.
  const { context, page } = await newPage(env.browser, { bypassCSP: true });
  await page.goto(env.base + '?mode=clerk');
  await ready(page);
  await enterS0(page);
  const evil = '<img src=x onerror="window.__pwned=1"><b>施工</b>';
  await page.fill('#f-contractors-0-name', evil);
  await page.fill('#f-title', evil);
  const f = await findings(page);
  const lic02 = f.find((x) => x.rule === 'LIC-02' && x.outcome === 'violation');
  assert.ok(lic02.text.includes(evil), `the name appears literally: ${lic02.text}`);
  assert.equal(await page.$$eval('.results img, .results b, form.case-form img', (els) => els.length), 0);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no handler ran');
  await context.close();
});

test('every "fill in this field" link of a cannot-determine finding reaches its field', async () => {
  // The scenarios of left-out inputs (tests/golden/cases/x02-missing-inputs.json),
  // plus C4 (LOAD-01 asks about hazards), imported as case files.
  const merge = (base, patch) => {
    const out = structuredClone(base);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete out[k];
      else if (typeof v === 'object' && !Array.isArray(v) && typeof out[k] === 'object' && out[k] !== null) out[k] = merge(out[k], v);
      else out[k] = v;
    }
    return out;
  };
  const golden = (name) => JSON.parse(readFileSync(join(ROOT, 'tests', 'golden', 'cases', name), 'utf8'));
  const x02 = golden('x02-missing-inputs.json');
  const cases = [x02.case, ...x02.variants.map((v) => merge(x02.case, v.patch)), golden('c04-s4-case8-sewage-plant.json').case];
  for (const mode of ['clerk', 'customer']) {
    const { context, page } = await newPage(env.browser);
    await page.goto(env.base + `?mode=${mode}`);
    await ready(page);
    let links = 0;
    const broken = [];
    for (const c of cases) {
      await page.setInputFiles('#import-file', { name: 'case.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(c)) });
      await page.waitForSelector('article.finding');
      const targets = await page.$$eval('article.finding a.fill-in', (as) => as.map((a) => a.getAttribute('href')));
      for (const href of targets) {
        links += 1;
        if (!(await page.evaluate((id) => document.getElementById(id) !== null, href.slice(1)))) broken.push(href);
      }
    }
    assert.deepEqual(broken, [], `${mode}: links to no field`);
    assert.ok(links >= 8, `${mode}: only ${links} links were checked`);
    await context.close();
  }
});
