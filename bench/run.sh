#!/usr/bin/env bash
# 创文 benchmark: cold start, photo uploads, readiness of a large street. Run from the project root: bench/run.sh
# Options (environment variables) are described in bench/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/bench"
cd "$ROOT"

if [[ "${BENCH_QUICK:-0}" == 1 ]]; then
  : "${BENCH_COLD_RUNS:=1}" "${BENCH_PHOTOS:=10}" "${BENCH_COMMUNITIES:=5}" "${BENCH_PER_COMMUNITY:=40}"
  : "${BENCH_WARMUP:=5}" "${BENCH_REQUESTS:=50}" "${BENCH_WRK_SECONDS:=5}"
fi
PORT=${BENCH_PORT:-18080}
COLD_RUNS=${BENCH_COLD_RUNS:-3}
PHOTOS=${BENCH_PHOTOS:-50}
PHOTO_W=${BENCH_PHOTO_WIDTH:-2048}
PHOTO_H=${BENCH_PHOTO_HEIGHT:-1536}
PHOTO_Q=${BENCH_PHOTO_QUALITY:-0.92}
COMMUNITIES=${BENCH_COMMUNITIES:-20}
PER_COMMUNITY=${BENCH_PER_COMMUNITY:-500}
PARALLEL=${BENCH_PARALLEL:-4}
SEED_VIA=${BENCH_SEED_VIA:-form}
WARMUP=${BENCH_WARMUP:-20}
REQUESTS=${BENCH_REQUESTS:-200}
WRK_SECONDS=${BENCH_WRK_SECONDS:-20}
STEPS=${BENCH_STEPS:-start upload readiness}
WAIT_IDLE=${BENCH_WAIT_IDLE:-0}
export BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}

JAR="$ROOT/target/chuangwen-0.1.0-SNAPSHOT.jar"
RESULTS="$BENCH/results"
BASE="http://127.0.0.1:$PORT"

