#!/usr/bin/env bash
# 创文 benchmark: cold start, photo uploads, readiness of a large street, ZIP export of a 1 GB box (opt-in step
# "export"), activity photos filed into every served box and the fields typed per activity (opt-in step "activity").
# Survey results for 10,000 responses × 20 questions: opt-in step "surveys" (SurveyResultsBench).
# Run from the project root: bench/run.sh
# Each step runs one scenario class of src/test/java/org/chuangwen/bench (StartBench, UploadBench, ReadinessBench,
# ExportBench, ActivityBench, ActivityFlowBench; Report writes the summary), compiled here with Maven.
# Options (environment variables) are described in bench/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH="$ROOT/bench"
cd "$ROOT"

if [[ "${BENCH_QUICK:-0}" == 1 ]]; then
  : "${BENCH_COLD_RUNS:=1}" "${BENCH_PHOTOS:=10}" "${BENCH_COMMUNITIES:=5}" "${BENCH_PER_COMMUNITY:=40}"
  : "${BENCH_WARMUP:=5}" "${BENCH_REQUESTS:=50}" "${BENCH_WRK_SECONDS:=5}" "${BENCH_EXPORT_MB:=100}"
  : "${BENCH_ACTIVITY_RUNS:=2}" "${BENCH_ACTIVITY_PHOTOS:=5}"
fi
PORT=${BENCH_PORT:-18080}
PASSWORD=${BENCH_PASSWORD:-chuangwen@2026}   # the demo password
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
EXPORT_MB=${BENCH_EXPORT_MB:-1000}
EXPORT_PER_MATERIAL=${BENCH_EXPORT_PER_MATERIAL:-10}
EXPORT_PDF=${BENCH_EXPORT_PDF:-1}
EXPORT_WHOLE=${BENCH_EXPORT_WHOLE:-1}
EXPORT_SMALL_HEAP=${BENCH_EXPORT_SMALL_HEAP-256m}
DROP_CACHES=${BENCH_DROP_CACHES:-1}
ACT_RUNS=${BENCH_ACTIVITY_RUNS:-5}
ACT_PHOTOS=${BENCH_ACTIVITY_PHOTOS:-20}
export BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-}

JAR="${BENCH_JAR:-$ROOT/target/chuangwen-0.1.0-SNAPSHOT.jar}"
RESULTS="$BENCH/results"
BASE="http://127.0.0.1:$PORT"

log() { printf '\n[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
has_step() { [[ " $STEPS " == *" $1 "* ]]; }

if [[ -n "${BENCH_JAR:-}" ]]; then
  [[ -f "$JAR" ]] || { echo "BENCH_JAR=$JAR does not exist"; exit 1; }
elif [[ ! -f "$JAR" || "${BENCH_BUILD:-0}" == 1 ]]; then
  log "building $JAR (mvn -B -q -DskipTests package)"
  mvn -B -q -DskipTests package
fi
# The scenarios are classes of the test source set (src/test/java/org/chuangwen/bench): compiled once here (nothing to
# do if they are up to date), run with the project's dependencies (one classpath file, rebuilt when pom.xml changes)
log "compiling the bench scenarios (mvn -B -q -DskipTests test-compile)"
mvn -B -q -DskipTests test-compile
BENCH_DEPS="$ROOT/target/bench-classpath.txt"
if [[ ! -s "$BENCH_DEPS" || "$ROOT/pom.xml" -nt "$BENCH_DEPS" ]]; then
  mvn -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BENCH_DEPS"
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
# scenario CLASS ARGS…: one scenario class of org.chuangwen.bench (see bench/README.md, "One scenario alone")
scenario() { local class=$1; shift; java -cp "$BENCH_CP" "org.chuangwen.bench.$class" "$@"; }

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
  PHASE_T0=$(date +%s)
  printf '%s\t%s\t%s\n' "$PHASE_T0" "$name" "$busy" >> "$WORK/phases"
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
  scenario StartBench "$WORK/app.jar" "$2" "$PORT" "$WORK/$1.pid" "$WORK/logs/$1.log" "$1"
}

