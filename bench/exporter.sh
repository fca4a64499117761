#!/bin/bash
# What 'qatwb exporter' costs with many NAS (docs/benchmarks.md, "Exporter"), measured as a user
# runs it: the launcher, N simulated NAS in ANOTHER JVM (so that the exporter's CPU is its own),
# saved as connections in a throw-away XDG_CONFIG_HOME, the exporter over all of them.
#
#   bench/exporter.sh
#
# Environment (all optional):
#   NAS=10           simulated NAS (alternately c62x and dh8950, each with its demonstration workload)
#   INTERVAL=1000    the exporter's --interval (ms): one stream tick per NAS per interval
#   SETTLE=60        seconds after every NAS is up before measuring (the JIT has mostly finished)
#   DURATION=300     seconds over which CPU (utime+stime of /proc/PID/stat) and RSS are sampled
#   SCRAPES=500      scrapes of /metrics timed with curl (time_total), one connection each
#   PORT=19741       the exporter's port on 127.0.0.1
#   OUT=dir          where the results go (default: a new temporary directory); rss.csv has one
#                    line every 10 s: seconds, VmRSS (KiB), CPU ticks so far
# QATWB_JAVA_OPTS reaches the exporter's JVM, as with the launcher (e.g. -Xmx128m).
# Needs curl; builds with Maven (offline) when the test classes are missing.
set -euo pipefail
here=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
NAS=${NAS:-10}
INTERVAL=${INTERVAL:-1000}
SETTLE=${SETTLE:-60}
DURATION=${DURATION:-300}
SCRAPES=${SCRAPES:-500}
PORT=${PORT:-19741}
OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/qatwb-exporter-bench.XXXXXX")}
hz=$(getconf CLK_TCK)
url="http://127.0.0.1:$PORT/metrics"

die() {
    echo "exporter-bench: $*" >&2
    exit 2
}

command -v curl >/dev/null 2>&1 || die "curl is needed"
mkdir -p "$OUT"
work=$(mktemp -d "${TMPDIR:-/tmp}/qatwb-exporter-work.XXXXXX")
sims_pid=''
exporter_pid=''

cleanup() {
    if [ -n "$exporter_pid" ] && kill -0 "$exporter_pid" 2>/dev/null; then
        kill -TERM "$exporter_pid" 2>/dev/null || true
        wait "$exporter_pid" 2>/dev/null || true
    fi
    exec 3>&- 2>/dev/null || true   # the simulators end when their stdin closes
    if [ -n "$sims_pid" ]; then
        wait "$sims_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# shellcheck source=proc.sh
. "$here/bench/proc.sh"

# the product (the launcher builds it when sources changed) and the test classes (BenchSims)
"$here/qatwb" --version >/dev/null
if [ ! -f "$here/app/target/test-classes/org/qatwb/app/exporter/BenchSims.class" ]; then
    (cd "$here" && mvn -B -q -o test-compile -pl app -am) >/dev/null || die "the test classes did not build"
fi

mkdir -p "$work/config/qatwb" "$work/state" "$work/home"
mkfifo "$work/sims.in"
java -cp "$here/app/target/test-classes:$here/app/target/qatwb-app.jar:$here/app/target/lib/*" \
    org.qatwb.app.exporter.BenchSims "$NAS" "$work/config/qatwb" <"$work/sims.in" >"$work/sims.out" 2>"$work/sims.err" &
sims_pid=$!
exec 3>"$work/sims.in"
for _ in $(seq 1 600); do
    grep -q '^ready' "$work/sims.out" 2>/dev/null && break
    kill -0 "$sims_pid" 2>/dev/null || die "the simulators did not start: $(cat "$work/sims.err")"
    sleep 0.5
done
grep -q '^ready' "$work/sims.out" || die "the simulators were not ready within 300 s"

XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" \
    "$here/qatwb" exporter --listen "127.0.0.1:$PORT" --interval "$INTERVAL" 2>"$OUT/exporter.err" &
exporter_pid=$!

up() {
    curl -s "$url" 2>/dev/null | grep -c '^qatwb_nas_up{.*} 1$' || true
}
for _ in $(seq 1 600); do
    [ "$(up)" -ge "$NAS" ] && break
    kill -0 "$exporter_pid" 2>/dev/null || die "the exporter ended: $(cat "$OUT/exporter.err")"
    sleep 0.5
done
[ "$(up)" -ge "$NAS" ] || die "not every NAS was up within 300 s: $(cat "$OUT/exporter.err")"
echo "exporter-bench: $NAS NAS up; settling ${SETTLE} s" >&2
sleep "$SETTLE"

# scrape latency, from memory: curl's own time for the whole request, Prometheus's headers
: >"$OUT/scrape-seconds.txt"
for _ in $(seq 1 "$SCRAPES"); do
    curl -s -o /dev/null -H 'Accept-Encoding: gzip' \
        -H 'Accept: application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5' \
        -w '%{time_total}\n' "$url" >>"$OUT/scrape-seconds.txt"
done
size=$(curl -s "$url" | wc -c)
size_gz=$(curl -s -H 'Accept-Encoding: gzip' "$url" | wc -c)
series=$(curl -s "$url" | grep -vc '^#' || true)
lat=$(sort -n "$OUT/scrape-seconds.txt" | awk '{ v[NR] = $1 } END {
    printf "median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", v[int(NR*0.5)]*1000, v[int(NR*0.9)]*1000,
        v[int(NR*0.99)]*1000, v[NR]*1000 }')

# CPU and memory over DURATION, a line every 10 s
echo "seconds,rss_kib,cpu_ticks" >"$OUT/rss.csv"
t0=$(cpu_ticks "$exporter_pid")
s0=$(cpu_ticks "$sims_pid")
start=$(date +%s)
while :; do
    now=$(date +%s)
    echo "$(( now - start )),$(kib "$exporter_pid" VmRSS),$(( $(cpu_ticks "$exporter_pid") - t0 ))" >>"$OUT/rss.csv"
    [ $(( now - start )) -ge "$DURATION" ] && break
    sleep 10
done
t1=$(cpu_ticks "$exporter_pid")
s1=$(cpu_ticks "$sims_pid")
elapsed=$(( $(date +%s) - start ))
cpu=$(awk -v d=$(( t1 - t0 )) -v hz="$hz" -v s="$elapsed" -v n="$NAS" \
    'BEGIN { c = d / hz / s * 100; printf "%.2f %% of a core, %.3f %% per NAS", c, c / n }')
sims_cpu=$(awk -v d=$(( s1 - s0 )) -v hz="$hz" -v s="$elapsed" 'BEGIN { printf "%.1f %% of a core", d / hz / s * 100 }')
rss=$(awk -F, 'NR > 1 { if (NR == 2) f = $2; l = $2; if ($2 > m) m = $2 } END {
    printf "first %d MiB, last %d MiB, max %d MiB", f / 1024, l / 1024, m / 1024 }' "$OUT/rss.csv")

{
    echo "NAS=$NAS INTERVAL=$INTERVAL SETTLE=$SETTLE DURATION=$DURATION SCRAPES=$SCRAPES ($(nproc) cores)"
    echo "scrape of /metrics ($series samples, $size bytes, $size_gz gzipped): $lat"
    echo "exporter CPU over ${elapsed} s: $cpu (the simulators' JVM: $sims_cpu)"
    echo "exporter RSS: $rss (every 10 s in $OUT/rss.csv)"
} | tee "$OUT/summary.txt"