log() { printf '\n[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
has_step() { [[ " $STEPS " == *" $1 "* ]]; }

if [[ ! -f "$JAR" || "${BENCH_BUILD:-0}" == 1 ]]; then
  log "building $JAR (mvn -B -q -DskipTests package)"
  mvn -B -q -DskipTests package
fi

SAMPLER_PID=""
WORK=$(mktemp -d "${BENCH_TMP:-/tmp}/chuangwen-bench.XXXXXX")
mkdir -p "$RESULTS" "$WORK/logs"
export BENCH_KV="$WORK/results.kv"
: > "$BENCH_KV"

# Stop an app JVM we started (by its pid only): TERM, wait up to 30 s, then KILL.
stop_app() {
  local pidfile=$1 pid
  [[ -f "$pidfile" ]] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}
cleanup() {
  local rc=$?
  [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  for f in "$WORK"/*.pid; do [[ -e "$f" ]] && stop_app "$f"; done
  if [[ -d "$WORK/logs" ]]; then rm -rf "$RESULTS/logs"; cp -r "$WORK/logs" "$RESULTS/logs" 2>/dev/null || true; fi
  if [[ "${BENCH_KEEP:-0}" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

kv() { printf '%s=%s\n' "$1" "$2" >> "$BENCH_KV"; printf '  %s = %s\n' "$1" "$2"; }
bench() { java "$BENCH/Bench.java" "$@"; }

# CPU busy % of the whole machine over 2 s (anything else running skews the numbers on 2 cores)
cpu_busy() {
  local a b
  read -r -a a < <(head -1 /proc/stat)
  sleep 2
  read -r -a b < <(head -1 /proc/stat)
  local total=0 i
  for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
  local idle=$(( (b[4] - a[4]) + (b[5] - a[5]) ))
  echo $(( total > 0 ? 100 * (total - idle) / total : 0 ))
}
# Another engineer may be running Maven builds/tests on the same 2 cores: sample that every 2 s for the report
start_sampler() {
  ( while :; do
      printf '%s %s\n' "$(date +%s)" "$(pgrep -c -f 'surefire|plexus-classworlds' 2>/dev/null || true)"
      sleep 2
    done >> "$WORK/others.log" ) &
  SAMPLER_PID=$!
}
# phase NAME: marks the start of a measured phase; notes how busy the machine is (optionally waits for quiet)
phase() {
  local name=$1 busy waited=0
  busy=$(cpu_busy)
  while (( busy > 25 && waited < WAIT_IDLE )); do sleep 8; waited=$((waited + 10)); busy=$(cpu_busy); done
  printf '%s\t%s\t%s\n' "$(date +%s)" "$name" "$busy" >> "$WORK/phases"
  echo "  machine ${busy}% busy just before \"$name\"$( (( waited > 0 )) && echo " (waited ${waited}s for quiet)")"
}
phase_end() { printf '%s\t%s\t%s\n' "$(date +%s)" "-" "-" >> "$WORK/phases"; }
contention_summary() { # "phase: X% busy before, Maven/surefire running during Y% of it"
  awk -F'\t' -v samples="$WORK/others.log" '
    BEGIN { while ((getline line < samples) > 0) { split(line, f, " "); n++; ts[n] = f[1]; c[n] = f[2] } }
    { t[NR] = $1; name[NR] = $2; busy[NR] = $3 }
    END {
      out = ""
      for (i = 1; i < NR; i++) {
        if (name[i] == "-") continue
        tot = 0; hit = 0
        for (k = 1; k <= n; k++) if (ts[k] >= t[i] && ts[k] < t[i+1]) { tot++; if (c[k] > 0) hit++ }
        pct = tot ? int(100 * hit / tot) : 0
        out = out (out == "" ? "" : "; ") name[i] " (" t[i+1] - t[i] " s): " busy[i] "% busy before, other Maven/surefire JVMs running " pct "% of the time"
      }
      print out
    }' "$WORK/phases"
}

vm_mem() { # label pid
  kv "$1.vmhwm" "$(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$2/status")"
  kv "$1.vmrss" "$(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$2/status")"
}

start_app() { # label dir
  bench start "$WORK/app.jar" "$2" "$PORT" "$WORK/$1.pid" "$WORK/logs/$1.log" "$1"
}

# ---------------------------------------------------------------------------------------------------------------
log "benchmark work dir $WORK"
cp "$JAR" "$WORK/app.jar"   # a rebuild of target/ during the run cannot pull the jar from under the JVM
kv meta.date "$(date -u '+%Y-%m-%d %H:%M UTC')"
kv meta.cpus "$(nproc)"
kv meta.cpu_model "$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
kv meta.mem "$(free -g | awk '/Mem:/ {print $2 " GB"}')"
kv meta.kernel "Linux $(uname -r)"
kv meta.java "$(java -version 2>&1 | head -2 | tail -1)"
kv meta.jar "target/$(basename "$JAR"), built $(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')"
kv meta.jar_size "$(du -m "$JAR" | cut -f1) MB"
kv meta.git "$(git rev-parse --short HEAD 2>/dev/null || echo '?')$( [[ -n "$(git status --porcelain -- src pom.xml 2>/dev/null)" ]] && echo ' (src/pom had uncommitted changes)')"
kv meta.java_opts "$BENCH_JAVA_OPTS"
kv meta.settings "steps=[$STEPS] cold_runs=$COLD_RUNS photos=$PHOTOS (${PHOTO_W}x${PHOTO_H} q$PHOTO_Q) communities=$COMMUNITIES per_community=$PER_COMMUNITY parallel=$PARALLEL seed_via=$SEED_VIA warmup=$WARMUP requests=$REQUESTS wrk=${WRK_SECONDS}s"
kv meta.per_community "$PER_COMMUNITY"
kv meta.warmup "$WARMUP"
kv meta.photo_dims "${PHOTO_W}×${PHOTO_H}, quality $PHOTO_Q"

start_sampler
if has_step upload; then
  log "generating 2 × $PHOTOS distinct JPEGs (set A: one material each, set B: one request)"
  bench photos "$WORK/photos-a" "$PHOTOS" "$PHOTO_W" "$PHOTO_H" "$PHOTO_Q" 1
  bench photos "$WORK/photos-b" "$PHOTOS" "$PHOTO_W" "$PHOTO_H" "$PHOTO_Q" 2
fi

MAIN_DIR=""
if has_step start; then
  for i in $(seq 1 "$COLD_RUNS"); do
    log "1. cold start $i/$COLD_RUNS (fresh empty data dir)"
    phase "cold start $i"
    start_app "cold$i" "$WORK/cold$i"
    vm_mem "cold$i" "$(cat "$WORK/cold$i.pid")"
    stop_app "$WORK/cold$i.pid"
  done
  log "1. second start on the existing data dir of cold start $COLD_RUNS"
  phase "second start"
  start_app warm "$WORK/cold$COLD_RUNS"
  MAIN=warm
  MAIN_DIR="$WORK/cold$COLD_RUNS"
else
  log "starting the app (fresh data dir)"
  start_app main "$WORK/main"
  MAIN=main
  MAIN_DIR="$WORK/main"
fi
MAIN_PID=$(cat "$WORK/$MAIN.pid")
kv meta.vm_flags "$(jcmd "$MAIN_PID" VM.flags 2>/dev/null | tail -n +2 | tr '\n' ' ' | sed 's/ *$//' || echo '?')"

if has_step upload; then
  log "2. plain Java write of the same bytes (baseline)"
  phase "disk baseline"
  bench diskwrite "$WORK/photos-a" "$WORK/diskwrite"
  log "2. uploading $PHOTOS photos as shequ1, sequentially, then all of set B in one request"
  phase "upload"
  bench upload "$BASE" shequ1 chuangwen 和平社区 "$WORK/photos-a" "$WORK/photos-b"
  rm -rf "$WORK/photos-a" "$WORK/photos-b"
fi

if has_step readiness; then
  log "3. seeding a street of $COMMUNITIES communities × $PER_COMMUNITY materials ($PARALLEL parallel, via $SEED_VIA)"
  phase "seeding"
  bench seed "$BASE" admin chuangwen 示范区 "$COMMUNITIES" "$PER_COMMUNITY" "$PARALLEL" "$SEED_VIA"
  STREET=$(sed -n 's/^seed.street_id=//p' "$BENCH_KV" | tail -1)
  log "3. readiness latency for street $STREET ($WARMUP warm-up + $REQUESTS sequential requests each)"
  phase "readiness latency"
  bench latency "$BASE" admin chuangwen "$STREET" "$COMMUNITIES" "$WARMUP" "$REQUESTS" "$WORK/session"
  if (( WRK_SECONDS > 0 )) && command -v wrk >/dev/null; then
    SID=$(cat "$WORK/session")
    kv wrk.args "wrk -t2 -c4 -d${WRK_SECONDS}s --latency"
    wrk_run() { # name, then wrk header args, then url
      local name=$1 out; shift
      out=$(wrk -t2 -c4 -d"${WRK_SECONDS}s" --latency "$@")
      echo "$out" | sed 's/^/    /'
      kv "wrk.$name.rps" "$(echo "$out" | awk '/^Requests\/sec/ {print $2}')"
      kv "wrk.$name.requests" "$(echo "$out" | awk '/requests in/ {print $1}')"
      kv "wrk.$name.p50" "$(echo "$out" | awk '$1=="50%" {print $2}')"
      kv "wrk.$name.p90" "$(echo "$out" | awk '$1=="90%" {print $2}')"
      kv "wrk.$name.p99" "$(echo "$out" | awk '$1=="99%" {print $2}')"
      kv "wrk.$name.max" "$(echo "$out" | awk '$1=="Latency" {print $4; exit}')"
      kv "wrk.$name.non2xx" "$(echo "$out" | awk -F: '/Non-2xx/ {gsub(/ /,"",$2); print $2}' | grep . || echo 0)"
    }
    log "3. wrk: dashboard page with a session cookie, ${WRK_SECONDS}s"
    phase "wrk"
    wrk_run page -H "Cookie: JSESSIONID=$SID" "$BASE/readiness?unit=$STREET"
    code=$(curl -s -o /dev/null -w '%{http_code}' -b "JSESSIONID=$SID" "$BASE/readiness?unit=$STREET")
    [[ "$code" == 200 ]] || { echo "session no longer valid after wrk (HTTP $code): page numbers are not trustworthy"; kv wrk.page.non2xx "session lost ($code)"; }
    log "3. wrk: readiness API with HTTP Basic, ${WRK_SECONDS}s"
    wrk_run api -H "Authorization: Basic $(printf 'admin:chuangwen' | base64)" "$BASE/api/v1/readiness?orgUnitId=$STREET"
  elif (( WRK_SECONDS > 0 )); then
    echo "  wrk not installed (apt-get install -y wrk): throughput run skipped"
  fi
fi

phase_end
log "memory and storage of the app JVM"
vm_mem main "$MAIN_PID"
kv main.data_files "$(du -sh "$MAIN_DIR/data/files" | cut -f1)"
kv main.data_db "$(du -sh "$MAIN_DIR/data/db" | cut -f1)"
stop_app "$WORK/$MAIN.pid"
kv meta.busy "$(contention_summary)"

bench report "$BENCH_KV" "$RESULTS/latest.md"
cp "$BENCH_KV" "$RESULTS/latest.kv"
log "summary (also in bench/results/latest.md)"
cat "$RESULTS/latest.md"