# ---------------------------------------------------------------------------------------------------------------
log "benchmark work dir $WORK"
cp "$JAR" "$WORK/app.jar"   # a rebuild of target/ during the run cannot pull the jar from under the JVM
# the same for the scenario classes: the bench package and the main classes it uses, copied into the work dir
mkdir -p "$WORK/bench-classes/org/chuangwen"
cp -r "$ROOT/target/test-classes/org/chuangwen/bench" "$WORK/bench-classes/org/chuangwen/"
cp -r "$ROOT/target/classes" "$WORK/main-classes"
BENCH_CP="$WORK/bench-classes:$WORK/main-classes:$(cat "$BENCH_DEPS")"
kv meta.date "$(date -u '+%Y-%m-%d %H:%M UTC')"
kv meta.cpus "$(nproc)"
kv meta.cpu_model "$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
kv meta.mem "$(free -g | awk '/Mem:/ {print $2 " GB"}')"
kv meta.kernel "Linux $(uname -r)"
kv meta.java "$(java -version 2>&1 | head -2 | tail -1)"
kv meta.jar "${BENCH_JAR:-target/$(basename "$JAR")}, built $(date -u -r "$JAR" '+%Y-%m-%d %H:%M UTC')"
kv meta.jar_size "$(du -m "$JAR" | cut -f1) MB"
if [[ -n "${BENCH_JAR:-}" ]]; then
  kv meta.git "${BENCH_JAR_COMMIT:-?} (jar given by BENCH_JAR; checkout at $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
else
  kv meta.git "$(git rev-parse --short HEAD 2>/dev/null || echo '?')$( [[ -n "$(git status --porcelain -- src pom.xml 2>/dev/null)" ]] && echo ' (src/pom had uncommitted changes)')"
fi
kv meta.java_opts "$BENCH_JAVA_OPTS"
SETTINGS="steps=[$STEPS]"
has_step start && SETTINGS+=" cold_runs=$COLD_RUNS"
has_step upload && SETTINGS+=" photos=$PHOTOS (${PHOTO_W}x${PHOTO_H} q$PHOTO_Q)"
has_step readiness && SETTINGS+=" communities=$COMMUNITIES per_community=$PER_COMMUNITY parallel=$PARALLEL seed_via=$SEED_VIA warmup=$WARMUP requests=$REQUESTS wrk=${WRK_SECONDS}s"
has_step export && SETTINGS+=" export_mb=$EXPORT_MB per_material=$EXPORT_PER_MATERIAL pdf_twin=$EXPORT_PDF whole=$EXPORT_WHOLE small_heap=${EXPORT_SMALL_HEAP:-none} per_page=${BENCH_EXPORT_PER_PAGE:-app default} drop_caches=$DROP_CACHES"
has_step activity && SETTINGS+=" activity_runs=$ACT_RUNS activity_photos=$ACT_PHOTOS (${PHOTO_W}x${PHOTO_H} q$PHOTO_Q) activity_warmup=${BENCH_ACTIVITY_WARMUP:-1}"
kv meta.settings "$SETTINGS"
kv meta.per_community "$PER_COMMUNITY"
kv meta.export_per_material "$EXPORT_PER_MATERIAL"
kv meta.warmup "$WARMUP"
kv meta.photo_dims "${PHOTO_W}×${PHOTO_H}, quality $PHOTO_Q"

start_sampler
if has_step upload; then
  log "generating 2 × $PHOTOS distinct JPEGs (set A: one material each, set B: one request)"
  scenario UploadBench photos "$WORK/photos-a" "$PHOTOS" "$PHOTO_W" "$PHOTO_H" "$PHOTO_Q" 1
  scenario UploadBench photos "$WORK/photos-b" "$PHOTOS" "$PHOTO_W" "$PHOTO_H" "$PHOTO_Q" 2
fi

MAIN_DIR=""
MAIN=""
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
elif has_step upload || has_step readiness; then
  log "starting the app (fresh data dir)"
  start_app main "$WORK/main"
  MAIN=main
  MAIN_DIR="$WORK/main"
fi
if [[ -n "$MAIN" ]]; then
  MAIN_PID=$(cat "$WORK/$MAIN.pid")
  kv meta.vm_flags "$(jcmd "$MAIN_PID" VM.flags 2>/dev/null | tail -n +2 | tr '\n' ' ' | sed 's/ *$//' || echo '?')"
fi

if has_step upload; then
  log "2. plain Java write of the same bytes (baseline)"
  phase "disk baseline"
  scenario UploadBench diskwrite "$WORK/photos-a" "$WORK/diskwrite"
  log "2. uploading $PHOTOS photos as shequ1, sequentially, then all of set B in one request"
  phase "upload"
  scenario UploadBench upload "$BASE" shequ1 "$PASSWORD" 和平社区 "$WORK/photos-a" "$WORK/photos-b"
  rm -rf "$WORK/photos-a" "$WORK/photos-b"
fi

