#!/usr/bin/env bash
# Console and fleet pages in a real browser: installs playwright-core and axe-core from npm (the
# versions in package-lock.json) into WORK, then runs one test file (default fleet_page.test.mjs)
# against Debian's chromium. Usage: run.sh SCHAUFENSTER_BINARY WORK_DIR [TEST_FILE.mjs]
set -euo pipefail
binary=$1
work=$2
test_file=${3:-fleet_page.test.mjs}
here="$(cd "$(dirname "$0")" && pwd)"
chromium=${SF_CHROMIUM:-/usr/bin/chromium}
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "fleet page test: $tool is missing (bash .ci/install-deps installs it)"; exit 1; }
done
[ -x "$chromium" ] || { echo "fleet page test: $chromium is missing (Debian package chromium; bash .ci/install-deps)"; exit 1; }

mkdir -p "$work"
# npm ci only when the lock file changed since the last install: a rerun costs nothing. The tests
# share WORK's node_modules; a lock keeps two of them from installing at once.
(
  flock 9
  if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" || [ ! -d "$work/node_modules/playwright-core" ]; then
    cp "$here/package.json" "$here/package-lock.json" "$work/"
    (cd "$work" && npm ci --no-audit --no-fund --loglevel=error)
  fi
) 9>"$work/.npm-lock"
SF_BINARY="$binary" SF_CHROMIUM="$chromium" SF_BROWSER_WORK="$work" node "$here/$test_file"
