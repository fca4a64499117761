# qatwb-agent, the A/B offload benchmark (issue 16, section 1; docs/agent-protocol.md "Benchmark",
# docs/decisions/0017). Joined with the other parts by AgentScript.
#   bench-probe                         what a plan needs: pools and their space, fio, the parameters
#   bench-run ID POOL SIZE_MIB PCT ENC  starts the worker outside the SSH session, then follows it
#   bench-abort ID                      stops a benchmark and reports its clean-up
#   bench-work ID                       the worker itself (internal, like tx-run)
# The worker runs detached (a transient systemd unit, else setsid), so that its clean-up (the ZFS QAT
# parameters written back, the scratch dataset destroyed) runs on the NAS whatever the client does.
# It records everything in BD=/var/lib/qatwb/bench/ID: mode 755 and its files 644 (nothing secret:
# figures and words) so that an exec with SUDO=1 follows it without a sudo per look; the key of an
# encrypted run is the one file that is root's only (600), and it is deleted at the clean-up.
# shellcheck shell=sh

BENCH_BASE=/var/lib/qatwb/bench   # under $R
# The exec looks at the record four times a second (an awk and a sleep each time: on a NAS being
# measured, its own cost stays far below one percent of one CPU).
BENCH_TICK=0.25
BENCH_STOP_WAIT=240               # ticks the exec (and bench-abort) waits for the clean-up after a stop: 60 s
BENCH_DEAD_EVERY=8                # ticks between looks for a worker gone without its clean-up: 2 s
BENCH_KEEP=8                      # records of finished benchmarks kept (the newest)

# bench-run's arguments: ID POOL SIZE_MIB COMPRESSIBILITY ENCRYPT (main exits on a bad one)
bench_args_ok() {
    [ $# -eq 5 ] || usage "usage: bench-run ID POOL SIZE_MIB COMPRESSIBILITY 0|1"
    tx_id_ok "$1" || usage "a benchmark id is YYYYMMDDTHHMMSSZ-xxxxxxxx"
    zia_pool_ok "$2" || usage "a pool name is a letter, then letters, digits and _.:- (at most 255)"
    decimal_ok "$3" 1 1048576 || usage "the size is 1..1048576 MiB"
    decimal_ok "$4" 0 100 || usage "the compressibility is 0..100 percent"
    case $5 in 0|1) ;; *) usage "encrypt is 0 or 1" ;; esac
}

bench_set() {                     # ID
    BID=$1
    BD=$R$BENCH_BASE/$1
    DS=
}

bench_get() {                     # NAME: the first line of BD/NAME, empty when missing
    g_v=
    [ -r "$BD/$1" ] && read -r g_v <"$BD/$1" 2>/dev/null
    printf '%s\n' "$g_v"
}

# The first field of the uptime in hundredths of a second: the clock of every phase. The simulator
# keeps its own (its clock moves by the modelled durations); a real NAS has only /proc/uptime.
bench_clock() {
    c_f=$R/proc/uptime
    [ -r "$c_f" ] || c_f=/proc/uptime
    c_u=
    read -r c_u _ <"$c_f" 2>/dev/null
    c_s=${c_u%%.*}
    c_c=${c_u#*.}
    case $c_s:$c_c in *[!0-9:]*|:*|*:) echo 0; return ;; esac
    c_c=$(printf '%.2s' "${c_c}00")
    echo $((c_s * 100 + ${c_c#0}))
}

bench_cpu_line() {                # the "cpu" line of /proc/stat: every CPU's ticks, summed
    c_l=
    { read -r c_l <"$R/proc/stat"; } 2>/dev/null
    case $c_l in 'cpu '*) printf '%s\n' "$c_l" ;; *) echo 'cpu' ;; esac
}

bench_params_now() {              # "COMPRESS CHECKSUM ENCRYPT", each 0, 1 or - (absent)
    n_out=
    for n_p in compress checksum encrypt; do
        n_v=-
        { read -r n_v <"$R/sys/module/zfs/parameters/zfs_qat_${n_p}_disable"; } 2>/dev/null || n_v=-
        case $n_v in 0|1) ;; *) n_v=- ;; esac
        n_out="$n_out${n_out:+ }$n_v"
    done
    printf '%s\n' "$n_out"
}

