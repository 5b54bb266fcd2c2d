#!/usr/bin/env bash
# Benchmark harness for factlint: generated corpora and rulebooks, timed against
# ripgrep over the same phrases. See bench/README.md.
#
#   bench/run.sh            # 10 MB and 100 MB corpora x 10, 1,000 and 10,000 facts
#   QUICK=1 bench/run.sh    # 10 MB x 10 and 1,000 facts only
#
# Environment: QUICK=1, CORPORA="10 100" (MB), FACTS="10 1000 10000", RUNS=3 (best of),
# SEED=1, KEEP=1 (keep the generated files; their directory is printed), LONG=60 (a
# command whose first run takes longer than this many seconds is not repeated).
# The Markdown table goes to standard output, progress to standard error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

QUICK="${QUICK:-0}"
RUNS="${RUNS:-3}"
SEED="${SEED:-1}"
KEEP="${KEEP:-0}"
LONG="${LONG:-60}"
if [[ "$QUICK" == 1 ]]; then
  CORPORA="${CORPORA:-10}"
  FACTS="${FACTS:-10 1000}"
else
  CORPORA="${CORPORA:-10 100}"
  FACTS="${FACTS:-10 1000 10000}"
fi

log() { printf 'bench: %s\n' "$*" >&2; }
die() {
  log "$*"
  exit 2
}

# Installs a Debian package; fails (without exiting) when that is not possible.
apt_install() {
  local pkg=$1 sudo=""
  command -v apt-get >/dev/null || return 1
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null || return 1
    sudo="sudo"
  fi
  log "installing $pkg with apt-get"
  $sudo apt-get install -y -qq "$pkg" >/dev/null 2>&1 ||
    { $sudo apt-get update -qq >/dev/null 2>&1 && $sudo apt-get install -y -qq "$pkg" >/dev/null 2>&1; }
}

command -v rg >/dev/null || apt_install ripgrep || die "ripgrep (rg) is missing and could not be installed"
[[ -x /usr/bin/time ]] || apt_install time || die "/usr/bin/time is missing and could not be installed"
command -v hyperfine >/dev/null || apt_install hyperfine || log "hyperfine unavailable; timing single files with a loop"

log "building (cargo build --release)"
cargo build --release --quiet --bin factlint --example synth >&2 || die "build failed"
FACTLINT="$ROOT/target/release/factlint"
SYNTH="$ROOT/target/release/examples/synth"

# Newer factlint checks articles in parallel and takes --threads; older is single-threaded.
THREADS_FLAG=""
if "$FACTLINT" check --help 2>/dev/null | grep -q -- '--threads'; then
  THREADS_FLAG=1
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/factlint-bench.XXXXXX")"
if [[ "$KEEP" == 1 ]]; then
  log "keeping generated files in $WORK"
else
  trap 'rm -rf "$WORK"' EXIT
fi

# measure OK_CODES CMD...: runs CMD once with stdout to /dev/null; sets WALL (seconds)
# and RSS_KB (peak resident set). Dies, showing stderr, on an exit code not in OK_CODES.
WALL=0
RSS_KB=0
measure() {
  local ok=$1 rc=0 t0 t1
  shift
  t0=$(date +%s%N)
  /usr/bin/time -v -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/stderr.txt" || rc=$?
  t1=$(date +%s%N)
  if [[ " $ok " != *" $rc "* ]]; then
    head -c 4000 "$WORK/stderr.txt" >&2
    die "exit code $rc from: $*"
  fi
  WALL=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  RSS_KB=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt")
}

