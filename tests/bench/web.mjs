// In-browser measurements for docs/performance.md (issue 4), run by
// scripts/bench after scripts/build-web. Writes target/bench/web.json.
//
// * load: time from navigation start to the app's "yekuo-usable" mark, with
//   4x CPU throttling and Slow 4G (Lighthouse's mobile profile: 150 ms RTT,
//   1.6 Mbps down, 750 kbps up), first visit (empty cache) and repeat visit
//   (service worker), for a customer (the start bundle) and a clerk (the
//   full app);
// * evaluation: the wasm evaluator on S0 case 1 (probe_evaluate);
// * keystroke: from an input event to the results updated in the DOM;
// * calendar: 1,000,000 add and count queries, yekuo's wasm against the npm
//   package chinese-days in the same page, answers compared one by one;
// * worklist: 5,000 cases, as-of change to the list updated (issue 15);
// * memory: wasm linear memory after load; bundle: raw, gzip, brotli sizes.
import { mkdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { start, newPage, ready, enterS0, ROOT } from '../e2e/harness.mjs';

const RUNS = Number(process.env.YEKUO_BENCH_RUNS || 5);
const QUERIES = Number(process.env.YEKUO_BENCH_QUERIES || 1_000_000);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };

async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8),
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

async function usableAt(page) {
  await page.waitForFunction(() => performance.getEntriesByName('yekuo-usable').length > 0, null, { timeout: 60000 });
  return page.evaluate(() => performance.getEntriesByName('yekuo-usable')[0].startTime);
}

// `query` '' is a customer's first visit (the start bundle, issue 16);
// '?mode=clerk' the full app's.
async function loadTimes(env, query = '') {
  const first = [];
  const repeat = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await newPage(env.browser, { width: 412, height: 915 });
    await throttle(context, page);
    await page.goto(env.base + query);
    first.push(await usableAt(page));
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.goto(env.base + query); // now controlled by the service worker
    repeat.push(await usableAt(page));
    await context.close();
  }
  return { first_visit_ms: median(first), repeat_visit_ms: median(repeat), first, repeat };
}

async function evaluation(env, throttled) {
  const { context, page } = await newPage(env.browser);
  if (throttled) await throttle(context, page);
  await page.goto(env.base);
  await ready(page);
  const json = readFileSync(join(ROOT, 'examples', 's0-case1-110kv.json'), 'utf8');
  const samples = await page.evaluate(async (text) => {
    // The case file is read as the page reads an imported one (the import
    // module), then evaluated by the page's own module.
    const fields = (await globalThis.yekuoImport()).read_case(new TextEncoder().encode(text));
    const m = await import('./pkg/yekuo_www.js');
    return Array.from(m.probe_evaluate(fields, '2010-07-01', 60, 50));
  }, json);
  await context.close();
  return median(samples);
}