bench_params_write() {            # "COMPRESS CHECKSUM ENCRYPT": writes each that is 0 or 1
    # shellcheck disable=SC2086 # three words
    set -- $1
    w_rc=0
    w_msg=
    for w_p in compress checksum encrypt; do
        case $1 in
            0|1)
                w_out=$(printf '%s\n' "$1" | as_root tee "$R/sys/module/zfs/parameters/zfs_qat_${w_p}_disable" 2>&1 >/dev/null) \
                    || { w_rc=1; w_msg="$w_msg${w_msg:+; }zfs_qat_${w_p}_disable=$1: $(printf '%s' "$w_out" | head -n 1)"; } ;;
        esac
        shift
    done
    BENCH_MSG=$w_msg
    return "$w_rc"
}

# Whether this exec may do what a benchmark does: root, or sudo -n that works.
bench_root_ok() {
    # The simulator does not change identities (its sudo runs a command as the same user, and its
    # files are that user's): there the login user stands for root.
    if [ -n "$R" ] && [ "$SUDO" = 0 ]; then return 0; fi
    if [ "$SUDO" = 1 ]; then
        sudo_ok && return 0
        ROOT_MSG="sudo -n does not work: $SUDO_MSG"
        return 1
    fi
    [ "$(id -u)" = 0 ] && return 0
    ROOT_MSG="the benchmark needs root: connect as root, or use --sudo"
    return 1
}

# How the worker is started outside the SSH session (as the transactions: tx_runner).
bench_runner() {
    tx_runner
}

# ---- probe ---------------------------------------------------------------------------------

bench_pools() {                   # the names zpool lists, one a line, only those a name can be
    zpool list -H -o name 2>/dev/null | while read -r p_n; do
        if zia_pool_ok "$p_n"; then printf '%s\n' "$p_n"; fi
    done
}

# Filesystems that carry our property: the scratch datasets, current or left behind.
bench_marked() {
    m_out=$(as_root zfs list -H -p -o name,org.qatwb:bench -t filesystem 2>&1)
    m_rc=$?
    if [ "$m_rc" -ne 0 ]; then printf '%s\n' "$m_out"; return "$m_rc"; fi
    printf '%s\n' "$m_out" | awk -F '\t' 'NF == 2 && $2 != "-" && $2 != ""'
}

# The benchmarks the NAS keeps a record of: "ID STATE" (running, done, or dead: a worker that is
# gone without having cleaned up, which the next run cleans).
bench_records() {
    for r_d in "$R$BENCH_BASE"/*; do
        [ -d "$r_d" ] || continue
        r_id=${r_d##*/}
        tx_id_ok "$r_id" || continue
        bench_set "$r_id"
        printf '%s %s\n' "$r_id" "$(bench_state)"
    done
}

bench_state() {                   # of BD: running, done or dead
    if [ -e "$BD/done" ]; then echo 'done'; return; fi
    # shellcheck disable=SC2046 # PID BOOT_ID: two words
    if tx_alive $(bench_get worker); then echo running; return; fi
    # a worker being launched has not written its pid yet: the exec that launches it is alive
    # shellcheck disable=SC2046
    if [ ! -e "$BD/worker" ] && tx_alive $(bench_get exec); then echo running; return; fi
    echo dead
}

bench_probe() {
    item_run id ids
    if [ -n "$R" ]; then
        item_note simulated ok 0 "QATWB_ROOT is set: this NAS is the simulator, every figure is modelled"
    else
        item_absent simulated
    fi
    if bench_root_ok; then item_note root ok 0 yes; else item_note root denied 0 "$ROOT_MSG"; fi
    if command -v zpool >/dev/null 2>&1; then
        item_run pools zpool list -H -p -o name,size,allocated,free,health
        b_pools=$(bench_pools)
        if [ -n "$b_pools" ]; then
            set -f
            # shellcheck disable=SC2086 # the validated names, one word each
            item_run available zfs get -H -p -o name,value available $b_pools
            set +f
        else
            item_absent available
        fi
    else
        item_absent pools
        item_absent available
    fi
    for b_p in compress checksum encrypt; do
        item_file "param:zfs_qat_${b_p}_disable" "$R/sys/module/zfs/parameters/zfs_qat_${b_p}_disable"
    done
    item_file kstat_qat "$R/proc/spl/kstat/zfs/qat"
    item_tool fio fio --version
    b_tools=
    for b_t in sha256sum dd getconf awk; do
        if command -v "$b_t" >/dev/null 2>&1; then b_tools="$b_tools${b_tools:+ }$b_t"; fi
    done
    item_note tools ok 0 "$b_tools"
    item_note runner ok 0 "$(bench_runner)"
    item_note cpu ok 0 "$(bench_cpu_line)"
    if command -v zfs >/dev/null 2>&1 && sudo_ok; then item_run marked bench_marked; else item_absent marked; fi
    item_note records ok 0 "$(bench_records)"
}

