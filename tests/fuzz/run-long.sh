#!/usr/bin/env bash
# The long fuzz run: builds the libFuzzer targets (ASan+UBSan) and fuzzes each one for a while.
# Usage: tests/fuzz/run-long.sh [seconds per target, default 600] [target…]
# Seeds come from the corpus, the regressions, assets/ and ../shared/samples. New inputs that
# reach new code are kept in build-fuzz/long/<target>/corpus (not in git), and a crash leaves
# its input in build-fuzz/long/<target>/; copy it into tests/fuzz/regressions/<target>/ with a
# fix, so `replay` (CI) proves it stays fixed. The summary (executions, coverage, crashes) is
# printed at the end and kept in build-fuzz/long/summary.txt.
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(feed config signature import_json ics csv)

command -v clang++ >/dev/null || apt-get install -y --no-install-recommends clang libclang-rt-14-dev
CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSF_FUZZ=ON -DSF_BUILD_TESTS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null || exit 1

samples=../shared/samples
out=build-fuzz/long
mkdir -p "$out"
: >"$out/summary.txt"
status=0
for t in "${targets[@]}"; do
  dir=$out/$t
  mkdir -p "$dir/corpus"
  seeds=(tests/fuzz/corpus/$t tests/fuzz/regressions/$t)
  case $t in
    feed) seeds+=(assets/feeds assets/examples) ;;
    import_json) [ -d $samples/schedules ] && seeds+=($samples/schedules) ;;
    ics) [ -d $samples/ics ] && seeds+=($samples/ics) ;;
  esac
  # The first directory is where libFuzzer writes what it finds; the rest only seed it.
  (cd "$dir" && ASAN_OPTIONS=detect_leaks=1 "$PWD/../../tests/fuzz/fuzz_$t" corpus \
     $(for s in "${seeds[@]}"; do printf '%s ' "$OLDPWD/$s"; done) \
     -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
     >log.txt 2>&1)
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$dir/log.txt" | grep -o '[0-9]*$')
  cov=$(grep -E '^#[0-9]+' "$dir/log.txt" | tail -1 | grep -o 'cov: [0-9]*' | grep -o '[0-9]*')
  ft=$(grep -E '^#[0-9]+' "$dir/log.txt" | tail -1 | grep -o 'ft: [0-9]*' | grep -o '[0-9]*')
  crashes=$(ls "$dir" | grep -cE '^(crash|leak|timeout|oom)-' || true)
  line="$t: ${seconds}s, ${execs:-?} executions, coverage ${cov:-?} edges / ${ft:-?} features, corpus $(ls "$dir/corpus" | wc -l) inputs, exit $rc, crash inputs $crashes"
  echo "$line" | tee -a "$out/summary.txt"
  [ $rc -ne 0 ] && status=1
done
exit $status