async function keystrokes(env) {
  const { context, page } = await newPage(env.browser);
  await page.goto(env.base);
  await ready(page);
  await enterS0(page);
  const times = await page.evaluate(async () => {
    const box = document.getElementById('f-documents-D-LOAD');
    const results = document.querySelector('.results-col');
    const out = [];
    for (let i = 0; i < 200; i++) {
      const changed = new Promise((resolve) => {
        const mo = new MutationObserver(() => { mo.disconnect(); resolve(performance.now()); });
        mo.observe(results, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      const t0 = performance.now();
      box.click(); // ticks or unticks a document: the missing list changes
      out.push((await changed) - t0);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  });
  const memory = await page.evaluate(async () => (await import('./pkg/yekuo_www.js')).probe_memory_bytes());
  await context.close();
  return { keystroke_median_ms: median(times), keystroke_p95_ms: pct(times, 0.95), wasm_memory_bytes: memory };
}

async function calendarPeer(env) {
  // chinese-days is injected as a script, so this context bypasses the CSP.
  const { context, page } = await newPage(env.browser, { bypassCSP: true });
  await page.goto(env.base);
  await ready(page);
  await page.addScriptTag({ path: join(ROOT, 'node_modules', 'chinese-days', 'dist', 'index.min.js') });
  const r = await page.evaluate(async (n) => {
    const m = await import('./pkg/yekuo_www.js');
    const cd = window.chineseDays;
    // Days since 0001-01-01 (= 1), as chrono counts; 1970-01-01 is 719163.
    const EPOCH = 719163;
    const iso = (d) => new Date((d - EPOCH) * 86400000).toISOString().slice(0, 10);
    const first = Date.UTC(2004, 0, 1) / 86400000 + EPOCH;
    const last = Date.UTC(2026, 9, 31) / 86400000 + EPOCH; // answers stay inside 2026
    let seed = 12345;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const starts = new Int32Array(n);
    const ns = new Int32Array(n);
    const ends = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      starts[i] = first + (rnd() % (last - first));
      ns[i] = 1 + (rnd() % 40);
      ends[i] = starts[i] + (rnd() % 60);
    }
    const startIso = Array.from(starts, iso);
    const afterIso = Array.from(starts, (d) => iso(d + 1));
    const endIso = Array.from(ends, iso);
    let t = performance.now();
    const ourAdd = m.probe_add_working_days(starts, ns);
    const oursAddMs = performance.now() - t;
    t = performance.now();
    const ourCount = m.probe_count_working_days(starts, ends);
    const oursCountMs = performance.now() - t;
    t = performance.now();
    const peerAdd = new Array(n);
    for (let i = 0; i < n; i++) peerAdd[i] = cd.findWorkday(ns[i], startIso[i]);
    const peerAddMs = performance.now() - t;
    t = performance.now();
    const peerCount = new Int32Array(n);
    for (let i = 0; i < n; i++) peerCount[i] = ends[i] > starts[i] ? cd.getWorkdaysInRange(afterIso[i], endIso[i]).length : 0;
    const peerCountMs = performance.now() - t;
    // The one known disagreement: Saturday 2005-12-31, a working day by the
    // State Council's 2006 notice, a rest day in chinese-days 1.5.7. A
    // difference on a query that does not reach that day is unexplained.
    const known = Date.UTC(2005, 11, 31) / 86400000 + EPOCH;
    let addDiff = 0;
    let countDiff = 0;
    let unexplained = 0;
    const examples = [];
    for (let i = 0; i < n; i++) {
      if (iso(ourAdd[i]) !== peerAdd[i]) {
        addDiff++;
        if (!(starts[i] < known && known <= Math.max(ourAdd[i], Date.parse(peerAdd[i]) / 86400000 + EPOCH))) unexplained++;
        if (examples.length < 5) examples.push(['add', startIso[i], ns[i], iso(ourAdd[i]), peerAdd[i]]);
      }
      if (ourCount[i] !== peerCount[i]) {
        countDiff++;
        if (!(starts[i] < known && known <= ends[i])) unexplained++;
        if (examples.length < 5) examples.push(['count', startIso[i], endIso[i], ourCount[i], peerCount[i]]);
      }
    }
    return { n, oursAddMs, oursCountMs, peerAddMs, peerCountMs, addDiff, countDiff, unexplained, examples };
  }, QUERIES);
  await context.close();
  return r;
}

function bundle() {
  // The first load (the start bundle) and the full app's (issue 16).
  const budgets = JSON.parse(readFileSync(join(ROOT, 'tests', 'bench', 'budgets.json'), 'utf8'));
  const files = [...new Set([...budgets.first_load_gzip_bytes.files, ...budgets.full_load_gzip_bytes.files])];
  const row = (path) => {
    const data = readFileSync(path);
    return {
      raw: statSync(path).size,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  };
  const out = {};
  for (const f of files) out[f] = row(join(ROOT, 'dist', f));
  // The import module, loaded only when a case file or link is opened.
  for (const f of ['pkg/yekuo_import.js', 'pkg/yekuo_import_bg.wasm']) out[f] = row(join(ROOT, 'dist', f));
  out.single_file = row(join(ROOT, 'dist-single', 'yekuo-kiosk.html'));
  return out;
}

// The clerk's worklist (issue 15): 5,000 cases imported from a JSONL file
// (S0 case 1 with the completion inspection open, requested on days of
// June 2010, every other one low-voltage), then the as-of date changed
// back and forth: the time from the change to the list updated on screen
// (every case's deadlines recomputed, sorted, counted per filter, the
// first rows drawn). Also how long the import took and how many cases the
// browser's storage took.
async function worklist(env) {
  const N = 5000;
  const base = JSON.parse(readFileSync(join(ROOT, 'examples', 's0-case1-110kv.json'), 'utf8'));
  for (const k of ['inspected', 'inspection_passed', 'power_on']) delete base.dates[k];
  const lines = [];
  for (let i = 0; i < N; i++) {
    const c = structuredClone(base);
    c.title = `案例 ${i + 1}`;
    c.dates.completion_requested = `2010-06-${String(1 + (i % 24)).padStart(2, '0')}`;
    if (i % 2) Object.assign(c.customer, { category: '低压非居民', voltage_kv: 0.4, capacity_kva: 100 });
    lines.push(JSON.stringify(c));
  }
  mkdirSync(join(ROOT, 'target', 'bench'), { recursive: true });
  const file = join(ROOT, 'target', 'bench', `worklist-${N}.jsonl`);
  writeFileSync(file, lines.join('\n') + '\n');
  const { context, page } = await newPage(env.browser, { width: 1024, height: 768 });
  await page.goto(env.base + '?mode=clerk');
  await ready(page);
  await page.getByRole('button', { name: /^预警清单/ }).click();
  await page.getByLabel('计算日期').fill('2010-06-24');
  const t0 = Date.now();
  await page.getByLabel(/^导入清单文件/).setInputFiles(file);
  await page.getByText(`已把 ${N} 个案例加入预警清单`, { exact: false }).waitFor({ timeout: 300000 });
  const importMs = Date.now() - t0;
  await page.waitForTimeout(1000);
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => /^yekuo[.]v1[.]clerk[.]worklist[.][0-9]+$/.test(k)).length);
  const storedChars = await page.evaluate(() => Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));
  const times = await page.evaluate(async () => {
    const input = document.getElementById('worklist-as-of');
    const main = document.querySelector('main');
    const out = [];
    for (let i = 0; i < 20; i++) {
      const day = i % 2 ? '2010-06-24' : '2010-06-17';
      // Done when the count line names the new day (yew may replace the
      // line's node rather than change it, so the whole page is watched).
      const changed = new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          if (document.querySelector('.wl-count')?.textContent.includes(day)) { mo.disconnect(); resolve(performance.now()); }
        });
        mo.observe(main, { subtree: true, childList: true, characterData: true });
      });
      const t = performance.now();
      input.value = day;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      out.push((await changed) - t);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return out;
  });
  await context.close();
  return { cases: N, recompute_median_ms: median(times), recompute_max_ms: Math.max(...times), recompute_ms: times,
    import_ms: importMs, stored_cases: stored, stored_chars: storedChars };
}

const env = await start();
try {
  // YEKUO_BENCH_ONLY=worklist (or =loads: the customer's and the clerk's
  // load times) runs one measurement and only prints it.
  if (process.env.YEKUO_BENCH_ONLY === 'worklist') {
    console.log(JSON.stringify(await worklist(env), null, 2));
  } else if (process.env.YEKUO_BENCH_ONLY === 'loads') {
    console.log(JSON.stringify({ load: await loadTimes(env), load_clerk: await loadTimes(env, '?mode=clerk') }));
  } else {
  const result = {
    chromium: env.browser.version(),
    load: await loadTimes(env),
    load_clerk: await loadTimes(env, '?mode=clerk'),
    evaluate_us: { unthrottled: await evaluation(env, false), cpu4x: await evaluation(env, true) },
    ...(await keystrokes(env)),
    calendar: await calendarPeer(env),
    worklist: await worklist(env),
    bundle: bundle(),
  };
  mkdirSync(join(ROOT, 'target', 'bench'), { recursive: true });
  writeFileSync(join(ROOT, 'target', 'bench', 'web.json'), JSON.stringify(result, null, 2));
  console.log(JSON.stringify(result, null, 2));
  }
} finally {
  await env.stop();
}