# best_of N OK_CODES CMD...: the best wall time of N runs in BEST (marked "(1 run)" when
# the first run took over $LONG seconds and was not repeated), the largest peak RSS in
# PEAK_KB.
BEST=0
PEAK_KB=0
best_of() {
  local n=$1 i
  shift
  BEST=""
  PEAK_KB=0
  for ((i = 0; i < n; i++)); do
    measure "$@"
    if [[ -z "$BEST" ]] || awk -v a="$WALL" -v b="$BEST" 'BEGIN { exit !(a < b) }'; then
      BEST=$WALL
    fi
    if ((RSS_KB > PEAK_KB)); then
      PEAK_KB=$RSS_KB
    fi
    if ((i == 0 && n > 1)) && awk -v a="$WALL" -v l="$LONG" 'BEGIN { exit !(a > l) }'; then
      BEST="$WALL (1 run)"
      break
    fi
  done
}

div() { awk -v a="$1" -v b="$2" -v f="$3" 'BEGIN { if (b > 0) printf f, a / b; else print "-" }'; }

ROWS=()
for mb in $CORPORA; do
  for k in $FACTS; do
    dir="$WORK/c${mb}mb-f${k}"
    log "generating ${mb} MB corpus about a ${k}-fact rulebook (seed $SEED)"
    t0=$(date +%s%N)
    "$SYNTH" --out "$dir" --corpus-mb "$mb" --facts "$k" --seed "$SEED" 2>"$WORK/synth.txt" ||
      { cat "$WORK/synth.txt" >&2; die "synth failed"; }
    gen=$(awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
    log "$(cat "$WORK/synth.txt")"
    bytes=$(find "$dir/corpus" -type f -name '*.md' -printf '%s\n' | awk '{ s += $1 } END { print s }')
    files=$(find "$dir/corpus" -type f -name '*.md' | wc -l)
    facts=$(sed -n 's/^synth: rules: \([0-9]*\) facts.*/\1/p' "$WORK/synth.txt")
    phrases=$(wc -l <"$dir/phrases.txt")

    # One untimed run: checks the rules load (exit 2 fails the harness), warms the page
    # cache and gives the finding counts.
    log "factlint check ($files files, $facts facts): first run"
    rc=0
    "$FACTLINT" check --rules "$dir/rules" "$dir/corpus" --format json >"$WORK/report.json" 2>"$WORK/stderr.txt" || rc=$?
    if [[ $rc != 0 && $rc != 1 ]]; then
      head -c 4000 "$WORK/stderr.txt" >&2
      die "factlint exited $rc on generated input; reproduce with: $SYNTH --out DIR --corpus-mb $mb --facts $k --seed $SEED && $FACTLINT check --rules DIR/rules DIR/corpus --format json"
    fi
    errors=$(tail -c 300 "$WORK/report.json" | sed -n 's/.*"errors": *\([0-9]*\).*/\1/p')
    warnings=$(tail -c 300 "$WORK/report.json" | sed -n 's/.*"warnings": *\([0-9]*\).*/\1/p')

    log "factlint: rulebook load only, best of $RUNS"
    printf -- '---\ndate: 2020-01-01\n---\n\nNothing to see.\n' >"$WORK/tiny.md"
    best_of "$RUNS" "0 1" "$FACTLINT" check --rules "$dir/rules" "$WORK/tiny.md" --format json
    load=$BEST

    log "factlint: full check, best of $RUNS"
    best_of "$RUNS" "0 1" "$FACTLINT" check --rules "$dir/rules" "$dir/corpus" --format json
    fl=${BEST%% *}
    fl_shown=$BEST
    rss=$PEAK_KB
    fl1=$fl
    fl1_shown="$fl_shown"
    if [[ -n "$THREADS_FLAG" ]]; then
      log "factlint --threads 1: full check, best of $RUNS"
      best_of "$RUNS" "0 1" "$FACTLINT" check --threads 1 --rules "$dir/rules" "$dir/corpus" --format json
      fl1=${BEST%% *}
      fl1_shown=$BEST
    fi

    log "rg and rg -j1: best of $RUNS"
    best_of "$RUNS" "0 1" rg --count-matches -i -F -f "$dir/phrases.txt" "$dir/corpus"
    rg=${BEST%% *}
    rg_shown=$BEST
    best_of "$RUNS" "0 1" rg -j1 --count-matches -i -F -f "$dir/phrases.txt" "$dir/corpus"
    rg1=${BEST%% *}
    rg1_shown=$BEST

    ROWS+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s | %s | %s | %s |' \
      "$(div "$bytes" 1000000 '%.1f MB')" "$files" "$gen" "$facts" "$phrases" \
      "$load" "$fl_shown" "$(awk -v b="$bytes" -v s="$fl" 'BEGIN { printf "%.1f", b / 1e6 / s }')" \
      "$fl1_shown" "$(div "$rss" 1024 '%.0f')" "$errors" "$warnings" "$rg_shown" "$rg1_shown" \
      "$(div "$fl" "$rg" '%.2f')" "$(div "$fl1" "$rg1" '%.2f')")")
    [[ "$KEEP" == 1 ]] || rm -rf "$dir"
  done
done

# One article with the shipped rulebook, from the repository root (./rules), start-up
# included. No shipped article is near 5 KB, so a 5 KB one is assembled from the largest
# shipped article and the bodies of others; the largest shipped article is timed too.
largest=$(find corpus -maxdepth 1 -name '*.md' -printf '%s %p\n' | sort -n | tail -1 | cut -d' ' -f2)
five="$WORK/article-5kb.md"
cp "$largest" "$five"
for f in corpus/*.md; do
  (($(wc -c <"$five") >= 5000)) && break
  [[ "$f" == "$largest" ]] && continue
  printf '\n' >>"$five"
  awk 'n >= 2 { print } /^---$/ { n++ }' "$f" >>"$five"
done

single() { # FILE: best of 10 in BEST, and how it was measured in HOW
  local file=$1
  if command -v hyperfine >/dev/null; then
    hyperfine -N -i --warmup 3 --runs 10 --export-json "$WORK/hf.json" \
      "$FACTLINT check $file" >/dev/null 2>&1 || die "hyperfine failed on $file"
    BEST=$(sed -n 's/.*"min": *\([0-9.e+-]*\).*/\1/p' "$WORK/hf.json" | head -1)
    BEST=$(awk -v s="$BEST" 'BEGIN { printf "%.4f", s }')
    HOW="hyperfine, min of 10"
  else
    best_of 10 "0 1" "$FACTLINT" check "$file"
    HOW="loop, min of 10"
  fi
}
single "$largest"
one_small=$BEST
single "$five"
one_five=$BEST

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
ram=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
if commit=$(git rev-parse --short HEAD 2>/dev/null); then
  git diff --quiet HEAD -- src Cargo.toml Cargo.lock || commit="$commit + local changes"
