// What the browser tests share: a free loopback port, waiting, named checks that keep going after
// a failure and count it, and axe-core's verdict on a page (serious or critical findings fail).
import assert from 'node:assert/strict';
import net from 'node:net';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// check(name, fn) runs fn, prints "ok - name (ms)" or "not ok - name" with the error, and returns
// whether it passed; fail(error) counts an error outside any check; failures() is how many failed.
export function namedChecks() {
  let failed = 0;
  return {
    async check(name, fn) {
      const t0 = Date.now();
      try {
        await fn();
        console.log(`ok - ${name} (${Date.now() - t0} ms)`);
        return true;
      } catch (e) {
        failed += 1;
        console.log(`not ok - ${name}\n${e.stack || e}`);
        return false;
      }
    },
    fail(e) {
      failed += 1;
      console.log(`not ok - ${e.stack || e}`);
    },
    failures: () => failed,
  };
}

// axe-core (from `axePath`) on the page as it is: minor findings are printed, serious and
// critical ones fail with where they are.
export async function axeVerdict(page, label, axePath) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const where = (v) => v.nodes.map((n) => n.target.join(' ')).join('; ');
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const minor = result.violations.filter((v) => !serious.includes(v));
  if (minor.length) console.log(`# axe (${label}), minor: ${minor.map((v) => `${v.id} (${v.impact}) at ${where(v)}`).join(', ')}`);
  assert.deepEqual(serious.map((v) => `${v.id}: ${v.help} at ${where(v)}`), [], label);
}