# ---- run: the exec -------------------------------------------------------------------------

bench_refuse() {                  # TEXT: the exec refuses before anything changed
    item_note refused error 1 "$1"
}

bench_run() {                     # ID POOL SIZE_MIB PCT ENCRYPT
    bench_set "$1"
    u_pool=$2 u_mib=$3 u_pct=$4 u_enc=$5
    if [ -n "$R" ]; then item_note simulated ok 0 "QATWB_ROOT is set: this NAS is the simulator"; fi
    if ! bench_root_ok; then bench_refuse "$ROOT_MSG"; return 0; fi
    for u_t in zfs zpool awk sha256sum head cat base64; do
        command -v "$u_t" >/dev/null 2>&1 || { bench_refuse "$u_t not found: the benchmark needs zfs, zpool, awk, sha256sum, head, cat and base64"; return 0; }
    done
    if [ ! -e "$R/sys/module/zfs/parameters/zfs_qat_compress_disable" ]; then
        bench_refuse "ZFS has no QAT parameters (zfs_qat_*_disable): built without QAT, or not loaded"
        return 0
    fi
    bench_recover
    for u_d in "$R$BENCH_BASE"/*; do
        [ -d "$u_d" ] || continue
        tx_id_ok "${u_d##*/}" || continue
        bench_set "${u_d##*/}"
        if [ "$(bench_state)" = running ]; then
            bench_refuse "benchmark ${u_d##*/} is running on this NAS: one at a time"
            return 0
        fi
    done
    bench_set "$1"
    u_avail=$(as_root zfs get -H -p -o value available "$u_pool" 2>&1) \
        || { bench_refuse "pool $u_pool: $(printf '%s' "$u_avail" | head -n 1)"; return 0; }
    case $u_avail in ''|*[!0-9]*) bench_refuse "pool $u_pool: zfs reports no available space ($u_avail)"; return 0 ;; esac
    # three times the size: the data, its copy in flight, and room for the pool to stay healthy
    u_need=$((u_mib * 3 * 1048576))
    if [ "$u_avail" -lt "$u_need" ]; then
        bench_refuse "pool $u_pool has $u_avail bytes available, under three times the size ($u_need bytes)"
        return 0
    fi
    if [ -z "${PAYLOAD_AGENT_SHA-}" ] || ! sha_ok "$PAYLOAD_AGENT_SHA"; then
        bench_refuse "the request holds no data section"
        return 0
    fi
    u_out=$(as_root mkdir -p "$R$BENCH_BASE" 2>&1) || { bench_refuse "$R$BENCH_BASE: $u_out"; return 0; }
    u_out=$(as_root mkdir "$BD" 2>&1) || { bench_refuse "$BD: $u_out"; return 0; }
    # the way to the record is readable (as the transactions' is), so that an exec with SUDO 1
    # follows the worker's events without a sudo per look
    as_root chmod 755 "$R${BENCH_BASE%/*}" "$R$BENCH_BASE" "$BD" 2>/dev/null
    u_tool='dd'
    if command -v fio >/dev/null 2>&1; then u_tool=fio; fi
    # what the worker needs, and what the clean-up of a dead worker needs, before it starts
    bench_put args "$u_pool $u_mib $u_pct $u_enc $u_tool"
    bench_put params_before "$(bench_params_now)"
    bench_put dataset "$u_pool/qatwb-bench-$BID"
    bench_put exec "$$ $(tx_boot_id)"
    u_out=$( { payload agent | base64 -d | as_root tee "$BD/agent.sh" >/dev/null; } 2>&1)
    u_sum=$(as_root sha256sum -- "$BD/agent.sh" 2>/dev/null)
    if [ "${u_sum%%" "*}" != "$PAYLOAD_AGENT_SHA" ]; then
        bench_refuse "cannot keep the agent's copy for the worker: ${u_out:-its bytes differ}"
        as_root rm -rf "$BD"
        return 0
    fi
    item_note started ok 0 "id $BID${NL}dataset $u_pool/qatwb-bench-$BID${NL}tool $u_tool${NL}params_before $(bench_params_now)"
    bench_launch || return 0
    bench_follow
}

bench_put() {                     # NAME TEXT: BD/NAME, one line, readable by the exec
    printf '%s\n' "$2" | as_root tee "$BD/$1" >/dev/null && as_root chmod 644 "$BD/$1" 2>/dev/null
}

