// Shared set-up for the end-to-end journeys: serves dist/ on a free local
// port with scripts/serve.py and starts Debian's Chromium through
// playwright-core (no browser download). Screenshots go to test-output/.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHOTS = join(ROOT, 'test-output', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--lang=zh-CN'];

function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Start the static server and the browser; returns { base, browser, stop }. */
export async function start(folder = join(ROOT, 'dist')) {
  const port = await freePort();
  const server = spawn('python3', [join(ROOT, 'scripts', 'serve.py'), folder, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    server.stdout.once('data', resolve);
    server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: FLAGS });
  return {
    base: `http://127.0.0.1:${port}/`,
    browser,
    async stop() { await browser.close(); server.kill(); },
  };
}

/** A fresh context (own storage) with Chinese locale, phone or desktop size. */
export async function newPage(browser, { width = 1280, height = 900, ...opts } = {}) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height }, ...opts });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  return { context, page };
}

export async function ready(page) {
  // Customer mode opens on the questions before applying (issue 14); the
  // full form is its second path, "我已申请，查进度".
  await page.waitForSelector('form.case-form, .journey.start', { timeout: 15000 });
  // A restore link's case may replace the start page by the form meanwhile
  // (it arrives once the import module has read it): then there is
  // nothing to click. From the start bundle the click reloads into the full
  // app (issue 16).
  const second = page.locator('.journey.start button.link');
  if (await second.count()) await second.click({ timeout: 5000 }).catch(() => {});
  await page.waitForSelector('form.case-form', { timeout: 15000 });
}

/** Enter S0 case 1 (cases.md C1) through the form, as a customer would. */
export async function enterS0(page) {
  await page.check('#f-customer-category-high-voltage');
  await page.check('#f-customer-business-new');
  await page.selectOption('#f-customer-voltage_kv', '110');
  await page.fill('#f-customer-capacity_kva', '31500');
  for (const doc of ['D-ID', 'D-PROP', 'D-LRID', 'D-EQUIP', 'D-FORM', 'D-LOAD']) {
    await page.check(`#f-documents-${doc}`);
  }
  const dates = { accepted: '2009-01-12', plan_issued: '2009-01-26', construction_start: '2010-02-12',
    completion_requested: '2010-06-15', inspected: '2010-06-26', power_on: '2010-06-26' };
  for (const [k, v] of Object.entries(dates)) await page.fill(`#f-dates-${k}`, v);
  await page.click('text=+ 添加施工单位');
  await page.fill('#f-contractors-0-name', '供电公司多经企业');
  await page.check('#f-contractors-0-licensed-yes');
  await page.selectOption('#f-contractors-0-tier', '4');
  await page.check('#f-contractors-0-categories-install');
  await page.check('#f-contractors-0-affiliate_of_utility');
}

/** The findings on the page as { rule, outcome } pairs. */
export async function findings(page) {
  return page.$$eval('article.finding', (els) => els.map((e) => ({ rule: e.dataset.rule, outcome: e.dataset.outcome, text: e.textContent })));
}

/** A screenshot of the whole page. The viewport is made as tall as the page
 *  first, so the sticky results column shows in full rather than clipped. */
export async function shoot(page, name) {
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.min(height, 12000) });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.setViewportSize(size);
}

/** Every visible run of Chinese on the page that no lang="zh…" element holds,
 *  with the lang that does hold it. Text in <details> counts even when closed
 *  (we open them all first anyway); hidden elements (display:none) do not. */
export function unmarkedChinese(page, typed = []) {
  return page.evaluate((typed) => {
    const han = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      let text = n.textContent;
      for (const t of typed) text = text.split(t).join('');
      if (!han.test(text)) continue;
      const el = n.parentElement;
      if (!el || el.closest('script,style,template,[hidden]')) continue;
      // Options of a closed <select> and text in <details> have no boxes but are read.
      if (el.getClientRects().length === 0 && !el.closest('details,select')) continue;
      const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
      if (!lang.toLowerCase().startsWith('zh')) out.push(`${lang}: ${el.tagName.toLowerCase()}.${el.className} "${text.trim().slice(0, 80)}"`);
    }
    // Words a screen reader says from attributes count too.
    for (const el of document.body.querySelectorAll('[aria-label],[title],[placeholder],[alt]')) {
      if (el.closest('[hidden]')) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (!v || !han.test(v)) continue;
        const lang = el.closest('[lang]')?.getAttribute('lang') ?? '';
        if (!lang.toLowerCase().startsWith('zh')) out.push(`${lang}: ${el.tagName.toLowerCase()}[${a}] "${v.slice(0, 80)}"`);
      }
    }
    return out;
  }, typed);
}

/** Serious or critical axe problems on the page as it is now. axe is
 *  injected as an inline script: the context must bypass the CSP. */
export async function axeProblems(page, name, minPasses = 10) {
  await page.addScriptTag({ content: readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8') });
  const r = await page.evaluate(() => window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }));
  if (r.passes.length <= minPasses) throw new Error(`axe ran only ${r.passes.length} checks on ${name}`);
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${name}: ${v.id} ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** What a customer's page never shows: rule codes, document codes, marks
 *  and case-file field paths. */
export const NOT_FOR_CUSTOMERS = [
  /\b(TL|DOC|LIC|PLAN|NOTICE|CAL|OTH|IND|CON|LOAD)-\d\d\b/,
  /\bD-[A-Z]{2,}\b/,
  /\[(V|S|R|X)\]/,
  /\b(customer|dates|supply|utility|contractors|documents)(\.|\[)\w/,
];