if has_step readiness; then
  log "3. seeding a street of $COMMUNITIES communities × $PER_COMMUNITY materials ($PARALLEL parallel, via $SEED_VIA)"
  phase "seeding"
  scenario ReadinessBench seed "$BASE" admin "$PASSWORD" 示范区 "$COMMUNITIES" "$PER_COMMUNITY" "$PARALLEL" "$SEED_VIA"
  STREET=$(sed -n 's/^seed.street_id=//p' "$BENCH_KV" | tail -1)
  log "3. readiness latency for street $STREET ($WARMUP warm-up + $REQUESTS sequential requests each)"
  phase "readiness latency"
  scenario ReadinessBench latency "$BASE" admin "$PASSWORD" "$STREET" "$COMMUNITIES" "$WARMUP" "$REQUESTS" "$WORK/session"
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
    wrk_run api -H "Authorization: Basic $(printf 'admin:%s' "$PASSWORD" | base64)" "$BASE/api/v1/readiness?orgUnitId=$STREET"
  elif (( WRK_SECONDS > 0 )); then
    echo "  wrk not installed (apt-get install -y wrk): throughput run skipped"
  fi
fi

if [[ -n "$MAIN" ]]; then
  phase_end
  log "memory and storage of the app JVM"
  vm_mem main "$MAIN_PID"
  kv main.data_files "$(du -sh "$MAIN_DIR/data/files" | cut -f1)"
  kv main.data_db "$(du -sh "$MAIN_DIR/data/db" | cut -f1)"
  stop_app "$WORK/$MAIN.pid"
fi

if has_step activity; then
  # 5. Activities (issue 3): photos of one activity filed into the box of every indicator it serves; fields typed
  log "5. activities: app on a fresh data dir"
  start_app activity "$WORK/activity"
  [[ -z "$MAIN" ]] && kv meta.vm_flags "$(jcmd "$(cat "$WORK/activity.pid")" VM.flags 2>/dev/null | tail -n +2 | tr '\n' ' ' | sed 's/ *$//' || echo '?')"
  log "5. activities: $ACT_RUNS × ($ACT_PHOTOS photos in one stage request | $ACT_PHOTOS requests of one photo), each on a fresh community, as jiedao"
  phase "activity: photos"
  scenario ActivityBench "$BASE" admin "$PASSWORD" jiedao "$PASSWORD" 幸福街道 "$ACT_RUNS" "$ACT_PHOTOS" "$PHOTO_W" "$PHOTO_H" "$PHOTO_Q"
  phase_end
  kv activity.others_pct "$(awk -v t0="$PHASE_T0" '$1 >= t0 { n++; if ($2 > 0) h++ } END { print n ? int(100 * h / n) : 0 }' "$WORK/others.log")"
  log "5. activities: one activity from plan to briefing on the pages (fields typed, facts reused)"
  scenario ActivityFlowBench "$BASE" admin "$PASSWORD" jiedao "$PASSWORD" 幸福街道
  vm_mem activity "$(cat "$WORK/activity.pid")"
  kv activity.data_files "$(du -sh "$WORK/activity/data/files" | cut -f1)"
  stop_app "$WORK/activity.pid"
  rm -rf "$WORK/activity/data/files"
fi