bench_launch() {
    if ! l_out=$(detach "$(bench_runner)" "qatwb-bench-$BID" "qatwb: benchmark $BID" "$BD/agent.sh" bench-work "$BID"); then
        item_note launch error 1 "systemd-run: $l_out"
        bench_cleanup_dead
        return 1
    fi
}

# Prints the worker's events as items until it is done. The client's end of file (a stop, a
# kill, a dropped link: OpenSSH sends the exec no signal, decision 0007) is seen by a background
# cat on the client's stdin, as in stream; the worker is then told to stop, and the exec waits
# (bounded) for its clean-up, printing it if the client still reads.
bench_follow() {
    cat <&9 9<&- 4>&- >/dev/null 2>&1 &
    f_reader=$!
    exec 9<&-
    trap 'kill "$f_reader" 2>/dev/null; wait "$f_reader" 2>/dev/null' EXIT
    f_seen=0 f_stop='' f_wait=0 f_quiet=0
    while :; do
        # 'done' is looked at BEFORE the events are read: the worker writes its last events before
        # 'done', so once it is seen, one more read prints them all
        f_done=
        if [ -e "$BD/done" ]; then f_done=1; fi
        f_all=0
        if [ -r "$BD/events" ]; then f_all=$(awk 'END { print NR }' "$BD/events"); fi
        if [ "$f_all" -gt "$f_seen" ]; then
            sed -n "$((f_seen + 1)),${f_all}p" "$BD/events" | bench_items
            f_seen=$f_all
            f_quiet=0
        fi
        if [ -n "$f_done" ]; then
            bench_final
            return 0
        fi
        if [ -z "$f_stop" ] && ! kill -0 "$f_reader" 2>/dev/null; then
            f_stop=1
            bench_put stop "client"
            item_note step ok 0 "stopping: the client asked (or went away); the NAS cleans up"
        fi
        if [ -n "$f_stop" ]; then
            f_wait=$((f_wait + 1))
            if [ "$f_wait" -gt "$BENCH_STOP_WAIT" ]; then
                item_note outcome error 1 "the clean-up did not finish within 60 s: bench-abort $BID reads it later"
                return 0
            fi
        fi
        # a worker that died without its clean-up (killed -9): cleaned here
        f_quiet=$((f_quiet + 1))
        if [ $((f_quiet % BENCH_DEAD_EVERY)) -eq 0 ] && [ "$(bench_state)" = dead ]; then
            item_note step ok 0 "the worker is gone without its clean-up: cleaning up here"
            bench_cleanup_dead
        fi
        sleep "$BENCH_TICK"
    done
}

# One event line to one item. The worker writes: "step TEXT", "phase PASS PHASE FRACTION",
# "pass PASS" (its records are complete).
bench_items() {
    while IFS= read -r i_l; do
        case $i_l in
            'step '*) item_note step ok 0 "${i_l#step }" ;;
            'phase '*) item_note phase ok 0 "${i_l#phase }" ;;
            'pass on'|'pass off') bench_pass_items "${i_l#pass }" ;;
        esac
    done
}

bench_pass_items() {              # PASS: what one pass recorded
    for p_f in "$BD/$1".*; do
        [ -f "$p_f" ] || continue
        p_n=${p_f##*/}
        case $p_n in *[!a-z0-9._-]*) continue ;; esac
        item_file "rec:$p_n" "$p_f"
    done
    item_note "pass:$1" ok 0 "$1"
}

bench_final() {                   # the clean-up and the outcome, as recorded
    item_file cleanup "$BD/cleanup"
    item_file outcome "$BD/outcome"
}

# ---- abort: from another connection --------------------------------------------------------

bench_abort() {                   # ID
    bench_set "$1"
    if [ ! -d "$BD" ]; then item_note outcome error 1 "no benchmark $1 on this NAS"; return 0; fi
    if ! bench_root_ok; then item_note outcome denied 0 "$ROOT_MSG"; return 0; fi
    if [ ! -e "$BD/done" ]; then bench_put stop abort; fi
    a_left=$BENCH_STOP_WAIT
    while [ ! -e "$BD/done" ] && [ "$a_left" -gt 0 ]; do
        if [ $((a_left % BENCH_DEAD_EVERY)) -eq 0 ] && [ "$(bench_state)" = dead ]; then bench_cleanup_dead; fi
        sleep "$BENCH_TICK"
        a_left=$((a_left - 1))
    done
    bench_final
}

