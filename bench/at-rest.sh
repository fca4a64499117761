#!/bin/bash
# What the workbench costs at rest (docs/benchmarks.md, "Cost at rest"), measured as a user would:
# the launcher, a real X display (Xvfb), software rendering, the built-in simulated NAS.
#
#   bench/at-rest.sh view dashboard|charts|fleet [SECONDS] [SETTLE]
#       starts ./qatwb, waits for the window and for the simulated C62x NAS to be read, shows the
#       view, lets it settle SETTLE s (default 60: the JIT has mostly finished), then samples the JVM's CPU (utime+stime of
#       /proc/PID/stat) over SECONDS s (default 60) and its resident memory (VmRSS, VmHWM)
#   bench/at-rest.sh first-frame [RUNS]
#       time from the JVM's start to the window's first frame (-Dqatwb.benchFirstFrame=true)
#   bench/at-rest.sh cli [RUNS]
#       wall time of an offline command, 'qatwb lint FILE' (hyperfine when installed, else a loop)
#
# Needs DISPLAY (e.g. 'Xvfb :95 -screen 0 1600x1000x24 & export DISPLAY=:95') and xdotool for
# 'view'. Extra JVM options: QATWB_JAVA_OPTS, as for the launcher (-Dprism.order=sw is added).
# Settings come from a fresh XDG_CONFIG_HOME, so the window has its default size and place.
set -euo pipefail
here=$(CDPATH='' cd -- "$(dirname -- "$0")/.." && pwd)
launcher="$here/qatwb"
hz=$(getconf CLK_TCK)

die() {
    echo "at-rest: $*" >&2
    exit 2
}

# shellcheck source=proc.sh
. "$here/bench/proc.sh"

# one line per thread: id, name, utime+stime ticks (tab-separated)
thread_ticks() {
    local t stat name
    for t in /proc/"$1"/task/*; do
        stat=$(cat "$t/stat" 2>/dev/null) || continue
        name=${stat#*(}
        name=${name%)*}
        printf '%s\t%s\t%s\n' "${t##*/}" "$name" "$(cpu_ticks "$1/task/${t##*/}")"
    done
}

build() {
    # the launcher builds on first use, and its first window after a build records a class archive
    # (without exec: its PID is the shell's): do both here, so that no measurement includes them
    "$launcher" --version >/dev/null
    if [ -n "${DISPLAY:-}" ]; then
        XDG_CONFIG_HOME=$(mktemp -d) QATWB_JAVA_OPTS="${QATWB_JAVA_OPTS:-} -Dprism.order=sw -Dqatwb.benchFirstFrame=true" \
            "$launcher" >/dev/null 2>&1 || true
    fi
}

