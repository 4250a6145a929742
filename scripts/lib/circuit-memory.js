// Opens outturn-grid circuits in headless Chromium and reads the app's memory, for scripts/circuit-memory.sh.
// Environment: BASE, APP_PID, STEPS ("10 20 40"), DIRECTORATE, ADMIN_EMAIL, ADMIN_PASSWORD, PLAYWRIGHT, CHROMIUM.
'use strict';
const { chromium } = require(process.env.PLAYWRIGHT);
const fs = require('fs');

const base = process.env.BASE;
const pid = process.env.APP_PID;
const steps = process.env.STEPS.split(/\s+/).filter(Boolean).map(Number);
const url = `${base}/outturns/${encodeURIComponent(process.env.DIRECTORATE)}?period=${encodeURIComponent('2019/20 Q3')}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const kb = (file, key) => Number((fs.readFileSync(file, 'utf8').match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm')) || [0, 0])[1]);
const memory = () => ({ rss: kb(`/proc/${pid}/status`, 'VmRSS'), pss: kb(`/proc/${pid}/smaps_rollup`, 'Pss') });
const mb = (k) => (k / 1024).toFixed(1);

async function settle() {
  // Let the server finish the circuits' first renders and give the GC a chance to run.
  await sleep(8000);
  return memory();
}

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const signIn = await context.newPage();
  await signIn.goto(`${base}/account/sign-in`);
  await signIn.getByLabel('Email').fill(process.env.ADMIN_EMAIL);
  await signIn.getByLabel('Password').fill(process.env.ADMIN_PASSWORD);
  await signIn.getByRole('button', { name: /sign in/i }).click();
  await signIn.waitForURL((u) => !u.pathname.startsWith('/account/sign-in'));
  // Warm: one grid opened and closed, so the first step does not pay for compiling and caching.
  await signIn.goto(url);
  await signIn.locator('.outturn-grid[data-interactive=true]').waitFor({ timeout: 120000 });
  const rows = await signIn.locator('.outturn-grid tbody tr').count();
  const cells = await signIn.locator('.outturn-grid td.grid-cell input').count();
  await signIn.goto(`${base}/`);
  const idle = await settle();

  console.log(`# Memory per interactive circuit (${new Date().toISOString()})`);
  console.log('');
  console.log(`App: Release, Production, SQLite, demo council; each circuit is one tab of the outturn grid for ${process.env.DIRECTORATE}, 2019/20 Q3 (${rows} rows, ${cells} figure cells). Memory of the app process from /proc after 8 s settling.`);
  console.log('');
  console.log('| open circuits | RSS MB | PSS MB |');
  console.log('|---:|---:|---:|');
  console.log(`| 0 (warm) | ${mb(idle.rss)} | ${mb(idle.pss)} |`);
  const pages = [];
  const seen = [];
  for (const n of steps) {
    while (pages.length < n) {
      const p = await context.newPage();
      await p.goto(url);
      await p.locator('.outturn-grid[data-interactive=true]').waitFor({ timeout: 120000 });
      pages.push(p);
    }
    const m = await settle();
    seen.push({ n, ...m });
    console.log(`| ${n} | ${mb(m.rss)} | ${mb(m.pss)} |`);
  }
  // Mid-edit: a figure typed in every tab (the circuit now also holds the typed value and its preview).
  for (const p of pages) {
    const id = await p.evaluate(() => [...document.querySelectorAll('.outturn-grid td.grid-cell input')].find((i) => !i.disabled).id);
    await p.locator(`[id='${id}']`).fill('50');
    await p.locator(`[id='${id}']`).press('Tab');
  }
  const edited = await settle();
  console.log(`| ${pages.length}, a figure typed in each | ${mb(edited.rss)} | ${mb(edited.pss)} |`);
  for (const p of pages) { await p.close(); }
  const closed = await settle();
  console.log(`| 0 (all ${pages.length} tabs closed) | ${mb(closed.rss)} | ${mb(closed.pss)} |`);
  const lo = seen[0];
  const hi = seen[seen.length - 1];
  console.log('');
  console.log(`Per circuit (slope from ${lo.n} to ${hi.n} circuits): RSS ${((hi.rss - lo.rss) / (hi.n - lo.n) / 1024).toFixed(2)} MB, PSS ${((hi.pss - lo.pss) / (hi.n - lo.n) / 1024).toFixed(2)} MB.`);
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
