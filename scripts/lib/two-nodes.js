// Drives headless Chromium through the local balancer for scripts/two-nodes.sh and prints a Markdown report.
// Environment: BASE (the balancer), WORK (start-node.sh and the nodes' .pid files), PORT_A, PORT_B, ADMIN_EMAIL,
// ADMIN_PASSWORD, PLAYWRIGHT (Playwright's package), CHROMIUM.
'use strict';
const { chromium } = require(process.env.PLAYWRIGHT);
const { execFileSync } = require('child_process');
const fs = require('fs');

const base = process.env.BASE;
const work = process.env.WORK;
const ports = { 'node-a': process.env.PORT_A, 'node-b': process.env.PORT_B };
const directorate = 'Public Health';
const period = '2019/20 Q3';
const lines = [];
const say = (text) => { lines.push(text); console.log(text); };
const fail = (text) => { say(`**Failed:** ${text}`); throw new Error(text); };
const nodeOf = (response) => response.headers()['x-performancewheel-node'];
const pid = (node) => fs.readFileSync(`${work}/${node.slice(-1)}.pid`, 'utf8').trim();
const other = (node) => (node === 'node-a' ? 'node-b' : 'node-a');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function stop(node) {
  process.kill(Number(pid(node)), 'SIGKILL');
  // The balancer probes /health every 5 s; a failed probe takes the node out.
  await sleep(12000);
}

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  say(`# Two nodes behind a local balancer (${new Date().toISOString()})`);
  say('');
  say(`Balancer ${base} (bench/PerformanceWheel.LocalProxy: round robin, cookie affinity, WebSockets, /health probe); node-a on port ${ports['node-a']}, node-b on port ${ports['node-b']}; one PostgreSQL database and one key ring.`);
  say('');

  // 1. New browsers are spread over the nodes and keep theirs.
  const first = await browser.newContext();
  const second = await browser.newContext();
  const p1 = await first.newPage();
  const p2 = await second.newPage();
  const n1 = nodeOf(await p1.goto(`${base}/`));
  const n2 = nodeOf(await p2.goto(`${base}/`));
  const again1 = [];
  for (let i = 0; i < 3; i++) { again1.push(nodeOf(await p1.goto(`${base}/directorates`))); }
  say(`1. Two new browsers: the first served by **${n1}**, the second by **${n2}**; the first's next three pages by ${again1.join(', ')}.`);
  if (n1 === n2) { fail('both new browsers went to the same node'); }
  if (again1.some((n) => n !== n1)) { fail('the first browser did not keep its node'); }
  await second.close();

  // 2. An officer's circuit on its node.
  const page = await first.newPage({ viewport: { width: 1366, height: 900 } });
  const sockets = [];
  page.on('websocket', (ws) => sockets.push(ws.url()));
  await page.goto(`${base}/account/sign-in`);
  await page.getByLabel('Email').fill(process.env.ADMIN_EMAIL);
  await page.getByLabel('Password').fill(process.env.ADMIN_PASSWORD);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/account/sign-in'), { timeout: 60000 })
    .catch(async () => fail(`signing in did not leave the sign-in page: ${(await page.locator('main').innerText()).replace(/\s+/g, ' ').slice(0, 400)}`));
  const gridUrl = `${base}/outturns/${encodeURIComponent(directorate)}?period=${encodeURIComponent(period)}`;
  const served = nodeOf(await page.goto(gridUrl));
  await page.locator('.outturn-grid[data-interactive=true]').waitFor({ timeout: 60000 });
  const ids = await page.evaluate(() => [...document.querySelectorAll('.outturn-grid td.grid-cell')]
    .filter((c) => !c.closest('tr').cells[2].textContent.includes('No target') && !c.querySelector('input').disabled)
    .slice(0, 3).map((c) => c.querySelector('input').id));
  const preview = (id) => page.locator(`[id='preview-${id}'] .rag .visually-hidden`);
  const rated = /^(Green|Amber|Red|Blue): /;
  await page.locator(`[id='${ids[0]}']`).fill('42');
  await page.locator(`[id='${ids[0]}']`).press('Tab');
  await preview(ids[0]).filter({ hasText: rated }).waitFor({ timeout: 30000 });
  await page.getByRole('button', { name: 'Save figures' }).click();
  await page.getByText(/Saved \d+ figure/).first().waitFor({ timeout: 30000 }).catch(() => {});
  const blazorSockets = sockets.filter((u) => u.includes('/_blazor'));
  say(`2. The admin's outturn grid (${directorate}, ${period}) was served by **${served}**; its circuit runs over a WebSocket to \`/_blazor\` through the balancer (${blazorSockets.length} opened by the page); a typed 42 was previewed as "${await preview(ids[0]).textContent()}" and saved.`);
  if (served !== n1) { fail(`the grid was served by ${served}, not the browser's node ${n1}`); }
  if (blazorSockets.length === 0) { fail('no WebSocket to /_blazor: the circuit fell back to long polling'); }

  // 3. The other node goes away: nothing happens to the officer.
  const gone = other(served);
  await stop(gone);
  await page.locator(`[id='${ids[1]}']`).fill('43');
  await page.locator(`[id='${ids[1]}']`).press('Tab');
  await preview(ids[1]).filter({ hasText: rated }).waitFor({ timeout: 30000 });
  const noticeAfterOther = await page.locator('#components-reconnect-modal').isVisible();
  say(`3. ${gone} stopped (killed): the grid still previews as typed (43: "${await preview(ids[1]).textContent()}"); reconnection notice shown: ${noticeAfterOther ? 'yes' : 'no'}.`);
  if (noticeAfterOther) { fail('the notice showed although the officer\'s node is up'); }

  // 4. Bring it back, then the officer's node goes away.
  execFileSync(`${work}/start-node.sh`, [gone.slice(-1), ports[gone]], { stdio: 'ignore' });
  await sleep(12000);
  // Leaving with a typed, unsaved figure asks first (the grid's warning); the officer accepts.
  const asked = [];
  page.on('dialog', (d) => { asked.push(d.type()); d.accept(); });
  const states = [];
  await page.evaluate(() => document.getElementById('components-reconnect-modal')
    .addEventListener('components-reconnect-state-changed', (e) => { (window.__reconnect = window.__reconnect || []).push(e.detail.state); }));
  await stop(served);
  const modal = page.locator('#components-reconnect-modal');
  await modal.waitFor({ state: 'visible', timeout: 60000 });
  const notice = (await modal.innerText()).trim().replace(/\s+/g, ' ');
  states.push(...(await page.evaluate(() => window.__reconnect || [])));
  say(`4. ${gone} started again; then ${served} (the officer's node) stopped: the reconnection notice shows: "${notice}" (states so far: ${states.filter((x, i) => x !== states[i - 1]).join(' → ')}).`);
  if (!notice) { fail('the reconnection notice is shown without text'); }
  // The browser keeps trying; the balancer sends its attempts to the node left, which has no such circuit.
  const reloadedItself = await page.waitForEvent('load', { timeout: 45000 }).then(() => true).catch(() => false);
  const reloaded = reloadedItself ? null : await page.goto(gridUrl);
  const after = reloaded ? nodeOf(reloaded) : nodeOf(await page.request.get(gridUrl));
  say(`   The page ${reloadedItself ? 'reloaded itself when the node left refused the circuit' : 'was reloaded by the officer'}${asked.length ? ` (asked first: ${asked.join(', ')})` : ''}.`);

  await page.locator('.outturn-grid[data-interactive=true]').waitFor({ timeout: 60000 });
  const kept = await page.locator(`[id='${ids[0]}']`).inputValue();
  const lost = await page.locator(`[id='${ids[1]}']`).inputValue();
  say(`5. Now served by **${after}** (still signed in: the key ring is shared), with a new circuit; the saved figure reads "${kept}" (from the shared database), the unsaved one "${lost}" (it lived in the lost circuit).`);
  if (after !== gone) { fail(`the reload went to ${after}`); }
  if (page.url().includes('/account/sign-in')) { fail('the other node did not accept the cookie'); }
  if (kept !== '42') { fail(`the saved figure reads ${kept}`); }
  await browser.close();
  say('');
  say('All steps held.');
})().catch((e) => { console.error(e); process.exit(1); });