view() {
    local which=${1:-dashboard} seconds=${2:-60} settle=${3:-60}
    case $which in dashboard | charts | fleet) ;; *) die "view: dashboard, charts or fleet, not '$which'" ;; esac
    [ -n "${DISPLAY:-}" ] || die "DISPLAY is not set (start Xvfb)"
    command -v xdotool >/dev/null || die "xdotool is needed (apt-get install xdotool)"
    build
    local cfg
    cfg=$(mktemp -d)
    XDG_CONFIG_HOME=$cfg QATWB_JAVA_OPTS="${QATWB_JAVA_OPTS:-} -Dprism.order=sw" "$launcher" >"$cfg/out.log" 2>&1 &
    local pid=$!
    # shellcheck disable=SC2064
    trap "kill $pid 2>/dev/null || true; rm -rf '$cfg'" EXIT
    local win=''
    for _ in $(seq 1 60); do
        win=$(xdotool search --onlyvisible --name '^QAT Workbench$' 2>/dev/null | head -n 1 || true)
        [ -n "$win" ] && break
        sleep 1
    done
    [ -n "$win" ] || die "no window after 60 s; the workbench said: $(tail -n 5 "$cfg/out.log")"
    if [ "$which" = fleet ]; then
        # the toolbar's Fleet button (Alt+0 needs the focus in the window): the start page, which
        # shows the four built-in simulated NAS when nothing is saved and reads them every 30 s
        local geo x y
        geo=$(xdotool getwindowgeometry --shell "$win")
        x=$(sed -n 's/^X=//p' <<<"$geo")
        y=$(sed -n 's/^Y=//p' <<<"$geo")
        sleep 10
        xdotool mousemove $((x + ${FLEET_X:-234})) $((y + ${FLEET_Y:-21})) click 1
        xdotool mousemove 0 0
        settle=$((settle > 10 ? settle - 10 : 0))
    fi
    if [ "$which" = charts ]; then
        # the NAS pane's views are tabs below the NAS header: click "Live charts" (the second tab),
        # found on the window's default layout (1360 px wide; Ctrl+2 needs the focus in the pane).
        # The tabs exist once the NAS is read, which a loaded machine makes slow: click every few
        # seconds during the first half of the settling time (a click on the selected tab does
        # nothing), then move the pointer out of the way, so that no hover effect is measured
        local geo x y clicks
        geo=$(xdotool getwindowgeometry --shell "$win")
        x=$(sed -n 's/^X=//p' <<<"$geo")
        y=$(sed -n 's/^Y=//p' <<<"$geo")
        clicks=$((settle / 10 + 1))
        for _ in $(seq 1 "$clicks"); do
            sleep 5
            xdotool mousemove $((x + ${CHARTS_TAB_X:-190})) $((y + ${CHARTS_TAB_Y:-167})) click 1
            xdotool mousemove 0 0
        done
        settle=$((settle - 5 * clicks))
        if [ "$settle" -lt 0 ]; then
            settle=0
        fi
    fi
    sleep "$settle"
    kill -0 "$pid" 2>/dev/null || die "the workbench exited; it said: $(tail -n 5 "$cfg/out.log")"
    if [ -n "${SHOT:-}" ]; then
        import -window root "$SHOT"
    fi
    local t0 t1
    thread_ticks "$pid" >"$cfg/threads0"
    t0=$(cpu_ticks "$pid")
    sleep "$seconds"
    t1=$(cpu_ticks "$pid") || die "the workbench exited; it said: $(tail -n 5 "$cfg/out.log")"
    # per thread: the simulated NAS runs in this JVM (its clock, its SSH server), and a real NAS
    # would not: its share is told apart by its threads' names, and the workbench's is the rest
    thread_ticks "$pid" >"$cfg/threads1"
    awk -F'\t' -v hz="$hz" -v s="$seconds" -v list="${THREADS:-}" -v total=$((t1 - t0)) '
        NR == FNR { a[$1] = $3; next }
        { d = $3 - a[$1]; if (d <= 0) next
          if ($2 ~ /^(qatwb-sim|sshd-SshServer)/) nas += d
          else if ($2 ~ /^(C[12] Compiler|GC Thread|G1 |VM |Sweeper)/) jvm += d
          if (list != "") printf "  %6.2f %%  %s\n", 100 * d / hz / s, $2 | "sort -rn" }
        END { close("sort -rn")
              printf "  simulated NAS threads %.2f %%, JIT/GC/VM threads %.2f %%, workbench (all but the NAS) %.2f %%\n",
                  100 * nas / hz / s, 100 * jvm / hz / s, 100 * (total - nas) / hz / s }' \
        "$cfg/threads0" "$cfg/threads1"
    awk -v d=$((t1 - t0)) -v hz="$hz" -v s="$seconds" -v w="$which" -v rss="$(kib "$pid" VmRSS)" \
        -v hwm="$(kib "$pid" VmHWM)" 'BEGIN {
        printf "%s: CPU %.2f %% of one core over %d s (%d ticks at %d Hz); RSS %.0f MiB (peak %.0f MiB)\n",
            w, 100 * d / hz / s, s, d, hz, rss / 1024, hwm / 1024 }'
}

first_frame() {
    local runs=${1:-3}
    [ -n "${DISPLAY:-}" ] || die "DISPLAY is not set (start Xvfb)"
    build
    local cfg
    cfg=$(mktemp -d)
    for _ in $(seq 1 "$runs"); do
        XDG_CONFIG_HOME=$cfg QATWB_JAVA_OPTS="${QATWB_JAVA_OPTS:-} -Dprism.order=sw -Dqatwb.benchFirstFrame=true" \
            "$launcher" 2>/dev/null | grep '^first frame' || true
    done
    rm -rf "$cfg"
}

cli() {
    local runs=${1:-10}
    build
    local file="$here/conf-templates/src/main/resources/org/qatwb/templates/c6xx/pf.conf"
    if command -v hyperfine >/dev/null; then
        hyperfine -N --warmup 2 --runs "$runs" -i "$launcher lint $file"
        return
    fi
    local start end
    start=$(date +%s%N)
    for _ in $(seq 1 "$runs"); do
        "$launcher" lint "$file" >/dev/null || true
    done
    end=$(date +%s%N)
    awk -v n="$runs" -v ns=$((end - start)) 'BEGIN { printf "qatwb lint: %.3f s per run (mean of %d)\n", ns / n / 1e9, n }'
}

case ${1:-} in
    view) shift; view "$@" ;;
    first-frame) shift; first_frame "$@" ;;
    cli) shift; cli "$@" ;;
    *) die "usage: $0 view dashboard|charts|fleet [SECONDS] [SETTLE] | first-frame [RUNS] | cli [RUNS]" ;;
esac
