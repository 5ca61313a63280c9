// The fleet page as organisers see it, in Debian's chromium: a collector of the test's own on
// loopback with three screens (one offline, one with a fault), driven through playwright-core.
// Checks the order, the cards, the refresh, escaping, both languages and axe-core's verdict, and
// leaves screenshots at 1280x900 and 390x844 in $SF_BROWSER_WORK/shots.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

import { axeVerdict, freePort, namedChecks, sleep } from './support.mjs';

const work = path.resolve(process.env.SF_BROWSER_WORK);
const binary = path.resolve(process.env.SF_BINARY);
const require = createRequire(path.join(work, 'package.json'));
const { chromium } = require('playwright-core');
const axePath = require.resolve('axe-core/axe.min.js');

const token = 'browser-test-token-0123456789';
const shots = path.join(work, 'shots');
fs.mkdirSync(shots, { recursive: true });


// The names: one with German umlauts, one with HTML that must show as text.
const offline = 'Hörsaal 1 – Tür';
const broken = 'Mensa Süd';
const hostile = '<img src=x onerror=alert(1)><b>Foyer</b>';

function report(screen, extra) {
  return {
    screen, groups: ['campus'], rooms: [], version: '0.1.0', seconds: 60, feedUrl: 'https://example.org/feed/feed.json',
    feedId: 'campus', revision: 12, uptimeSeconds: 26000, framesPerSecond: 1, slowestFrameMs: 12, dark: false, ...extra,
  };
}

// A screen's own key, as a player makes one: returns the signature header for a report body.
function screenKey() {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64');
  return { publicKey: raw, sign: (body) => `ed25519 ${raw} ${crypto.sign(null, Buffer.from(`schaufenster report v1\n${body}`), privateKey).toString('base64')}` };
}

