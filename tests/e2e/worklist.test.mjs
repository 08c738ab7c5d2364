// The clerk's worklist (issue 15): 500 cases imported from a JSONL file,
// their order and states checked against values computed from the
// catalog's rules with an independent calendar (tests/e2e/worklist_oracle.py,
// PyPI chinesecalendar), never from yekuo's output; kept across a reload
// and offline; a clear undone; a refused save reported with nothing lost;
// no worklist for customers or kiosks. Run after scripts/build-web:
// `node --test --test-concurrency=1 tests/e2e/worklist.test.mjs`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { start, newPage, ready, shoot, ROOT } from './harness.mjs';

let env;
let oracle;
let casesFile;
before(async () => {
  env = await start();
  const dir = mkdtempSync(join(tmpdir(), 'yekuo-worklist-'));
  execFileSync(join(ROOT, '.venv', 'bin', 'python'), [join(ROOT, 'tests', 'e2e', 'worklist_oracle.py'), dir]);
  oracle = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  casesFile = join(dir, 'cases.jsonl');
});
after(async () => { await env.stop(); });

const STATES = { '逾期': 'overdue', '今天到期': 'due-today', '按时': 'on-time' };
/** The state a row's words name (the due-soon words carry N). */
function stateOf(text) {
  return STATES[text] ?? (/个工作日内到期$/.test(text) ? 'due-soon' : `unknown: ${text}`);
}

/** Every row the list shows, as the clerk reads them. */
async function rows(page) {
  const table = page.getByRole('table');
  return table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => {
    const cells = [...tr.children].map((c) => c.innerText.trim());
    return { title: cells[0].split('\n')[0], step: cells[1].split('\n')[0], due: cells[2].split('\n')[0], left: Number(cells[3]), state: cells[4] };
  }));
}

/** Open the worklist page and show every row. */
async function openList(page) {
  await page.getByRole('button', { name: /^预警清单/ }).click();
  await page.getByRole('heading', { name: '预警清单' }).waitFor();
  for (;;) {
    const more = page.getByRole('button', { name: '再显示 100 个' });
    if (!(await more.count())) break;
    await more.click();
  }
}

function atRisk(r) { return ['overdue', 'due-today', 'due-soon'].includes(r.state); }