# ---- the worker ----------------------------------------------------------------------------

bench_work() {                    # ID: runs as root, outside the SSH session
    exec </dev/null >/dev/null 2>&1 4>&- 9<&-
    umask 022
    bench_set "$1"
    # whatever a tool leaves in its working directory stays with the record (and is pruned with it)
    cd "$BD" 2>/dev/null || return 0
    [ -d "$BD" ] && [ ! -e "$BD/done" ] && [ ! -e "$BD/worker" ] || return 0
    bench_put worker "$$ $(tx_boot_id)"
    # shellcheck disable=SC2046 # five words
    set -- $(bench_get args)
    W_POOL=$1 W_MIB=$2 W_PCT=$3 W_ENC=$4 W_TOOL=$5
    DS=$(bench_get dataset)
    W_CHILD=
    W_OUTCOME=
    trap 'bench_work_end' EXIT
    trap 'W_OUTCOME=${W_OUTCOME:-"stopped: signalled"}; exit 1' INT TERM HUP
    W_EXEC=$(bench_get exec)
    W_HZ=$(getconf CLK_TCK 2>/dev/null)
    case $W_HZ in ''|*[!0-9]*|0) W_HZ=100 ;; esac
    bench_put hz "$W_HZ"
    bench_event "step creating $DS (compression=gzip recordsize=128K checksum=sha256 primarycache=metadata$( [ "$W_ENC" = 1 ] && echo ' encryption=aes-256-gcm'))"
    set -- -o compression=gzip -o recordsize=128K -o checksum=sha256 -o primarycache=metadata -o "org.qatwb:bench=$BID"
    if [ "$W_ENC" = 1 ]; then
        # a raw key made here, root's only, never printed; deleted at the clean-up
        ( umask 077; head -c 32 /dev/urandom >"$BD/key" ) || { W_OUTCOME="failed: cannot make a key"; exit 1; }
        set -- "$@" -o encryption=aes-256-gcm -o keyformat=raw -o "keylocation=file://$BD/key"
    fi
    w_out=$(zfs create "$@" "$DS" 2>&1) || { W_OUTCOME="failed: zfs create: $(printf '%s' "$w_out" | head -n 1)"; exit 1; }
    bench_put created yes
    W_MNT=$(zfs get -H -p -o value mountpoint "$DS" 2>/dev/null)
    case $W_MNT in /*) ;; *) W_OUTCOME="failed: $DS has no mountpoint ($W_MNT)"; exit 1 ;; esac
    W_FILE=$W_MNT/data
    if [ "$W_TOOL" = dd ]; then bench_pattern || exit 1; fi
    for W_PASS in on off; do
        bench_stopped && exit 1
        bench_pass "$W_PASS"
        bench_stopped && exit 1         # a pass cut short is no measurement
        bench_event "pass $W_PASS"
    done
    W_OUTCOME=completed
}

bench_event() {                   # LINE: appended to the events the exec follows
    printf '%s\n' "$1" >>"$BD/events"
}

bench_stopped() {                 # a stop asked, or the exec that follows us gone
    if [ -e "$BD/stop" ]; then W_OUTCOME="stopped: $(bench_get stop) asked to stop"; return 0; fi
    # shellcheck disable=SC2086 # PID BOOT_ID
    if ! tx_alive $W_EXEC; then W_OUTCOME="stopped: the client's connection ended"; return 0; fi
    return 1
}

# Runs a tool in the background and waits for it, looking for a stop every 0.2 s; a write phase
# reports how much of the file is written. Returns the tool's status (or 1 when stopped).
bench_wait() {                    # PASS PHASE CMD [ARG...]
    w_pass=$1 w_phase=$2
    shift 2
    if [ "$1" = bench_dd_write ]; then
        # a pipeline in the background, not a function: $! is then dd itself, which a stop kills
        # (the cats feeding it end on the broken pipe); a killed subshell would leave dd running
        bench_stream | dd of="$W_FILE" bs=128k conv=fsync 2>"$BD/$w_pass.write.tool" &
    elif [ "$1" = bench_dd_read ]; then
        # the sha256 is taken as the data is read, as fio's verify does in the fio path; $! is
        # sha256sum, whose end (or kill) ends dd on the broken pipe
        { dd if="$W_FILE" bs=128k 2>"$BD/$w_pass.read.tool"; echo "$?" >"$BD/$w_pass.read.ddrc"; } \
            | sha256sum >"$BD/$w_pass.read.sha" &
    else
        "$@" &
    fi
    W_CHILD=$!
    w_n=0 w_last=0
    while kill -0 "$W_CHILD" 2>/dev/null; do
        if bench_stopped; then
            kill "$W_CHILD" 2>/dev/null
            wait "$W_CHILD" 2>/dev/null
            W_CHILD=
            return 1
        fi
        w_n=$((w_n + 1))
        # a look at the file's size each second, an event only when a whole percent more is
        # written: at most about a hundred per phase, however long it runs (an answer holds at
        # most 4096 items: docs/agent-protocol.md "Limits")
        if [ "$w_phase" = write ] && [ $((w_n % 5)) -eq 0 ] && [ -f "$W_FILE" ]; then
            w_sz=$(wc -c <"$W_FILE" 2>/dev/null)
            case $w_sz in ''|*[!0-9\ ]*) w_sz=0 ;; esac
            w_pct=$((w_sz * 100 / (W_MIB * 1048576)))
            [ "$w_pct" -le 100 ] || w_pct=100
            if [ "$w_pct" -gt "$w_last" ]; then
                w_last=$w_pct
                bench_event "phase $w_pass write $(printf '%d.%02d' $((w_pct / 100)) $((w_pct % 100)))"
            fi
        fi
        sleep 0.2
    done
    wait "$W_CHILD"
    w_rc=$?
    W_CHILD=
    return "$w_rc"
}

# The dd path's data: a pattern of eight 128 KiB records, each PCT percent zeros after random
# bytes (gzip finds the zeros; the random bytes do not compress), repeated; its sha256 is known
# before the measured write. BD/chunk holds up to 64 MiB of it so that few cats feed dd.
bench_pattern() {
    bench_event "step making the dd data set's pattern ($W_PCT % compressible) and its sha256"
    p_zero=$((131072 * W_PCT / 100))
    p_rand=$((131072 - p_zero))
    : >"$BD/pattern"
    p_i=0
    while [ "$p_i" -lt 8 ]; do
        head -c "$p_rand" /dev/urandom >>"$BD/pattern"
        head -c "$p_zero" /dev/zero >>"$BD/pattern"
        p_i=$((p_i + 1))
    done
    W_CHUNK=$W_MIB
    [ "$W_CHUNK" -le 64 ] || W_CHUNK=64
    : >"$BD/chunk"
    p_i=0
    while [ "$p_i" -lt "$W_CHUNK" ]; do cat "$BD/pattern" >>"$BD/chunk"; p_i=$((p_i + 1)); done
    p_sum=$(bench_stream | sha256sum) || { W_OUTCOME="failed: sha256sum"; return 1; }
    bench_put expected_sha256 "${p_sum%%" "*}"
}

bench_stream() {                  # the dd data set: the chunk W_MIB / W_CHUNK times, then the rest
    s_n=$((W_MIB / W_CHUNK))
    s_rest=$((W_MIB % W_CHUNK))
    while [ "$s_n" -gt 0 ]; do cat "$BD/chunk" || return 1; s_n=$((s_n - 1)); done
    if [ "$s_rest" -gt 0 ]; then head -c $((s_rest * 1048576)) "$BD/chunk"; fi
}

# One measurement: the clock, /proc/stat's cpu line and the QAT kstat before and after, the
# tool's status; written to BD/PASS.PHASE (key value lines) and BD/PASS.PHASE.kstat0/1.
bench_phase() {                   # PASS PHASE CMD [ARG...]
    m_pass=$1 m_phase=$2
    shift 2
    m_rec=$BD/$m_pass.$m_phase
    cat "$R/proc/spl/kstat/zfs/qat" >"$m_rec.kstat0" 2>/dev/null
    m_cpu0=$(bench_cpu_line)
    m_t0=$(bench_clock)
    bench_wait "$m_pass" "$m_phase" "$@"
    m_rc=$?
    if [ "$m_phase" = write ] && [ "$m_rc" -eq 0 ]; then
        # to stable storage: the transaction group with the data and its compression is written
        m_sync=$(zpool sync "$W_POOL" 2>&1) || { m_rc=1; printf 'zpool sync: %s\n' "$m_sync" >>"$m_rec.tool"; }
    fi
    m_t1=$(bench_clock)
    m_cpu1=$(bench_cpu_line)
    cat "$R/proc/spl/kstat/zfs/qat" >"$m_rec.kstat1" 2>/dev/null
    printf 'clock0 %s\nclock1 %s\nhz %s\ncpu0 %s\ncpu1 %s\nbytes %s\nrc %s\n' "$m_t0" "$m_t1" "$W_HZ" \
        "$m_cpu0" "$m_cpu1" "$((W_MIB * 1048576))" "$m_rc" >"$m_rec"
    return "$m_rc"
}

bench_pass() {                    # on|off
    s_pass=$1
    if [ "$s_pass" = on ]; then s_v=0; else s_v=1; fi
    bench_event "step QAT $s_pass: writing $s_v to zfs_qat_compress_disable, zfs_qat_checksum_disable, zfs_qat_encrypt_disable"
    s_info=$BD/$s_pass.info
    : >"$s_info"
    if ! bench_params_write "$s_v $s_v $s_v"; then
        printf 'error cannot set the parameters: %s\n' "$BENCH_MSG" >>"$s_info"
        if [ "$s_pass" = on ]; then
            printf 'error QAT could not be turned on (EPERM means ZFS could not initialise QAT): the pass is skipped\n' >>"$s_info"
            return 0
        fi
    fi
    printf 'params %s\n' "$(bench_params_now)" >>"$s_info"
    bench_event "phase $s_pass write 0"
    if [ "$W_TOOL" = fio ]; then
        bench_event "step QAT $s_pass: fio writes $W_MIB MiB ($W_PCT % compressible), then zpool sync"
        bench_phase "$s_pass" write fio --name=qatwb-bench --filename="$W_FILE" --rw=write --bs=128k \
            --size=$((W_MIB * 1048576)) --ioengine=psync --fallocate=none --buffer_compress_percentage="$W_PCT" \
            --refill_buffers --verify=sha256 --do_verify=0 --end_fsync=1 --output-format=json \
            --output="$BD/$s_pass.write.json" 2>"$BD/$s_pass.write.tool"
        s_wrc=$?
    else
        bench_event "step QAT $s_pass: dd writes $W_MIB MiB ($W_PCT % compressible) with conv=fsync, then zpool sync"
        bench_phase "$s_pass" write bench_dd_write
        s_wrc=$?
    fi
    bench_stopped && return 0
    s_ratio=$(zfs get -H -p -o property,value compressratio,used,logicalused "$DS" 2>&1)
    printf '%s\n' "$s_ratio" | awk -F '\t' 'NF == 2 { print "zfs_" $1 " " $2 }' >>"$s_info"
    if [ "$s_wrc" -ne 0 ]; then
        printf 'error the write failed (status %s)\n' "$s_wrc" >>"$s_info"
    else
        # the read comes from the disks: primarycache=metadata keeps the data out of the ARC, so
        # every block is read and decompressed (and its checksum verified) by ZFS
        bench_event "phase $s_pass read -1"
        if [ "$W_TOOL" = fio ]; then
            bench_event "step QAT $s_pass: fio reads it back and verifies every block's sha256"
            bench_phase "$s_pass" read fio --name=qatwb-bench --filename="$W_FILE" --rw=read --bs=128k \
                --size=$((W_MIB * 1048576)) --ioengine=psync --verify=sha256 --output-format=json \
                --output="$BD/$s_pass.read.json" 2>"$BD/$s_pass.read.tool"
            s_rrc=$?
            bench_stopped && return 0
            if [ "$s_rrc" -eq 0 ]; then
                printf 'checksum verified\n' >>"$s_info"
            elif grep -q 'verify' "$BD/$s_pass.read.tool" 2>/dev/null; then
                printf 'checksum mismatch\n' >>"$s_info"
            else
                printf 'error the read failed (status %s)\n' "$s_rrc" >>"$s_info"
            fi
        else
            bench_event "step QAT $s_pass: dd reads it back, sha256sum as it comes"
            bench_phase "$s_pass" read bench_dd_read
            s_rrc=$?
            bench_stopped && return 0
            s_ddrc=$(bench_get "$s_pass.read.ddrc")
            s_sum=$(bench_get "$s_pass.read.sha")
            if [ "$s_rrc" -ne 0 ] || [ "$s_ddrc" != 0 ]; then
                printf 'error the read failed (dd status %s)\n' "${s_ddrc:-?}" >>"$s_info"
            elif [ "${s_sum%%" "*}" = "$(bench_get expected_sha256)" ]; then
                printf 'checksum verified\n' >>"$s_info"
            else
                printf 'checksum mismatch\n' >>"$s_info"
            fi
        fi
    fi
    rm -f "$W_FILE"
    zpool sync "$W_POOL" >/dev/null 2>&1
}

bench_work_end() {
    trap '' INT TERM HUP
    if [ -n "$W_CHILD" ]; then kill "$W_CHILD" 2>/dev/null; wait "$W_CHILD" 2>/dev/null; fi
    bench_put outcome "${W_OUTCOME:-failed: the worker ended early}"
    bench_cleanup
}

# ---- clean-up: by the worker's trap, or for a dead worker by whoever finds it ---------------

bench_cleanup() {
    c_notes=
    c_ds=$(bench_get dataset)
    c_destroyed=yes
    bench_event "step restoring the ZFS QAT parameters and destroying $c_ds" 2>/dev/null
    c_before=$(bench_get params_before)
    c_params=yes
    if [ -n "$c_before" ]; then
        bench_params_write "$c_before" || c_notes="$c_notes${c_notes:+$NL}note $BENCH_MSG"
        c_now=$(bench_params_now)
        if [ "$c_now" != "$c_before" ]; then
            c_params=no
            c_notes="$c_notes${c_notes:+$NL}note the parameters read $c_now, not $c_before as before"
        fi
    fi
    case $c_ds in
        ?*/qatwb-bench-"$BID")
            c_mark=$(as_root zfs get -H -p -o value org.qatwb:bench "$c_ds" 2>&1)
            c_mrc=$?
            if [ "$c_mrc" -eq 0 ] && [ "$c_mark" = "$BID" ]; then
                c_out=$(as_root zfs destroy "$c_ds" 2>&1) \
                    || c_notes="$c_notes${c_notes:+$NL}note zfs destroy: $(printf '%s' "$c_out" | head -n 1)"
            elif [ "$c_mrc" -eq 0 ]; then
                c_notes="$c_notes${c_notes:+$NL}note $c_ds does not carry org.qatwb:bench=$BID: left alone"
            fi
            if as_root zfs list -H -o name "$c_ds" >/dev/null 2>&1; then c_destroyed=no; fi ;;
    esac
    as_root rm -f "$BD/key" "$BD/chunk" "$BD/pattern" "$BD/agent.sh"
    if [ -e "$BD/key" ]; then c_destroyed=no; c_notes="$c_notes${c_notes:+$NL}note the key file is still there"; fi
    { printf 'dataset %s\nparams %s\nbefore %s\n' "$c_destroyed" "$c_params" "$c_before"
      if [ -n "$c_notes" ]; then printf '%s\n' "$c_notes"; fi; } | as_root tee "$BD/cleanup" >/dev/null
    as_root chmod 644 "$BD/cleanup" 2>/dev/null
    bench_put 'done' yes
    bench_prune
}

