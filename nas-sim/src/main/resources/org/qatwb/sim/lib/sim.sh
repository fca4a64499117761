# QAT Workbench simulated NAS: shell library of the stand-ins in $QATWB_ROOT/sim-bin.
# shellcheck shell=sh
# Sourced, never run. POSIX sh (dash, busybox ash).
#
# Read-only answers (adf_ctl status, dmesg, zfs get, ...) are files under .sim/state that the
# simulator keeps current: printing one costs a cat. Anything that changes the simulated machine
# is a request to the simulator's JVM, see sim_request below.

SIM_DIR="$QATWB_ROOT/.sim"
# read by the stand-ins that source this file
# shellcheck disable=SC2034
SIM_STATE="$SIM_DIR/state"
# shellcheck disable=SC2034 # read by zfs and zpool
SIM_LIB="$SIM_DIR/lib"
# The caller's PATH, for a command run on its behalf (sudo), and the system's, for our own tools:
# the stand-ins must not call each other by accident.
SIM_ORIG_PATH=$PATH
SYS_PATH=${PATH#"$QATWB_ROOT/sim-bin:"}
PATH=$SYS_PATH

# sim_which TOOL: the system's TOOL, never a stand-in: not the one in sim-bin, nor a link to it (a
# real sshd's PATH holds links to the stand-ins, see SimulatedNas.toolsForRealSshd).
sim_which() {
    _wifs=$IFS
    IFS=:
    for _wd in $SIM_ORIG_PATH; do
        IFS=$_wifs
        _wt=${_wd:-.}/$1
        # -ef is not POSIX, but dash, bash and busybox ash (the shells the simulator runs on) have it,
        # and nothing POSIX tells a hard or symbolic link to the stand-in from another file
        # shellcheck disable=SC3013
        if [ -f "$_wt" ] && [ -x "$_wt" ] && ! [ "$_wt" -ef "$QATWB_ROOT/sim-bin/$1" ]; then
            printf '%s\n' "$_wt"
            return 0
        fi
    done
    IFS=$_wifs
    return 1
}

# sim_fault NAME: whether a fault is armed (a flag file the simulator writes).
sim_fault() {
    [ -e "$SIM_DIR/faults/$1" ]
}

# sim_request TOOL [ARG...]: asks the simulator's JVM, prints its stdout and stderr, returns its
# exit status. Input for the request (a parameter write's data) is the file named by $SIM_INPUT.
#   1. a FIFO ID.fifo, opened read-write on fd 9 so that opening never blocks and no answer is lost;
#   2. ID.in (input), then the request written to ID.tmp and renamed to ID.req: the JVM's watcher
#      (inotify) only ever sees complete requests;
#   3. one line from the FIFO: the exit status; ID.out and ID.err are complete by then.
sim_request() {
    _d="$SIM_DIR/requests"
    _id="$$"
    rm -f "$_d/$_id".*
    mkfifo "$_d/$_id.fifo" || return 70
    exec 9<>"$_d/$_id.fifo"
    if [ -n "${SIM_INPUT-}" ]; then
        cat "$SIM_INPUT" >"$_d/$_id.in"
    fi
    for _a in "$@"; do
        case $_a in
            *'
'*) echo "qatwb-sim: an argument with a newline cannot be passed on" >&2; exec 9<&-; rm -f "$_d/$_id".*; return 2 ;;
        esac
        printf '%s\n' "$_a"
    done >"$_d/$_id.tmp"
    mv -f "$_d/$_id.tmp" "$_d/$_id.req"
    _rc=
    read -r _rc <&9
    exec 9<&-
    cat "$_d/$_id.out" 2>/dev/null
    cat "$_d/$_id.err" >&2 2>/dev/null
    rm -f "$_d/$_id".*
    return "${_rc:-70}"
}

# sim_hook TOOL [ARG...]: the call faults (SimFaults.failCall, dropConnectionsAtCall). When a fault
# is armed for TOOL, the calls with an argument starting with its pattern (a path under the root
# counts without the root: /etc/...) are counted, and the Nth fails with the fault's message, or
# drops every SSH connection first and then goes on, or hangs (SimFaults.hangAtCall), or waits
# first (SimFaults.slowCall). A stand-in calls it before anything else.
sim_hook() {
    _hf="$SIM_DIR/faults/call-$1"
    [ -e "$_hf" ] || return 0
    shift
    read -r _hn _ha <"$_hf"
    _hp=$(sed -n 2p "$_hf")
    _hit=
    for _a in "$@"; do
        case ${_a#"$QATWB_ROOT"} in "$_hp"*) _hit=1; break ;; esac
    done
    [ -n "$_hit" ] || return 0
    _hc=$(($(cat "$_hf.count" 2>/dev/null || echo 0) + 1))
    echo "$_hc" >"$_hf.count"
    [ "$_hc" -eq "$_hn" ] || return 0
    case $_ha in
        fail) sed -n '3,$p' "$_hf" >&2; exit 1 ;;
        drop) sim_request drop-connections >/dev/null 2>&1 ;;
        hang) exec sleep 3600 ;;
        slow) sleep "$(sed -n 3p "$_hf")" ;;
    esac
    return 0
}

# sim_job TOOL ID [ARG...]: a tool whose work takes (simulated) time: asks the simulator to start the
# job, then waits for it as the tool's own process would, and prints what it printed. The job's end
# comes on the FIFO job-ID.fifo (opened read-write on fd 8 first, so it cannot be missed). INT, TERM
# or HUP stop the job (job-stop), as they stop fio, and the job's report still comes.
sim_job() {
    _jt=$1
    _jid=$2
    _jf="$SIM_DIR/requests/job-$_jid"
    rm -f "$_jf".*
    mkfifo "$_jf.fifo" || return 70
    exec 8<>"$_jf.fifo"
    if ! sim_request "$@"; then
        _rc=$?
        [ "$_rc" -ne 0 ] || _rc=1
        exec 8<&-
        rm -f "$_jf".*
        return "$_rc"
    fi
    trap 'sim_request job-stop "$_jid" >/dev/null 2>&1' INT TERM HUP
    # read in the background and wait for it: the shell runs a trap while it waits, not while it reads
    (read -r _r <&8; printf '%s\n' "$_r" >"$_jf.rc") &
    _jw=$!
    wait "$_jw"
    while [ ! -e "$_jf.rc" ] && kill -0 "$_jw" 2>/dev/null; do
        wait "$_jw"
    done
    trap - INT TERM HUP
    exec 8<&-
    cat "$_jf.out" 2>/dev/null
    cat "$_jf.err" >&2 2>/dev/null
    _rc=$(cat "$_jf.rc" 2>/dev/null)
    rm -f "$_jf".*
    : "$_jt"
    return "${_rc:-70}"
}