if has_step export; then
  # 4. Export (issue 4): a community with a ≈1 GB box Ⅲ-116, exported as a ZIP, against cp of the same blob files
  EXP="$WORK/export"
  EXPORTS="$WORK/exports"
  mkdir -p "$EXPORTS"
  ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
  drop_caches() { sync; [[ "$DROP_CACHES" == 1 ]] && (echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null; }
  with_opts() { # extra JVM flags, then a command: runs it with BENCH_JAVA_OPTS extended
    local saved=$BENCH_JAVA_OPTS rc=0
    export BENCH_JAVA_OPTS="$saved $1"; shift
    "$@" || rc=$?
    export BENCH_JAVA_OPTS="$saved"
    return $rc
  }
  # cp of the listed blob files into a temp dir, cold (page cache dropped, if permitted) and warm (median of 3),
  # then zip -0 -r of the copied files and sha256sum of the blobs (warm); nothing is synced, like the export
  export_refs() {
    local list=$1 dst="$WORK/refcopy" t i runs=()
    rm -rf "$dst"; mkdir -p "$dst"
    if drop_caches; then
      t=$(date +%s%N); xargs -d '\n' -a "$list" cp -t "$dst"; kv ref.cp_cold_ms "$(ms_since "$t")"
      kv ref.drop_caches "yes (sync; echo 3 > /proc/sys/vm/drop_caches before the cold cp)"
    else
      kv ref.drop_caches "not permitted (or BENCH_DROP_CACHES=0): no cold cp"
    fi
    xargs -d '\n' -a "$list" cat > /dev/null
    for i in 1 2 3; do
      rm -rf "$dst"; mkdir -p "$dst"; sync
      t=$(date +%s%N); xargs -d '\n' -a "$list" cp -t "$dst"; runs+=("$(ms_since "$t")")
    done
    kv ref.cp_warm_all_ms "${runs[*]}"
    kv ref.cp_warm_ms "$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)"
    sync
    if command -v zip >/dev/null; then
      rm -f "$WORK/ref.zip"
      t=$(date +%s%N); (cd "$dst" && zip -0 -q -r "$WORK/ref.zip" .); kv ref.zip0_ms "$(ms_since "$t")"
      kv ref.zip0_bytes "$(stat -c %s "$WORK/ref.zip")"
      rm -f "$WORK/ref.zip"
    fi
    t=$(date +%s%N); xargs -d '\n' -a "$list" sha256sum > /dev/null; kv ref.sha256sum_ms "$(ms_since "$t")"
    rm -rf "$dst"; sync
  }
  # unzip -t; extract with Python's zipfile (Info-ZIP unzip garbles the UTF-8 names of Java-written ZIPs, see
  # README), sha256sum -c manifest.sha256; and how many names Info-ZIP's unzip lists unchanged
  verify_zip() {
    local label=$1 zip="$EXPORTS/$1.zip" d="$WORK/unzipped" out
    [[ -f "$zip" ]] || return 0
    kv "$label.unzip_t" "$(unzip -tq "$zip" 2>&1 | tail -1)"
    kv "$label.infozip_names" "$(python3 - "$zip" <<'PY'
import os, subprocess, sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
listed = subprocess.run(["unzip", "-Z1", sys.argv[1]], capture_output=True, env=dict(os.environ, LC_ALL="C.UTF-8")).stdout
listed = listed.decode("utf-8", "replace").splitlines()
print(f"{sum(1 for n in listed if n in names)} of {len(names)} names listed unchanged by Info-ZIP unzip")
PY
)"
    rm -rf "$d"; mkdir -p "$d"
    python3 -m zipfile -e "$zip" "$d"
    out=$(cd "$d" && LC_ALL=C.UTF-8 sha256sum -c manifest.sha256 2>&1) || true
    kv "$label.sha256sum_ok" "$(grep -c ': OK$' <<<"$out" || true)"
    kv "$label.sha256sum_failed" "$(grep -c ': FAILED' <<<"$out" || true)"
    kv "$label.extracted_files" "$(find "$d" -type f | wc -l)"
    rm -rf "$d" "$zip"
  }
  export_run() { # label unit codes|all pidfile-label; the measured phase ends before the download and the checks
    scenario ExportBench export "$BASE" admin "$PASSWORD" "$2" "$3" "$1" "$(cat "$WORK/$4.pid")" "$WORK/logs/$4.log" "$EXPORTS" "$EXP/data/exports"
    phase_end
    kv "$1.others_pct" "$(awk -v t0="$PHASE_T0" '$1 >= t0 { n++; if ($2 > 0) h++ } END { print n ? int(100 * h / n) : 0 }' "$WORK/others.log")"
    verify_zip "$1"
    rm -f "$EXP"/data/exports/*.zip
  }

  log "4. export: filing ≈$EXPORT_MB MB of photos ($EXPORT_PER_MATERIAL per material) into box Ⅲ-116 of a new community under 幸福街道"
  phase "export: filing"
  start_app exportfill "$EXP"
  [[ -z "$MAIN" ]] && kv meta.vm_flags "$(jcmd "$(cat "$WORK/exportfill.pid")" VM.flags 2>/dev/null | tail -n +2 | tr '\n' ' ' | sed 's/ *$//' || echo '?')"
  scenario ExportBench seed "$BASE" admin "$PASSWORD" 幸福街道 "$EXPORT_MB" "$EXPORT_PER_MATERIAL" "$PHOTO_W" "$PHOTO_H" "$PHOTO_Q" "$EXPORT_PDF" "$EXPORT_WHOLE"
  PHOTO_UNIT=$(sed -n 's/^export.photo_unit=//p' "$BENCH_KV" | tail -1)
  PDF_UNIT=$(sed -n 's/^export.pdf_unit=//p' "$BENCH_KV" | tail -1)
  phase_end
  scenario ExportBench blobs "$BASE" admin "$PASSWORD" "$PHOTO_UNIT" Ⅲ-116 "$EXP/data/files" "$WORK/box.blobs" box_files
  [[ -n "$PDF_UNIT" ]] && scenario ExportBench blobs "$BASE" admin "$PASSWORD" "$PDF_UNIT" Ⅲ-116 "$EXP/data/files" "$WORK/pdf.blobs" pdfbox_files
  [[ "$EXPORT_WHOLE" == 1 ]] && scenario ExportBench blobs "$BASE" admin "$PASSWORD" "$PHOTO_UNIT" - "$EXP/data/files" "$WORK/whole.blobs" whole_files
  stop_app "$WORK/exportfill.pid"

  log "4. reference: cp (cold and warm), zip -0 -r and sha256sum of the box's blob files"
  phase "export: cp reference"
  export_refs "$WORK/box.blobs"
  phase_end

  log "4. export of box Ⅲ-116 (app restarted on the same data, default heap, -Xlog:gc)"
  with_opts "-Xlog:gc:file=$WORK/logs/export-gc.log" start_app export "$EXP"
  kv export.jvm_opts "${BENCH_JAVA_OPTS:+$BENCH_JAVA_OPTS }-Xlog:gc:file=…"
  phase "export: photo box, default heap"
  export_run box "$PHOTO_UNIT" Ⅲ-116 export
  if [[ -n "$PDF_UNIT" ]]; then
    log "4. export of a box of PDFs of the same sizes (no photo pages)"
    phase "export: PDF box"
    export_run pdfbox "$PDF_UNIT" Ⅲ-116 export
  fi
  if [[ "$EXPORT_WHOLE" == 1 ]]; then
    log "4. export of all boxes of the community"
    phase "export: all boxes"
    export_run whole "$PHOTO_UNIT" all export
  fi
  vm_mem export "$(cat "$WORK/export.pid")"
  stop_app "$WORK/export.pid"
  scenario ExportBench gclog "$WORK/logs/export-gc.log" export

  if [[ -n "$EXPORT_SMALL_HEAP" ]]; then
    log "4. export of box Ⅲ-116 again with -Xmx$EXPORT_SMALL_HEAP"
    with_opts "-Xmx$EXPORT_SMALL_HEAP -Xlog:gc:file=$WORK/logs/exportsmall-gc.log" start_app exportsmall "$EXP"
    kv export_small.jvm_opts "${BENCH_JAVA_OPTS:+$BENCH_JAVA_OPTS }-Xmx$EXPORT_SMALL_HEAP"
    kv export_small.max_heap "$(jcmd "$(cat "$WORK/exportsmall.pid")" VM.flags 2>/dev/null | grep -o -- '-XX:MaxHeapSize=[0-9]*' | head -1 || echo '?')"
    phase "export: photo box, -Xmx$EXPORT_SMALL_HEAP"
    export_run box_small "$PHOTO_UNIT" Ⅲ-116 exportsmall
    vm_mem exportsmall "$(cat "$WORK/exportsmall.pid")"
    stop_app "$WORK/exportsmall.pid"
    scenario ExportBench gclog "$WORK/logs/exportsmall-gc.log" export_small
  fi
  kv export.data_files "$(du -sh "$EXP/data/files" | cut -f1)"
fi

if has_step surveys; then
  # 6. Survey results (issue 9): 10,000 responses × 20 questions, results over HTTP against reading the same rows
  log "6. surveys: results of ${BENCH_SURVEY_RESPONSES:-10000} responses × 20 questions, on H2 and on an embedded PostgreSQL"
  phase "surveys"
  for db in h2 postgres; do
    scenario SurveyResultsBench "$db" "${BENCH_SURVEY_RESPONSES:-10000}" "${BENCH_SURVEY_RUNS:-20}" | tee "$WORK/surveys-$db.txt"
    kv "surveys.$db.results_ms" "$(sed -n 's/.*results over HTTP, median of [0-9]*: \([0-9.]*\) ms.*/\1/p' "$WORK/surveys-$db.txt")"
    kv "surveys.$db.baseline_ms" "$(sed -n 's/.*plain JDBC, median: \([0-9.]*\) ms.*/\1/p' "$WORK/surveys-$db.txt")"
  done
  phase_end
fi

phase_end
kv meta.busy "$(contention_summary)"

scenario Report "$BENCH_KV" "$RESULTS/latest.md"
cp "$BENCH_KV" "$RESULTS/latest.kv"
log "summary (also in bench/results/latest.md)"
cat "$RESULTS/latest.md"