# A benchmark whose worker died without cleaning up (killed, or a reboot): its clean-up now.
bench_cleanup_dead() {
    bench_put worker "dead"
    [ -e "$BD/outcome" ] || bench_put outcome "stopped: the worker ended without its clean-up (killed, or a reboot); cleaned up later"
    bench_cleanup
}

# Every dead benchmark, and every scratch dataset whose benchmark is not running, cleaned first.
bench_recover() {
    for v_d in "$R$BENCH_BASE"/*; do
        [ -d "$v_d" ] || continue
        tx_id_ok "${v_d##*/}" || continue
        bench_set "${v_d##*/}"
        if [ "$(bench_state)" = dead ]; then
            item_note recovered ok 0 "${v_d##*/}: a benchmark left behind; cleaning it up"
            bench_cleanup_dead
        fi
    done
    bench_marked 2>/dev/null | while IFS='	' read -r v_ds v_id; do
        tx_id_ok "$v_id" || continue
        case $v_ds in */qatwb-bench-"$v_id") ;; *) continue ;; esac
        bench_set "$v_id"
        [ "$(bench_state)" = running ] && continue
        v_out=$(as_root zfs destroy "$v_ds" 2>&1)
        item_note recovered ok 0 "$v_ds: left behind, destroyed${v_out:+ ($v_out)}"
    done
}

bench_prune() {                   # keeps the newest BENCH_KEEP finished records
    p_n=0
    for p_d in $(for p_x in "$R$BENCH_BASE"/*; do [ -e "$p_x/done" ] && printf '%s\n' "${p_x##*/}"; done | sort -r); do
        tx_id_ok "$p_d" || continue
        p_n=$((p_n + 1))
        if [ "$p_n" -gt "$BENCH_KEEP" ]; then as_root rm -rf "${R:?}$BENCH_BASE/$p_d"; fi
    done
}