test('500 imported cases: most urgent first, states and due days from the catalog; reload, offline, undo a clear', async () => {
  const { context, page } = await newPage(env.browser, { width: 1024, height: 768 });
  await page.goto(env.base + '?mode=clerk');
  await ready(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.getByRole('button', { name: /^预警清单/ }).click();
  await page.getByLabel('计算日期').fill(oracle.as_of);
  await page.getByLabel(/^导入清单文件/).setInputFiles(casesFile);
  await page.getByText('已把 500 个案例加入预警清单。').waitFor();
  await page.getByText('显示 100 / 500 个案例').waitFor();
  await openList(page);

  const expected = new Map(oracle.rows.map((r) => [r.title, r]));
  const seen = await rows(page);
  assert.equal(seen.length, 500);
  let last = null;
  for (const row of seen) {
    const want = expected.get(row.title);
    assert.ok(want, `unexpected row ${row.title}`);
    const got = { due: row.due, left: row.left, state: stateOf(row.state), step: row.step };
    assert.deepEqual(got, { due: want.due, left: want.left, state: want.state, step: '竣工检验' }, row.title);
    // Most urgent first: state, then fewest working days left, then the earlier day.
    const key = [want.rank, want.left, want.due];
    if (last) assert.ok(key[0] > last[0] || (key[0] === last[0] && (key[1] > last[1] || (key[1] === last[1] && key[2] >= last[2]))), `${row.title} after ${JSON.stringify(last)}`);
    last = key;
  }
  // The other regime (供电监管办法) is a click away.
  const first = page.getByRole('table').locator('tbody tr').first();
  await first.getByText(/^其他 1 项$/).click();
  await first.getByText(expected.get(seen[0].title).other_due, { exact: false }).waitFor();
  await shoot(page, 'worklist-tablet-zh');

  // Filters count as the oracle does.
  const count = (s) => oracle.rows.filter((r) => r.state === s).length;
  await page.getByLabel('显示').selectOption({ label: `逾期 (${count('overdue')})` });
  await page.getByText(`显示 100 / ${count('overdue')} 个案例`).waitFor();
  await page.getByLabel('显示').selectOption({ label: `今天到期 (${count('due-today')})` });
  await page.getByText(`显示 ${count('due-today')} / ${count('due-today')} 个案例`).waitFor();
  await page.getByLabel('显示').selectOption({ label: '全部 (500)' });

  // Today's warning list prints one line per case at risk, and nothing
  // else: what the page shows when it calls the browser's print.
  await page.evaluate(() => {
    window.print = () => {
      const shown = (el) => !!el && el.checkVisibility();
      const list = document.querySelector('.print-list');
      window.printed = {
        heading: list?.querySelector('h2')?.innerText,
        rows: list ? [...list.querySelectorAll('tbody tr')].filter(shown).length : 0,
        list: shown(list),
        buttons: [...document.querySelectorAll('button')].filter(shown).length,
        screenTable: shown(document.querySelector('.wl-scroll')),
      };
    };
  });
  // The button is found as a clerk sees it, then pressed with the print
  // styles on (they hide it), as they are while the browser prints.
  const printButton = await page.getByRole('button', { name: '打印今日预警清单' }).elementHandle();
  await page.emulateMedia({ media: 'print' });
  await printButton.evaluate((b) => b.click());
  await page.waitForFunction(() => window.printed);
  const printed = await page.evaluate(() => window.printed);
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(printed, { heading: `今日预警清单 · ${oracle.as_of}`, rows: oracle.rows.filter(atRisk).length,
    list: true, buttons: 0, screenTable: false });
  // Drawn for the printer only: gone again after.
  assert.equal(await page.locator('.print-list').count(), 0);

  // Every open deadline in one calendar file: two regimes per case.
  const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出全部截止日期(.ics)' }).click()]);
  const cal = readFileSync(await ics.path(), 'utf8');
  assert.equal(cal.match(/BEGIN:VEVENT/g).length, 1000);
  assert.match(cal, new RegExp(`DTSTART;VALUE=DATE:${expected.get('案例 001').due.replaceAll('-', '')}`));
  // The list as the CLI's JSONL, every case.
  const [jsonl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出清单(.jsonl)' }).click()]);
  const lines = readFileSync(await jsonl.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 500);
  assert.deepEqual(new Set(lines.map((c) => c.title)), new Set(expected.keys()));

  // A reload keeps the list and the as-of date.
  await page.reload();
  await ready(page);
  await openList(page);
  assert.equal((await rows(page)).length, 500);
  assert.equal(await page.getByLabel('计算日期').inputValue(), oracle.as_of);

  // Offline, it reloads and keeps working: "due soon" within 5 changes the
  // states at once (a case with 1..5 working days left is due soon).
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  await openList(page);
  await page.getByLabel(/“即将到期”指几个工作日内/).fill('5');
  const soon5 = oracle.rows.filter((r) => r.left >= 1 && r.left <= 5).length;
  await page.getByLabel('显示').selectOption({ label: `5 个工作日内到期 (${soon5})` });
  await page.getByLabel('显示').selectOption({ label: '全部 (500)' });

  // A clear is undone.
  await page.getByRole('button', { name: '清空清单' }).click();
  await page.getByText('清单是空的。', { exact: false }).waitFor();
  await page.getByRole('button', { name: '撤销移除' }).click();
  await page.getByText('显示 100 / 500 个案例').waitFor();

  // Opening a case loads it into the form; an edit goes back to its row:
  // the inspection done, the case's next step is power-on.
  const top = seen[0].title;
  await page.getByRole('button', { name: `打开 ${top}` }).click();
  await page.getByText(`本案例在预警清单中(“${top}”)`, { exact: false }).waitFor();
  await page.getByLabel('竣工检验日期').fill(oracle.as_of);
  await page.getByRole('button', { name: '返回预警清单' }).click();
  await openList(page);
  const after = (await rows(page)).find((r) => r.title === top);
  assert.equal(after.step, '装表接电');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a refused save is reported, the cases stay in the tab, and leaving asks first', async () => {
  const { context, page } = await newPage(env.browser, { width: 1024, height: 768 });
  // Storage full after 100 of the list's cases.
  await page.addInitScript(() => {
    const set = Storage.prototype.setItem;
    let n = 0;
    Storage.prototype.setItem = function (k, v) {
      if (k.startsWith('yekuo.v1.clerk.worklist.') && ++n > 100) throw new DOMException('full', 'QuotaExceededError');
      return set.call(this, k, v);
    };
  });
  await page.goto(env.base + '?mode=clerk');
  await ready(page);
  await page.getByRole('button', { name: /^预警清单/ }).click();
  await page.getByLabel(/^导入清单文件/).setInputFiles(casesFile);
  await page.getByText('浏览器存储已满: 预警清单中 400 个案例未能保存在本机', { exact: false }).waitFor();
  await page.getByText('显示 100 / 500 个案例').waitFor();
  let asked = false;
  page.on('dialog', async (d) => { asked = d.type() === 'beforeunload'; await d.dismiss(); });
  await page.reload().catch(() => {});
  assert.ok(asked, 'leaving the page asks first');
  await context.close();
});

test('customers and kiosks have no worklist', async () => {
  for (const query of ['', '?mode=kiosk']) {
    const { context, page } = await newPage(env.browser, { width: 390, height: 844 });
    await page.goto(env.base + query);
    await ready(page);
    assert.equal(await page.getByText('预警清单').count(), 0, query);
    assert.equal(await page.getByLabel(/^导入清单文件/).count(), 0, query);
    await context.close();
  }
});