const collectors = [];
const { check, fail, failures } = namedChecks();

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-browser-'));
  const start = async (name) => {
    fs.mkdirSync(path.join(dir, name, 'www'), { recursive: true });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    collectors.push(spawn(binary, ['serve', path.join(dir, name, 'www'), '--port', String(port), '--bind', '127.0.0.1',
      '--timeout', '5', '--fleet', path.join(dir, name, 'fleet.db'), '--fleet-token', token], { stdio: ['ignore', 'ignore', 'ignore'] }));
    for (let i = 0; ; i++) {
      try {
        await fetch(`${base}/fleet/screens.json`);
        break;
      } catch (e) {
        if (i > 100) throw new Error('the collector did not start');
        await sleep(50);
      }
    }
    // With a key, signed as a player signs (a number larger than its last, the signature header).
    const post = async (body, key) => {
      const text = JSON.stringify(key ? { ...body, sequence: Date.now() } : body);
      const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
      if (key) headers['X-Screen-Signature'] = key.sign(text);
      const r = await fetch(`${base}/fleet/report`, { method: 'POST', headers, body: text });
      assert.equal(r.status, 200, `report of ${body.screen}: ${await r.text()}`);
    };
    return { base, post };
  };
  const { base, post } = await start('test');
  // A second fleet with ordinary names, only for the screenshots that go into the README. Its
  // screens send a player's real screenshot (a spotlight, 480 px wide); a dark one sends none.
  const showcase = await start('showcase');
  const shot = { type: 'png', data: fs.readFileSync(new URL('../fixtures/fleet-screenshot.png', import.meta.url)).toString('base64') };
  await showcase.post(report('Hörsaal 2 – Tür', { groups: ['hörsaal'], rooms: ['H2'], seconds: 1, revision: 41, contentAgeSeconds: 5400, screenshot: shot }), screenKey());
  await showcase.post(report('Mensa Süd', { groups: ['mensa'], revision: 42, fault: 'network', contentAgeSeconds: 900, screenshot: shot,
    faultText: 'Der Feed-Server antwortet nicht (Zeitüberschreitung nach 10 s); es läuft die letzte gute Revision' }), screenKey());
  await showcase.post(report('Bibliothek Eingang', { groups: ['bibliothek'], revision: 41, contentAgeSeconds: 4000, temperatureC: 58.4, screenshot: shot }));
  await showcase.post(report('Foyer Nord', { groups: ['foyer'], revision: 42, contentAgeSeconds: 900, temperatureC: 49.2, screenshot: shot }), screenKey());
  await showcase.post(report('Foyer Süd', { groups: ['foyer'], revision: 42, contentAgeSeconds: 900, temperatureC: 51.7, screenshot: shot }), screenKey());
  await showcase.post(report('Hörsaal 1 – Tür', { groups: ['hörsaal'], rooms: ['H1'], revision: 42, dark: true, contentAgeSeconds: 900 }), screenKey());
  // The offline screen keeps a one-second beat and stops: offline after 3.3 beats.
  await post(report(offline, { groups: ['hörsaal'], rooms: ['H1'], seconds: 1, revision: 11, contentAgeSeconds: 7200 }));
  const brokenKey = screenKey();
  await post(report(broken, { groups: ['mensa'], fault: 'network', faultText: 'Der Feed-Server antwortet nicht (Zeitüberschreitung nach 10 s)', contentAgeSeconds: 420 }), brokenKey);
  await post(report(hostile, { groups: ['foyer'], rooms: ['E.01'], temperatureC: 51.2, throttled: 0, contentAgeSeconds: 420, freeDiskBytes: 9e9 }));
  await sleep(4500);

  const browser = await chromium.launch({ executablePath: process.env.SF_CHROMIUM, args: ['--no-sandbox'] });
  const dialogs = [];
  const open = async (viewport, locale, query = '', at = base) => {
    const context = await browser.newContext({
      viewport, locale, bypassCSP: true, httpCredentials: { username: 'fleet', password: token }, deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    const response = await page.goto(`${at}/fleet/${query}`);
    assert.equal(response.status(), 200);
    return page;
  };
  const cards = (page) => page.$$eval('main article.card', (as) => as.map((a) => ({
    cls: a.className, name: a.querySelector('h2').textContent, badge: a.querySelector('.badge').textContent,
    rows: Object.fromEntries([...a.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])),
    htmlInName: a.querySelector('h2').children.length,
  })));
  const axe = (page, label) => axeVerdict(page, label, axePath);

  const desktop = await open({ width: 1280, height: 900 }, 'de-DE');

  await check('problems first: offline, then the fault, then the screen that is fine', async () => {
    const c = await cards(desktop);
    assert.deepEqual(c.map((x) => x.name), [offline, broken, hostile]);
    assert.deepEqual(c.map((x) => x.cls), ['card offline', 'card fault', 'card up']);
    assert.deepEqual(c.map((x) => x.badge), ['offline', 'Fehler', 'läuft']);
  });

  await check('the cards show revisions against the newest, the fault in words, temperature and where', async () => {
    const [a, b, h] = await cards(desktop);
    assert.equal(a.rows.Zeigt, 'campus r11 (1 hinter r12)');
    assert.equal(b.rows.Zeigt, 'campus r12 (aktuell)');
    assert.equal(b.rows.Fehler, 'Der Feed-Server antwortet nicht (Zeitüberschreitung nach 10 s)');
    assert.equal(h.rows.Temperatur, '51,2 °C');
    // A signed screen's card names the start of its key, to compare with the screen's journal.
    assert.equal(b.rows.Signatur, `eigener Schlüssel ${brokenKey.publicKey.slice(0, 8)}…`);
    assert.equal(a.rows.Signatur, 'keine, nur das Token');
    assert.match(a.rows['Zuletzt gemeldet'], /^vor \d+ s$/);
    const where = await desktop.$$eval('main .where', (ps) => ps.map((p) => p.textContent));
    assert.deepEqual(where, ['hörsaal · Raum H1', 'mensa', 'foyer · Raum E.01']);
    const stats = await desktop.$$eval('.stats li', (ls) => ls.map((l) => l.textContent));
    assert.deepEqual(stats, ['3Gesamt', '2Erreichbar', '1Offline', '2Zu prüfen']);
  });

  await check('HTML in a screen name is shown as text, never run', async () => {
    const h = (await cards(desktop))[2];
    assert.equal(h.name, hostile);
    assert.equal(h.htmlInName, 0);
    assert.equal(await desktop.locator('h2 img, h2 b').count(), 0);
    assert.deepEqual(dialogs, []);
  });

  await check('German for a German browser; the switch turns it English, and it stays English', async () => {
    assert.equal(await desktop.getAttribute('html', 'lang'), 'de');
    assert.equal(await desktop.textContent('h1'), 'Bildschirme');
    assert.equal(await desktop.getAttribute('.lang a[lang=de]', 'aria-current'), 'page');
    await desktop.screenshot({ path: path.join(shots, 'fleet-de-1280x900.png') });
    await Promise.all([desktop.waitForLoadState('load'), desktop.click('.lang a[lang=en]')]);
    await desktop.waitForURL(/\?lang=en$/);
    assert.equal(await desktop.getAttribute('html', 'lang'), 'en');
    assert.equal(await desktop.textContent('h1'), 'Screens');
    const [a, b] = await cards(desktop);
    assert.equal(a.rows.Shows, 'campus r11 (1 behind r12)');
    assert.equal(b.badge, 'fault');
    assert.match(a.rows['Last seen'], /^\d+ s ago$/);
    assert.equal(await desktop.getAttribute('.lang a[lang=en]', 'aria-current'), 'page');
  });

  await check('an English browser gets English without asking, ?lang=de still gives German', async () => {
    const en = await open({ width: 1280, height: 900 }, 'en-GB');
    assert.equal(await en.textContent('h1'), 'Screens');
    await en.goto(`${base}/fleet/?lang=de`);
    assert.equal(await en.textContent('h1'), 'Bildschirme');
    await en.context().close();
  });

  await check('the page refreshes itself: a new revision shows without a reload by the test', async () => {
    const before = (await cards(desktop))[1].rows.Shows;
    assert.equal(before, 'campus r12 (newest)');
    const scrolled = await desktop.evaluate(() => { window.scrollTo(0, 120); return window.scrollY; });
    await post(report(broken, { groups: ['mensa'], revision: 13 }), brokenKey);
    await desktop.waitForFunction((name) => [...document.querySelectorAll('main article')]
      .some((a) => a.querySelector('h2').textContent === name && a.textContent.includes('r13')), broken, { timeout: 25000 });
    const c = await cards(desktop);
    assert.equal(await desktop.evaluate(() => window.scrollY), scrolled);  // in place: no reload, no jump
    assert.equal(await desktop.textContent('h1'), 'Screens');  // the refresh keeps the language
    const mensa = c.find((x) => x.name === broken);
    assert.equal(mensa.rows.Shows, 'campus r13 (newest)');
    assert.equal(mensa.badge, 'up');
    // Its fault is over, and the other screens are now one revision behind: still problems first.
    assert.deepEqual(c.map((x) => x.name), [offline, hostile, broken]);
  });

  await check('axe-core finds no serious or critical problem, in both languages', async () => {
    await axe(desktop, 'en, 1280x900');
    await desktop.goto(`${base}/fleet/?lang=de`);
    await axe(desktop, 'de, 1280x900');
  });

  await check('on a phone (390x844): one column, nothing wider than the screen, no serious axe problem', async () => {
    const phone = await open({ width: 390, height: 844 }, 'de-DE');
    const widths = await phone.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      cards: [...document.querySelectorAll('main article')].map((a) => a.getBoundingClientRect().right),
    }));
    assert.ok(widths.page <= 390, `page ${widths.page} px wide`);
    for (const right of widths.cards) assert.ok(right <= 390, `a card ends at ${right} px`);
    await phone.screenshot({ path: path.join(shots, 'fleet-de-390x844.png') });
    await phone.screenshot({ path: path.join(shots, 'fleet-de-390x844-full.png'), fullPage: true });
    await axe(phone, 'de, 390x844');
    await phone.goto(`${base}/fleet/?lang=en`);
    await phone.screenshot({ path: path.join(shots, 'fleet-en-390x844.png') });
    await phone.context().close();
  });

  await desktop.goto(`${base}/fleet/?lang=en`);
  await desktop.screenshot({ path: path.join(shots, 'fleet-en-1280x900.png') });
  for (const [lang, width, height] of [['en', 1280, 900], ['de', 1280, 900], ['en', 390, 844], ['de', 390, 844]]) {
    const page = await open({ width, height }, 'de-DE', '', showcase.base);
    await page.goto(`${showcase.base}/fleet/?lang=${lang}`);
    await page.screenshot({ path: path.join(shots, `showcase-${lang}-${width}x${height}.png`) });
    await page.context().close();
  }
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

try {
  await main();
} catch (e) {
  fail(e);
} finally {
  for (const c of collectors) c.kill('SIGTERM');
}
console.log(failures() ? `${failures()} check(s) failed` : `all checks passed; screenshots in ${shots}`);
process.exit(failures() ? 1 : 0);