else
  commit="(not a git checkout)"
fi

if [[ -n "$THREADS_FLAG" ]]; then
  THREADS_NOTE="factlint uses one thread per CPU by default; \"1 thread\" is \`--threads 1\`"
else
  THREADS_NOTE="this factlint is single-threaded (no \`--threads\`), so \"1 thread\" repeats its time"
fi

cat <<EOF
## factlint benchmark

- machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $ram RAM; $(uname -sr)
- factlint $commit; $(rustc -V); $(rg --version | awk 'NR == 1')
- corpora from \`examples/synth.rs\` (seed $SEED), one per rulebook size, written about that rulebook; best of $RUNS runs; page cache warm
- MB = 1,000,000 bytes; $THREADS_NOTE; rg uses all CPUs, rg -j1 one

| corpus | articles | gen s | facts | phrases | load s | factlint s | MB/s | 1 thread s | peak RSS MiB | errors / warnings | rg s | rg -j1 s | factlint / rg | 1 thread / rg -j1 |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
EOF
printf '%s\n' "${ROWS[@]}"
cat <<EOF

One article, shipped rulebook (\`factlint check FILE\` from the repository root, start-up included; $HOW):

| article | size | wall s |
| --- | ---: | ---: |
| $largest | $(wc -c <"$largest") B | $one_small |
| shipped articles joined to ~5 KB | $(wc -c <"$five") B | $one_five |
EOF
