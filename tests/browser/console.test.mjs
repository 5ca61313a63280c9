// The organisers' console in Debian's chromium against a real `serve --console --fleet` and a real
// player (a room's door screen) under a private Xvfb: sign in, send an info banner to the player's
// group, see the player show it and report it, end it; cancel a talk in the draft, publish it and
// see the door screen mark it, roll back and see it return; Screens, a Preview, sign out, and the
// old session cookie refused. On the phone, sign-in, the banner, the cancellation, publishing and
// the rollback are driven from the keyboard alone. axe-core on every page; screenshots in
// $SF_BROWSER_WORK/shots.
// Each pass is a list of named steps (STEPS below): new console pages add their steps there.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';

import { axeVerdict, freePort, namedChecks, sleep } from './support.mjs';

const work = path.resolve(process.env.SF_BROWSER_WORK);
const binary = path.resolve(process.env.SF_BINARY);
const require = createRequire(path.join(work, 'package.json'));
const { chromium } = require('playwright-core');
const axePath = require.resolve('axe-core/axe.min.js');

const token = 'console-browser-fleet-token-0123';
const screenName = 'Foyer Nord';
const group = 'foyer';
const users = { anna: { password: 'anna hat ein langes Passwort', role: 'admin' } };
const kCancelledPill = 400;  // pixels: the pill at 1280x720 covers some thousands
const shots = path.join(work, 'shots');
fs.mkdirSync(shots, { recursive: true });
const started = Date.now();

// Waits for `probe` to return something truthy; the deadline only keeps a broken run from hanging.
async function until(what, probe, ms = 20000, every = 100) {
  const end = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got) return got;
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
    await sleep(every);
  }
}

// ---- processes: every one is stopped at the end, whatever happened ----
const children = [];
function start(name, args, options = {}) {
  const log = fs.openSync(path.join(options.dir, `${name}.log`), 'w');
  const child = spawn(args[0], args.slice(1), { stdio: options.stdio || ['ignore', log, log], env: options.env || process.env });
  child.on('exit', (code, signal) => { child.exited = { code, signal }; });
  children.push(child);
  return child;
}
function stopAll() {
  for (const c of children.reverse()) if (!c.exited) c.kill('SIGTERM');
}
process.on('exit', stopAll);

// ---- the X server's screen, read from the file Xvfb keeps it in (-fbdir), in XWD layout ----
function readScreen(fbFile) {
  const b = fs.readFileSync(fbFile);
  const u = (i) => b.readUInt32BE(i * 4);
  const headerSize = u(0), width = u(4), height = u(5), byteOrder = u(7), bitsPerPixel = u(11), bytesPerLine = u(12), colours = u(19);
  assert.equal(bitsPerPixel, 32, 'Xvfb screen depth 24 keeps 32 bits a pixel');
  const start = headerSize + colours * 12;
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = start + y * bytesPerLine + x * 4;
      const v = byteOrder === 0 ? b.readUInt32LE(at) : b.readUInt32BE(at);
      rgb.set([(v >> 16) & 255, (v >> 8) & 255, v & 255], (y * width + x) * 3);
    }
  return { width, height, rgb };
}

// Rows of the screen that are (almost) all the banner's amber: the info banner runs full width.
function amberRows({ width, height, rgb }) {
  const amber = [255, 196, 77];
  let rows = 0;
  for (let y = 0; y < height; y++) {
    let n = 0;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      if (Math.abs(rgb[i] - amber[0]) < 12 && Math.abs(rgb[i + 1] - amber[1]) < 12 && Math.abs(rgb[i + 2] - amber[2]) < 12) n++;
    }
    if (n >= width * 0.95) rows++;
  }
  return rows;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function writePng(file, { width, height, rgb }) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  fs.writeFileSync(file, Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}

// ---- the checks ----
const { check, fail, failures } = namedChecks();

const axe = (page, label) => axeVerdict(page, label, axePath);

// A console page as it is now: axe-core's verdict and a screenshot named after it and the size.
async function look(t, name) {
  await t.page.screenshot({ path: path.join(shots, `console-${name}-${t.size}.png`), fullPage: true });
  await axe(t.page, `${name} at ${t.size}`);
}

// Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max` presses.
async function tabTo(page, selector, max = 40, key = 'Tab') {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${selector} was not reached with ${max} presses of ${key}`);
}

// The example conference moved in time so that its first talk starts in about 20 minutes: the
// player (on the real clock, like the announcements) then lists the talk on its room's door
// screen. Near 05:00, where a conference day turns over, the feed's zone becomes UTC instead.
function conferenceToday(feed) {
  const first = feed.events.filter((e) => !e.allDay && typeof e.room === 'string' && feed.rooms.some((r) => r.id === e.room))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0];
  const hourIn = (zone, ms) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(ms));
  const now = Date.now();
  const startsAt = Math.ceil((now + 20 * 60000) / 300000) * 300000;
  const turnsOver = (zone) => [0, 10, 20, 30, 40].some((m) => hourIn(zone, now + m * 60000) === 5 && hourIn(zone, now) !== 5);
  if (turnsOver(feed.timeZone)) feed.timeZone = 'UTC';
  const shift = startsAt - Date.parse(first.start);
  const moved = (iso) => new Date(Date.parse(iso) + shift).toISOString().replace('.000Z', 'Z');
  for (const e of feed.events) {
    e.start = moved(e.start);
    e.end = moved(e.end);
  }
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: feed.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(startsAt);
  return { id: first.id, room: first.room, title: first.title, day };
}

// Pixels in the player's colour for "live" and "cancelled" (255, 107, 107): on a door screen
// with nothing on now, only the "Abgesagt" pill of a cancelled talk is drawn in it.
function cancelledPixels({ width, height, rgb }) {
  let n = 0;
  for (let i = 0; i < width * height * 3; i += 3)
    if (Math.abs(rgb[i] - 255) < 10 && Math.abs(rgb[i + 1] - 107) < 10 && Math.abs(rgb[i + 2] - 107) < 10) n++;
  return n;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-console-browser-'));
  const run = (args, input) => execFileSync(binary, args, { input, stdio: ['pipe', 'pipe', 'pipe'] }).toString();

  // The organisers' side: users, the feed (the example conference, a revision on), published.
  for (const [name, u] of Object.entries(users))
    run(['user', 'add', path.join(dir, 'users.json'), name, '--role', u.role, '--password-stdin'], `${u.password}\n`);
  const feed = JSON.parse(fs.readFileSync(new URL('../../assets/examples/conference-feed.json', import.meta.url)));
  feed.revision += 1;
  const talk = conferenceToday(feed);
  fs.writeFileSync(path.join(dir, 'feed.json'), JSON.stringify(feed, null, 2));
  fs.mkdirSync(path.join(dir, 'www'));
  run(['publish', path.join(dir, 'feed.json'), '--to', path.join(dir, 'www')]);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  start('serve', [binary, 'serve', path.join(dir, 'www'), '--port', String(port), '--bind', '127.0.0.1', '--console',
    '--users', path.join(dir, 'users.json'), '--feed', path.join(dir, 'feed.json'), '--fleet', path.join(dir, 'fleet.db'),
    '--fleet-token', token], { dir });
  await until('serve to answer', () => fetch(`${base}/feed.json`).then((r) => r.ok, () => false), 10000, 50);

  // The screen: a private X server on a free display (it says which), its screen in a file.
  fs.mkdirSync(path.join(dir, 'fb'));
  const xvfb = start('xvfb', ['Xvfb', '-displayfd', '3', '-screen', '0', '1280x720x24', '-fbdir', path.join(dir, 'fb'), '-nolisten', 'tcp'],
    { dir, stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const display = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('Xvfb named no display within 10 s (is the package xvfb installed?)')), 10000);
    xvfb.stdio[3].on('data', (d) => {
      text += d;
      if (text.includes('\n')) { clearTimeout(timer); resolve(`:${text.trim()}`); }
    });
  });
  const fbFile = path.join(dir, 'fb', 'Xvfb_screen0');
  const config = {
    feed: `${base}/feed.json`, pollSeconds: 1, screenName, groups: [group], language: 'de',
    cacheDir: path.join(dir, 'cache'), statusPath: path.join(dir, 'status.json'),
    report: { url: `${base}/fleet/report`, token, seconds: 5 },
    room: talk.room,  // the door screen of the talk's room: its rest of the day marks a cancelled talk
  };
  fs.writeFileSync(path.join(dir, 'screen.json'), JSON.stringify(config, null, 2));
  const env = { ...process.env, DISPLAY: display };
  delete env.SDL_VIDEODRIVER;
  delete env.WAYLAND_DISPLAY;
  start('player', [binary, '--config', path.join(dir, 'screen.json')], { dir, env });
  const status = () => { try { return JSON.parse(fs.readFileSync(config.statusPath, 'utf8')); } catch { return null; } };
  const fleet = async () => (await (await fetch(`${base}/fleet/screens.json`, { headers: { Authorization: `Bearer ${token}` } })).json())
    .screens.find((s) => s.screen === screenName);
  const published = () => JSON.parse(fs.readFileSync(path.join(dir, 'www', 'feed.json'), 'utf8'));
  await until('the player to play the served feed', () => status()?.revision === published().revision && status()?.origin === 'network');
  await until('the player to report to the fleet', fleet);

  const browser = await chromium.launch({ executablePath: process.env.SF_CHROMIUM, args: ['--no-sandbox'] });
  const dialogs = [];

  // One pass: a browser of one size; `keyboard` drives every form by keys alone.
  const passes = [
    { size: '390x844', viewport: { width: 390, height: 844 }, keyboard: true, lang: 'de-DE' },
    { size: '1280x800', viewport: { width: 1280, height: 800 }, keyboard: false, lang: 'en-GB' },
  ];
  const STEPS = [
    ['the sign-in page: labelled, German or English as the browser asks', async (t) => {
      const r = await t.page.goto(`${base}/console/`);
      assert.equal(r.status(), 200);
      assert.match(t.page.url(), /\/console\/login$/);
      assert.equal(await t.page.getAttribute('html', 'lang'), t.lang.slice(0, 2));
      await look(t, 'login');
    }],
    ['sign in', async (t) => {
      const { password } = users.anna;
      if (t.keyboard) {
        await tabTo(t.page, '#user');
        await t.page.keyboard.type('anna');
        await t.page.keyboard.press('Tab');
        await t.page.keyboard.type(password);
        await Promise.all([t.page.waitForURL(/\/console\/announce$/), t.page.keyboard.press('Enter')]);
      } else {
        await t.page.fill('#user', 'anna');
        await t.page.fill('#password', password);
        await Promise.all([t.page.waitForURL(/\/console\/announce$/), t.page.click('form.card button[type=submit]')]);
      }
      const cookie = (await t.context.cookies()).find((c) => c.name === 'sf_session');
      assert.ok(cookie && cookie.httpOnly && cookie.sameSite === 'Strict', 'an HttpOnly, SameSite=Strict session cookie');
      t.session = cookie.value;
      t.csrf = await t.page.getAttribute('form.who input[name=csrf]', 'value');
      await look(t, 'announce');
    }],
    ['send an info banner to the group "foyer"', async (t) => {
      // Both languages carry script; the list shows the page's language. The size tells passes apart.
      t.texts = { de: `Kaffee im Foyer ${t.size} <script>alert(1)</script>`, en: `Coffee in the foyer ${t.size} <script>alert(2)</script>` };
      t.text = t.texts.de;
      const page = t.page;
      if (t.keyboard) {
        await tabTo(page, 'input[name=level]');  // the checked one of the group takes the focus
        assert.equal(await page.evaluate(() => document.activeElement.id), 'level-info');
        await page.keyboard.press('Space');
        await tabTo(page, '#text-de');
        await page.keyboard.type(t.text);
        await tabTo(page, 'input[name=target]');
        assert.equal(await page.evaluate(() => document.activeElement.id), 'target-all');
        await page.keyboard.press('ArrowRight');  // moves to "Groups" and selects it
        assert.equal(await page.evaluate(() => document.activeElement.id), 'target-groups');
        await tabTo(page, '#names');
        await page.keyboard.type(group);
        await tabTo(page, '#until');
        await page.keyboard.press('Control+A');
        await page.keyboard.type('20m');
        await tabTo(page, 'form.card button[type=submit]');
        t.sentAt = Date.now();
        await Promise.all([page.waitForURL(/done=sent$/), page.keyboard.press('Enter')]);
      } else {
        await page.check('#level-info');
        await page.fill('#text-de', t.text);
        await page.fill('#text-en', t.texts.en);
        await page.check('#target-groups');
        await page.fill('#names', group);
        await page.fill('#until', '20m');
        t.sentAt = Date.now();
        await Promise.all([page.waitForURL(/done=sent$/), page.click('form.card button[type=submit]')]);
      }
      const item = page.locator('ul.list li.item', { hasText: t.size });
      assert.equal(await item.count(), 1);
      t.announcementId = await item.locator('input[name=id]').getAttribute('value');
      assert.match(t.announcementId, /^console-[0-9a-f]+$/);
      await look(t, 'announce-sent');
    }],
    ['"<script>" in an announcement shows as text in the list, never runs', async (t) => {
      const item = t.page.locator('ul.list li.item', { hasText: t.size });
      assert.equal(await item.locator('p.text').textContent(), t.keyboard ? t.texts.de : t.texts[t.lang.slice(0, 2)]);
      assert.equal(await t.page.locator('main script').count(), 0);
      assert.match(await item.locator('p.meta').textContent(), new RegExp(`${group}`));
      assert.deepEqual(dialogs, []);
    }],
    ['the player shows the banner; its status and the fleet name it', async (t) => {
      const s = await until('the player to show the banner', () => {
        const st = status();
        return st?.showing?.banner === t.announcementId && st;
      });
      t.shownAfterMs = Date.now() - t.sentAt;
      assert.equal(s.revision, published().revision);
      const screen = await until('the fleet to see the revision with the banner', async () => {
        const f = await fleet();
        return f && f.revision === s.revision && f;
      });
      assert.deepEqual(screen.groups, [group]);
      const shot = await until('the banner on the glass', () => {
        const img = readScreen(fbFile);
        return amberRows(img) >= 10 && img;
      }, 10000, 200);
      writePng(path.join(shots, `console-player-banner-${t.size}.png`), shot);
      console.log(`# ${t.size}: the player showed the banner ${t.shownAfterMs} ms after "send" (poll every ${config.pollSeconds} s)`);
    }],
    ['"end now" takes it off the list, the player and the fleet', async (t) => {
      const page = t.page;
      const button = page.locator('ul.list li.item', { hasText: t.size }).locator('button.danger');
      if (t.keyboard) {
        await tabTo(page, 'ul.list li.item button.danger');
        assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), await button.getAttribute('aria-label'));
        await Promise.all([page.waitForURL(/done=ended$/), page.keyboard.press('Space')]);
      } else {
        await Promise.all([page.waitForURL(/done=ended$/), button.click()]);
      }
      assert.equal(await page.locator('ul.list li.item', { hasText: t.size }).count(), 0);
      await look(t, 'announce-ended');
      const endedAt = Date.now();
      const s = await until('the player to drop the banner', () => {
        const st = status();
        return st && st.showing?.banner == null && st.revision === published().revision && st;
      });
      const shot = await until('the glass without the banner', () => {
        const img = readScreen(fbFile);
        return amberRows(img) === 0 && img;
      }, 10000, 200);
      writePng(path.join(shots, `console-player-ended-${t.size}.png`), shot);
      await until('the fleet to see the revision without it', async () => (await fleet())?.revision === s.revision);
      console.log(`# ${t.size}: the banner left the player ${Date.now() - endedAt} ms after "end now" at the latest`);
    }],
    ['Programme: the talk\'s day, the talk, "cancel"; the list marks it cancelled', async (t) => {
      const page = t.page;
      const toTalk = `a[href="/console/programme/event?id=${talk.id}"]`, talkLink = `ul.programme ${toTalk}`;
      if (t.keyboard) {
        await tabTo(page, 'nav.sections a[href="/console/programme"]');
        await Promise.all([page.waitForURL(/\/console\/programme$/), page.keyboard.press('Enter')]);
        await tabTo(page, `nav.chips a[href="/console/programme?day=${talk.day}"]`);
        await Promise.all([page.waitForURL(new RegExp(`day=${talk.day}$`)), page.keyboard.press('Enter')]);
      } else {
        await Promise.all([page.waitForURL(/\/console\/programme$/), page.click('nav.sections a[href="/console/programme"]')]);
        await Promise.all([page.waitForURL(new RegExp(`day=${talk.day}$`)), page.click(`nav.chips a[href="/console/programme?day=${talk.day}"]`)]);
      }
      const cancelledRows = () => page.$$eval('ul.programme li.prow.cancelled a', (as) => as.map((a) => a.getAttribute('href')));
      const cancelledBefore = await cancelledRows();  // the example has a cancelled talk of its own
      if (t.keyboard) {
        await tabTo(page, talkLink);
        await Promise.all([page.waitForURL(/\/console\/programme\/event\?id=/), page.keyboard.press('Enter')]);
      } else {
        await Promise.all([page.waitForURL(/\/console\/programme\/event\?id=/), page.click(talkLink)]);
      }
      assert.equal(await page.textContent('main h1'), talk.title[t.lang.slice(0, 2)]);
      assert.equal(await page.locator('p.mark.cancelled').count(), 0);
      await look(t, 'programme-event');
      const cancel = 'form input[name=action][value=cancel]';
      assert.equal(await page.locator(cancel).count(), 1);
      if (t.keyboard) {
        await tabTo(page, 'main button.danger');
        await Promise.all([page.waitForURL(/done=saved$/), page.keyboard.press('Enter')]);
      } else {
        await Promise.all([page.waitForURL(/done=saved$/), page.click('main button.danger')]);
      }
      assert.equal(await page.locator('p.mark.cancelled.big').count(), 1);
      assert.equal(await page.locator('form input[name=action][value=uncancel]').count(), 1);
      const draft = JSON.parse(fs.readFileSync(path.join(dir, 'feed.json'), 'utf8'));
      assert.equal(draft.events.find((e) => e.id === talk.id).cancelled, true, 'the draft has the talk cancelled');
      assert.notEqual(published().events.find((e) => e.id === talk.id).cancelled, true, 'screens do not see it yet');
      if (t.keyboard) {
        await tabTo(page, 'p.back a');
        await Promise.all([page.waitForURL(new RegExp(`day=${talk.day}$`)), page.keyboard.press('Enter')]);
      } else {
        await Promise.all([page.waitForURL(new RegExp(`day=${talk.day}$`)), page.click('p.back a')]);
      }
      const row = page.locator('ul.programme li.prow', { has: page.locator(toTalk) });
      assert.equal(await row.count(), 1);
      assert.match(await row.getAttribute('class'), /\bcancelled\b/);
      assert.equal(await row.locator('.mark.cancelled').count(), 1);
      assert.deepEqual((await cancelledRows()).sort(), [...cancelledBefore, `/console/programme/event?id=${talk.id}`].sort(), 'no other talk marked');
      await look(t, 'programme');
    }],
    ['Publish (admin): the cancellation listed, "publish now"; the player shows the new revision and the talk cancelled', async (t) => {
      const page = t.page;
      if (t.keyboard) {
        await tabTo(page, 'nav.sections a[href="/console/publish"]');
        await Promise.all([page.waitForURL(/\/console\/publish$/), page.keyboard.press('Enter')]);
      } else {
        await Promise.all([page.waitForURL(/\/console\/publish$/), page.click('nav.sections a[href="/console/publish"]')]);
      }
      const lang = t.lang.slice(0, 2);
      const before = published().revision;
      assert.ok(cancelledPixels(readScreen(fbFile)) < kCancelledPill / 10, 'the draft\'s cancellation is not on the glass before publishing');
      assert.deepEqual(await page.$$eval('section.changes h3', (hs) => hs.map((h) => h.textContent)), [`${lang === 'de' ? 'Abgesagt' : 'Cancelled'} (1)`]);
      assert.match(await page.textContent('section.changes li'), new RegExp(`^${talk.title[lang]} · ${talk.day} `));
      assert.equal(await page.locator('section.changes').count(), 1);
      await look(t, 'publish-changes');
      const button = 'form[action="/console/publish"] button[type=submit]';
      if (t.keyboard) {
        await tabTo(page, button);
        t.publishedAt = Date.now();
        await Promise.all([page.waitForURL(/done=\d+$/), page.keyboard.press('Enter')]);
      } else {
        t.publishedAt = Date.now();
        await Promise.all([page.waitForURL(/done=\d+$/), page.click(button)]);
      }
      t.cancelledRevision = Number(new URL(page.url()).searchParams.get('done'));
      assert.equal(t.cancelledRevision, before + 1);
      assert.equal(published().revision, t.cancelledRevision);
      assert.equal(published().events.find((e) => e.id === talk.id).cancelled, true);
      const current = page.locator('ol.history li.release.current');
      assert.equal(await current.count(), 1);
      assert.equal(await current.locator('p.rev b').textContent(), `r${t.cancelledRevision}`);
      assert.match(await current.locator('p.meta').textContent(), /^anna /);
      assert.equal(await page.locator('p.empty').count(), 1, 'after publishing the draft shows no changes');
      await until('the player to play the new revision', () => status()?.revision === t.cancelledRevision);
      const after = Date.now() - t.publishedAt;
      const shot = await until('the cancelled talk on the glass', () => {
        const img = readScreen(fbFile);
        return cancelledPixels(img) >= kCancelledPill && img;
      }, 10000, 200);
      writePng(path.join(shots, `console-player-cancelled-${t.size}.png`), shot);
      console.log(`# ${t.size}: the player played r${t.cancelledRevision} ${after} ms after "publish now" (poll every ${config.pollSeconds} s); ` +
        `${cancelledPixels(shot)} pixels of the cancelled mark`);
      await look(t, 'published');
    }],
    ['Rollback to the release before: confirmed, in the history; the player shows the talk again, at a higher revision', async (t) => {
      const page = t.page;
      const back = t.cancelledRevision - 1;
      const link = `ol.history a[href="/console/rollback?revision=${back}"]`;
      if (t.keyboard) {
        await tabTo(page, link);
        await Promise.all([page.waitForURL(/\/console\/rollback\?revision=\d+$/), page.keyboard.press('Enter')]);
      } else {
        await Promise.all([page.waitForURL(/\/console\/rollback\?revision=\d+$/), page.click(link)]);
      }
      assert.equal(await page.textContent('main h1'), t.lang.startsWith('de') ? `Zurück zu r${back}` : `Rollback to r${back}`);
      // Taking back a cancellation counts as an edit of the talk: a remark, not a list of its own.
      assert.equal(await page.locator('main section.card p.empty').count(), 0, 'the rollback changes something');
      assert.equal(await page.locator('main section.card p.remark').count(), 1);
      await look(t, 'rollback');
      if (t.keyboard) {
        await tabTo(page, 'form.actions button.danger');
        await Promise.all([page.waitForURL(/rolledback=\d+$/), page.keyboard.press('Enter')]);
      } else {
        await Promise.all([page.waitForURL(/rolledback=\d+$/), page.click('form.actions button.danger')]);
      }
      const revision = Number(new URL(page.url()).searchParams.get('rolledback'));
      assert.equal(revision, t.cancelledRevision + 1);
      assert.notEqual(published().events.find((e) => e.id === talk.id).cancelled, true);
      const current = page.locator('ol.history li.release.current');
      assert.equal(await current.locator('p.rev b').textContent(), `r${revision}`);
      assert.match(await current.locator('p.meta').textContent(), new RegExp(t.lang.startsWith('de') ? `Zurück zu r${back}$` : `Rollback to r${back}$`));
      await look(t, 'history');
      await until('the player to play the rollback', () => status()?.revision === revision);
      const shot = await until('the talk on the glass without the cancelled mark', () => {
        const img = readScreen(fbFile);
        return cancelledPixels(img) < kCancelledPill / 10 && img;
      }, 10000, 200);
      writePng(path.join(shots, `console-player-rolledback-${t.size}.png`), shot);
      // The draft keeps the cancellation: taken back there too, the draft shows what screens show.
      await page.goto(`${base}/console/programme/event?id=${talk.id}`);
      await Promise.all([page.waitForURL(/done=saved$/), page.click('form:has(input[name=action][value=uncancel]) button[type=submit]')]);
      await page.goto(`${base}/console/publish`);
      assert.equal(await page.locator('section.changes').count(), 0, 'no change left between draft and release');
    }],
    ['Screens and Preview: the player listed; a preview of the door screen at 800x480 drawn', async (t) => {
      const page = t.page;
      await page.goto(`${base}/console/screens`);
      assert.deepEqual(await page.$$eval('ul.screens li.screen h3', (hs) => hs.map((h) => h.textContent)), [screenName]);
      await look(t, 'screens');
      await page.goto(`${base}/console/preview`);
      await page.selectOption('#pv-size', '800x480');
      await page.selectOption('#pv-view', `room:${talk.room}`);
      const asked = Date.now();
      await Promise.all([page.waitForURL(/\/console\/preview\?job=[0-9a-f]{64}$/), page.click('form.preview-form button[type=submit]')]);
      const img = page.locator('section[aria-labelledby=pv-result-h] figure.shot img');
      await img.waitFor({ timeout: 60000 });  // the page reloads itself while the picture is drawn
      await img.scrollIntoViewIfNeeded();  // it loads lazily
      const size = await until('the picture to load', () =>
        img.evaluate((i) => i.complete && i.naturalWidth > 0 && [i.naturalWidth, i.naturalHeight]).catch(() => false));
      assert.deepEqual(size, [800, 480]);
      console.log(`# ${t.size}: the preview at 800x480 was on the page ${Date.now() - asked} ms after "draw"`);
      await look(t, 'preview');
      await page.goto(`${base}/console/announce`);
    }],
    ['an admin sees the users page', async (t) => {
      const r = await t.page.goto(`${base}/console/users`);
      assert.equal(r.status(), 200);
      assert.deepEqual(await t.page.$$eval('main tbody td:first-child', (tds) => tds.map((d) => d.textContent)), ['anna']);
      await look(t, 'users');
      await t.page.goto(`${base}/console/announce`);
    }],
    ['sign out; the old session cookie is refused afterwards', async (t) => {
      const page = t.page;
      if (t.keyboard) {
        await tabTo(page, 'form.who button[type=submit]');
        await Promise.all([page.waitForURL(/\/console\/login\?out=1$/), page.keyboard.press('Enter')]);
      } else {
        await Promise.all([page.waitForURL(/\/console\/login\?out=1$/), page.click('form.who button[type=submit]')]);
      }
      assert.equal(await page.locator('p.note.ok').count(), 1);
      await look(t, 'signed-out');
      // The cookie as it was, sent again by hand: no page, no action.
      const cookie = `sf_session=${t.session}`;
      const get = await fetch(`${base}/console/announce`, { headers: { Cookie: cookie }, redirect: 'manual' });
      assert.equal(get.status, 303);
      assert.equal(get.headers.get('location'), '/console/login');
      const body = new URLSearchParams({ csrf: t.csrf, level: 'info', 'text-de': 'nach dem Abmelden', target: 'all', until: '10m' });
      const post = await fetch(`${base}/console/announce`, { method: 'POST', headers: { Cookie: cookie }, body, redirect: 'manual' });
      assert.equal(post.status, 403);
      assert.ok(!published().announcements?.some((a) => JSON.stringify(a.text).includes('nach dem Abmelden')));
    }],
  ];

  for (const pass of passes) {
    const context = await browser.newContext({ viewport: pass.viewport, locale: pass.lang, bypassCSP: true, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    const t = { ...pass, context, page };
    for (const [name, step] of STEPS)
      if (!(await check(`${pass.size}${pass.keyboard ? ', keyboard only' : ''}: ${name}`, () => step(t)))) break;  // later steps need this one
    await context.close();
  }
  await check('the audit log has each change and the refused request after sign-out', async () => {
    const lines = fs.readFileSync(path.join(dir, 'console-audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const count = (action, outcome) => lines.filter((l) => l.action === action && l.outcome === outcome).length;
    assert.equal(count('sign-in', 'ok'), passes.length);
    assert.equal(count('announce', 'ok'), passes.length);
    assert.equal(count('end-announcement', 'ok'), passes.length);
    assert.equal(count('sign-out', 'ok'), passes.length);
    assert.equal(count('announce', 'no-session'), passes.length);
    assert.equal(count('programme-cancel', 'ok'), passes.length);
    assert.equal(count('programme-uncancel', 'ok'), passes.length);
    assert.equal(count('publish', 'ok'), passes.length);
    assert.equal(count('rollback', 'ok'), passes.length);
    assert.equal(count('preview', 'queued'), passes.length);
  });
  await browser.close();
  if (failures()) console.log(`# the run's files (logs of serve, Xvfb and the player) are kept in ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

try {
  await main();
} catch (e) {
  fail(e);
} finally {
  stopAll();
}
console.log(`${failures() ? `${failures()} check(s) failed` : `all checks passed; screenshots in ${shots}`} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failures() ? 1 : 0);
