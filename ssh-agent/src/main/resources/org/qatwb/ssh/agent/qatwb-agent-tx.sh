# qatwb-agent, transactions: the states, the checks of every word, the transaction's directory, the
# lock, and the steps that more than one runner takes (restart, verify, roll back, report). The
# client sends it joined to qatwb-agent.sh with qatwb-agent-tx-exec.sh (the client's exec) and
# qatwb-agent-tx-worker.sh (the worker and the timer), just before that file's last line (see
# AgentScript); on its own it only defines functions. The contract is docs/agent-protocol.md,
# "Transactions".
# shellcheck shell=sh

# ---- transactions: apply, confirm, status, history, restore ---------------------------------
# One apply is one transaction on the NAS (docs/agent-protocol.md, "Transactions"). The exec
# checks everything before it changes anything, backs every file up into the transaction's
# directory and stages the new bytes in temporary files beside their targets. A worker started
# outside the SSH session (a transient systemd unit, else setsid) renames them into place, restarts
# QAT when asked, verifies, and rolls back by itself when a step fails: a QAT restart can drop the
# network link, so nothing that must finish may depend on the connection. After a restart, a
# rollback timer on the NAS restores the backups unless the workbench confirms over a new connection
# in time. The worker and the timer run the copy of this script kept in the transaction's directory.

TX_BASE=/var/lib/qatwb       # under $R: tx/<id>/ per transaction, and the lock
TX_KEEP=20                   # transactions kept with their backups; the oldest finished go first
TX_WAIT=540                  # seconds an exec waits for the worker before it answers "in progress"
TX_FILES=256                 # files per transaction at most (a c4xxx host has 131 conf files)
TX_GO_WAIT=120               # seconds the exec waits for the client's go once everything is staged
# Every tool that can hang is bounded (tx_bounded, with timeout(1) where the NAS has one): a hung
# step fails with "timed out after N s" and the rollback runs. Seconds:
TO_RESTART=300               # systemctl restart qat, qat_service restart, adf_ctl restart (48 VFs: tens of s)
TO_STATUS=60                 # adf_ctl status
TO_SYNC=120                  # sync (a busy pool's fsync)
TO_LOG=30                    # dmesg
TO_SUDO=30                   # sudo -n true (a directory service may hang it)
TO_SYSTEMD=60                # systemd-run, systemctl stop
TO_WORKER_STEP=$((TO_RESTART + TO_STATUS + 60))   # the timer's wait for a worker still at a step
PAYLOAD_AGENT_SHA=           # set by the client's data section, with payload(), for apply and restore
payload() {                  # replaced by the client's data section; without one there is nothing
    return 1
}

# What a transaction's state says, the one declaration of the states (model's TxState mirrors
# it): running (a runner is at it; holds the lock), waiting (for the workbench's confirm; holds the
# lock), boot (the lock is released; the boot check still has work: staged files take effect at the
# next boot, deferred ones the driver refused to restart now), final (refused, applied: records from
# before the boot check, confirmed, booted, rolled-back, rollback-failed). Sets TX_KIND.
tx_kind() {                    # STATE
    case $1 in
        prepared|awaiting-go|committing|restarting|arming|rolling-back) TX_KIND=running ;;
        awaiting-confirm) TX_KIND=waiting ;;
        staged|deferred) TX_KIND=boot ;;
        *) TX_KIND=final ;;
    esac
}

tx_id_ok() {                   # ID: 20261122T100001Z-3fa2b1c0, made by the client from the time and 32 random bits
    case $1 in
        [0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z-[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]) return 0 ;;
    esac
    return 1
}

sha_ok() {                     # HEX: a sha256 as sha256sum prints it
    case $1 in *[!0-9a-f]*) return 1 ;; esac
    [ ${#1} -eq 64 ]
}

bsf_ok() {                     # DDDD:BB:DD.F, lowercase, as the client normalises it
    case $1 in
        [0-9a-f][0-9a-f][0-9a-f][0-9a-f]:[0-9a-f][0-9a-f]:[0-9a-f][0-9a-f].[0-7]) return 0 ;;
    esac
    return 1
}

# The only files a transaction may write: the driver's conf files, /etc/default/qat and the VF
# blacklist. Everything else is refused, whatever the client says.
target_ok() {                  # PATH
    case $1 in
        /etc/default/qat|/etc/modprobe.d/blacklist-qat-vfs.conf) return 0 ;;
        /etc/*) ;;
        *) return 1 ;;
    esac
    t_name=${1#/etc/}
    case $t_name in *[!a-z0-9_.]*|.*) return 1 ;; *.conf) ;; *) return 1 ;; esac
    t_stem=${t_name%.conf}
    t_type=${t_stem%_dev*}
    t_inst=${t_stem##*_dev}
    [ "$t_type" != "$t_stem" ] && [ -n "$t_type" ] || return 1
    case $t_type in *[!a-z0-9]*) return 1 ;; esac
    case $t_inst in ''|*[!0-9]*|???????*) return 1 ;; esac
    return 0
}

expected_ok() {                # -, or BSFs joined by commas
    [ "$1" = - ] && return 0
    case $1 in ''|,*|*,|*,,*) return 1 ;; esac
    e_ifs=$IFS
    IFS=,
    set -f
    # shellcheck disable=SC2086 # splitting a list of words is the point here
    set -- $1
    set +f
    IFS=$e_ifs
    for e_b in "$@"; do bsf_ok "$e_b" || return 1; done
    return 0
}

decimal_ok() {                 # N MIN MAX
    case $1 in ''|*[!0-9]*|0?*|??????????*) return 1 ;; esac
    [ "$1" -ge "$2" ] && [ "$1" -le "$3" ]
}

# ---- the transaction's directory ------------------------------------------------------------
# Everything in it is root's (umask 077); with SUDO=1 the exec reads and writes it through sudo.
# Only the directories on the way and the one-word 'state' may be read by anyone: a waiting exec
# reads it every 0.1 s, without a process (and without a sudo, which would log every one).

tx_set() {                     # ID: the paths of transaction ID
    TXID=$1
    TXD=$R$TX_BASE/tx/$1
    TXL=$R$TX_BASE/lock
}

tx_get() {                     # NAME: a file of the transaction, first line
    if [ -r "$TXD/$1" ]; then
        g_v=
        read -r g_v <"$TXD/$1" 2>/dev/null
        printf '%s\n' "$g_v"
    else
        as_root cat "$TXD/$1" 2>/dev/null | head -n 1
    fi
}

tx_put() {                     # NAME TEXT: a file of the transaction, replaced whole
    printf '%s\n' "$2" | as_root tee "$TXD/.$1.tmp" >/dev/null && as_root mv -f "$TXD/.$1.tmp" "$TXD/$1"
}

tx_state() {                   # STATE: replaced whole, readable by anyone (see above)
    printf '%s\n' "$1" | as_root tee "$TXD/.state.tmp" >/dev/null && as_root chmod 644 "$TXD/.state.tmp" \
        && as_root mv -f "$TXD/.state.tmp" "$TXD/state"
}

tx_plan() {                    # KEY: a value of the plan file ("KEY VALUE" lines)
    as_root cat "$TXD/plan" 2>/dev/null | while read -r p_k p_v; do
        if [ "$p_k" = "$1" ]; then printf '%s\n' "$p_v"; break; fi
    done
}

# A step is a file steps/NNN: "NAME STATUS RC", then what the tool said. The exec, the worker, the
# timer and confirm write them in turn (never two at once: each waits for the one before, and
# confirm and the timer take turns through the 'decided' directory).
tx_step() {                    # NAME STATUS RC TEXT
    TX_STEPS=$((TX_STEPS + 1))
    { printf '%s %s %s\n' "$1" "$2" "$3"; printf '%s' "$4"; } \
        | as_root tee "$TXD/steps/$(printf '%03d' "$TX_STEPS")" >/dev/null
}

# Runs one step: what it said (stdout and stderr, 4 KiB) and its status go to a step file. Returns
# the step's success; the words stay in ST_OUT.
tx_do() {                      # NAME CMD [ARG...]
    d_name=$1
    shift
    ST_OUT=$("$@" 2>&1)
    d_rc=$?
    if [ ${#ST_OUT} -gt 4096 ]; then ST_OUT=$(printf '%s' "$ST_OUT" | head -c 4096); fi
    step_status "$d_rc" "$ST_OUT"
    tx_step "$d_name" "$ST" "$d_rc" "$ST_OUT"
    [ "$d_rc" -eq 0 ]
}

tx_open() {                    # ID: an existing transaction, to go on with
    tx_set "$1"
    TX_STEPS=$(as_root ls "$TXD/steps" 2>/dev/null | wc -l)
    TX_STEPS=$((TX_STEPS + 0))
    TX_MODE=$(tx_plan mode)
    TX_TIMEOUT=$(tx_plan timeout)
    TX_EXPECTED=$(tx_plan expected)
    TX_RUNNER=$(tx_plan runner)
}

# The manifest: one line per file, "N PATH BEFORE AFTER ACTION" (a sha256 or '-' for no file;
# ACTION write, delete or keep). Loaded as positional parameters, five at a time: the paths were
# validated and hold no blank.
tx_manifest() {
    as_root cat "$TXD/manifest" 2>/dev/null
}

# ---- the lock -------------------------------------------------------------------------------
# One transaction at a time, from the exec's checks until it is final or waits for the boot. The
# lock is a symbolic link, lock -> ID: symlink(2) makes it whole, its holder included, or fails
# because it exists, so two applies never both hold it (a directory made with mkdir and a holder
# file written after it can be read empty and taken over by a racer). Only one party ever removes
# the lock held by X: the first to make tx/X/lock-broken (X's own unlock included). A lock whose
# holder is final or waits for the boot is stale and broken that way; one whose runner is gone was
# recovered by tx_recover before. An older agent's lock (a directory with a file 'holder') is read
# and broken the same way.

tx_lock_holder() {             # prints the lock's holder ('' when there is none)
    if [ -L "$TXL" ]; then
        h_l=$(as_root ls -l "$TXL" 2>/dev/null)
        printf '%s\n' "${h_l##* -> }"
    elif [ -d "$TXL" ]; then
        as_root cat "$TXL/holder" 2>/dev/null | head -n 1
    fi
}

tx_lock() {
    l_try=0
    while [ "$l_try" -lt 3 ]; do
        l_try=$((l_try + 1))
        # an older agent's directory: ln would make the link inside it
        if [ -L "$TXL" ] || [ ! -d "$TXL" ]; then as_root ln -s "$TXID" "$TXL" 2>/dev/null && return 0; fi
        l_holder=$(tx_lock_holder)
        if [ -z "$l_holder" ] && [ ! -L "$TXL" ] && [ ! -e "$TXL" ]; then continue; fi  # released meanwhile
        if ! tx_id_ok "$l_holder"; then
            LOCK_MSG="the lock ${TXL#"$R"} names no transaction (${l_holder:-empty}): if no apply runs, remove it by hand"
            return 1
        fi
        l_state=
        if [ -r "$R$TX_BASE/tx/$l_holder/state" ]; then read -r l_state <"$R$TX_BASE/tx/$l_holder/state"; fi
        tx_kind "$l_state"
        if [ -n "$l_state" ] && [ "$TX_KIND" = running ]; then
            LOCK_MSG="transaction $l_holder is in progress ($l_state)"
            return 1
        elif [ "$TX_KIND" = waiting ]; then
            LOCK_MSG="transaction $l_holder awaits its confirmation (confirm or abort it)"
            return 1
        fi
        tx_break_lock "$l_holder" || { LOCK_MSG="another transaction took the lock"; return 1; }
    done
    LOCK_MSG="another transaction took the lock"
    return 1
}

# Removes the lock held by HOLDER, when this caller is the first to try (see above). The marker
# lives in the holder's directory, or beside the lock when that directory is gone.
tx_break_lock() {              # HOLDER
    k_d=$R$TX_BASE/tx/$1
    if ! as_root test -d "$k_d"; then
        k_d=$R$TX_BASE/broken/$1
        as_root mkdir -p "$k_d" 2>/dev/null || return 1
    fi
    as_root mkdir "$k_d/lock-broken" 2>/dev/null || return 1
    if [ "$(tx_lock_holder)" = "$1" ]; then as_root rm -rf "$TXL"; fi
    return 0
}

tx_unlock() {
    if [ "$(tx_lock_holder)" = "$TXID" ]; then tx_break_lock "$TXID"; fi
    return 0
}

# A transaction that released the lock (staged, deferred) takes it again to change its files (abort):
# its marker from its own unlock goes first.
tx_relock() {
    as_root rmdir "$TXD/lock-broken" 2>/dev/null
    tx_lock
}

# ---- who runs a transaction, and recovery ---------------------------------------------------
# The file 'process' of a transaction: "PID BOOT_ID" of whoever runs it now (the exec, then the
# worker, the timer's rollback, an abort, a recovery). A process of another boot is gone; on this
# boot, gone when /proc has no such process or only its zombie.

tx_boot_id() {
    o_b=
    for o_f in "$R/proc/sys/kernel/random/boot_id" /proc/sys/kernel/random/boot_id; do
        if [ -r "$o_f" ]; then read -r o_b <"$o_f"; break; fi
    done
    case $o_b in ''|*[!0-9a-f-]*) echo unknown ;; *) printf '%s\n' "$o_b" ;; esac
}

tx_mine() {                    # this shell runs the transaction now
    tx_put process "$$ $(tx_boot_id)"
}

tx_alive() {                   # PID BOOT_ID
    case $1 in ''|*[!0-9]*) return 1 ;; esac
    [ "$2" = "$(tx_boot_id)" ] || return 1
    if [ -d /proc/self ]; then
        [ -r "/proc/$1/stat" ] || return 1
        o_st=
        read -r o_st <"/proc/$1/stat" 2>/dev/null
        o_st=${o_st##*) }
        case $o_st in Z*|X*|'') return 1 ;; esac
        return 0
    fi
    kill -0 "$1" 2>/dev/null
}

# Whether the process running transaction ID is gone (an older agent's: its exec's 'pid').
tx_gone() {                    # ID
    o_proc=$(as_root cat "$R$TX_BASE/tx/$1/process" 2>/dev/null | head -n 1)
    if [ -z "$o_proc" ]; then
        o_proc="$(as_root cat "$R$TX_BASE/tx/$1/pid" 2>/dev/null | head -n 1) $(tx_boot_id)"
    fi
    # shellcheck disable=SC2086 # PID BOOT_ID: two words
    ! tx_alive $o_proc
}

# Whoever recovers transaction TXID first: recovery.N -> PID:BOOT_ID made with ln -s (whole or not
# at all); a recovery whose process is gone is taken over with N + 1. After the claim, the
# transaction is looked at again: its runner may have just written who it is.
tx_claim_recovery() {
    c_me="$$:$(tx_boot_id)"
    c_n=1
    while [ "$c_n" -le 64 ]; do
        if as_root ln -s "$c_me" "$TXD/recovery.$c_n" 2>/dev/null; then
            c_state=$(tx_get state)
            tx_kind "$c_state"
            if [ "$TX_KIND" = running ] && tx_gone "$TXID"; then
                tx_mine
                return 0
            fi
            as_root rm -f "$TXD/recovery.$c_n"
            return 1
        fi
        c_l=$(as_root ls -l "$TXD/recovery.$c_n" 2>/dev/null)
        c_v=${c_l##* -> }
        tx_alive "${c_v%%:*}" "${c_v#*:}" && return 1
        c_n=$((c_n + 1))
    done
    return 1
}

# Finishes or undoes every transaction whose runner is gone (killed, or a boot ago), and removes
# the temporary files of those that are no longer running. Runs first in every transaction command
# and in the boot check: a worker killed mid-commit must not leave a mix of files and the lock held.
# Undoing is tx_rollback: only what the journal says was renamed, only where it still holds what
# this transaction wrote (tx_restore_files); QAT restarted again when it was restarted.
tx_recover() {
    v_id=${TXID-} v_steps=${TX_STEPS-0}
    for v_tx in $(tx_ids); do
        [ "$v_tx" = "$v_id" ] && continue
        v_state=
        if [ -r "$R$TX_BASE/tx/$v_tx/state" ]; then read -r v_state <"$R$TX_BASE/tx/$v_tx/state"; fi
        tx_kind "$v_state"
        if [ -z "$v_state" ] || [ "$TX_KIND" != running ]; then continue; fi
        tx_gone "$v_tx" || continue
        tx_recover_one "$v_tx"
    done
    tx_drop_stale_temps
    if [ -n "$v_id" ]; then tx_open "$v_id"; TX_STEPS=$v_steps; else TXID='' TXD=''; fi
}

tx_recover_one() {             # ID: its runner is gone
    tx_open "$1"
    tx_claim_recovery || return 0
    # The rollback timer (armed before the commit), a confirm or an abort may be at it: whoever took
    # the 'decided' turn and still runs keeps it. Else the turn is taken here, so that a timer that
    # fires now finds it taken and leaves the transaction to this recovery.
    if ! tx_claim recover; then
        if tx_decider_alive; then
            as_root rm -f "$TXD/recovery.$c_n"
            return 0
        fi
        printf 'recover %s %s\n' "$$" "$(tx_boot_id)" | as_root tee "$TXD/decided/by" >/dev/null
    fi
    u_state=$(tx_get state)
    if ! as_root test -e "$TXD/journal" && { [ "$u_state" = prepared ] || [ "$u_state" = awaiting-go ]; }; then
        tx_drop_temps
        tx_step abandoned error 0 "its exec ended before the worker started (connection lost?): nothing was changed"
        tx_finish refused
        return 0
    fi
    tx_step recover error 0 "its runner was gone while $u_state (killed, or the NAS rebooted): undoing what it did"
    tx_rollback restart
}

# Temporary files beside the targets (.qatwb.ID.NAME.XXXXXX) of transactions that no longer run:
# final ones, those waiting or staged (their renames are done), and those whose directory is gone.
tx_drop_stale_temps() {
    for d_dir in "$R/etc" "$R/etc/default" "$R/etc/modprobe.d"; do
        for d_f in "$d_dir/.qatwb."*; do
            [ -e "$d_f" ] || continue
            d_id=${d_f#"$d_dir/.qatwb."}
            d_id=${d_id%%.*}
            if tx_id_ok "$d_id" && [ -r "$R$TX_BASE/tx/$d_id/state" ]; then
                d_state=
                read -r d_state <"$R$TX_BASE/tx/$d_id/state"
                tx_kind "$d_state"
                [ "$TX_KIND" = running ] && continue
            elif tx_id_ok "$d_id" && as_root test -d "$R$TX_BASE/tx/$d_id"; then
                continue       # a transaction being made: no state yet
            fi
            as_root rm -f "$d_f"
        done
    done
}

# The transaction's temporary files go: those listed, and any a signal cut off before it was listed
# (their names hold the transaction's id).
tx_drop_temps() {
    set -f
    # shellcheck disable=SC2046 # splitting the list is the point (set -f is on)
    set -- $(as_root cat "$TXD/temps" 2>/dev/null)
    set +f
    while [ $# -ge 2 ]; do
        as_root rm -f "$R$2"
        shift 2
    done
    for d_dir in "$R/etc" "$R/etc/default" "$R/etc/modprobe.d"; do
        for d_f in "$d_dir/.qatwb.$TXID."*; do
            if [ -e "$d_f" ]; then as_root rm -f "$d_f"; fi
        done
    done
}

# The oldest final transactions go, in the NAS's order (seq, not the ids' times: those are the
# client's clock): at most TX_KEEP that changed files, and apart from them at most TX_KEEP refused
# or empty ones (no file changed), so that those never push out a backup that matters. Never one
# that is not final (staged and deferred ones included), nor the lock's holder, nor this one. The
# first backup of each file (pristine/) is never pruned.
tx_prune() {
    p_holder=$(tx_lock_holder)
    p_major=
    p_minor=
    for p_id in $(tx_ids); do
        [ "$p_id" = "$TXID" ] && continue
        [ "$p_id" = "$p_holder" ] && continue
        p_d=$R$TX_BASE/tx/$p_id
        p_state=
        if [ -r "$p_d/state" ]; then read -r p_state <"$p_d/state"; fi
        tx_kind "$p_state"
        if [ -z "$p_state" ] || [ "$TX_KIND" != final ]; then continue; fi
        if [ "$p_state" = refused ] || ! as_root grep -q -e ' write$' -e ' delete$' "$p_d/manifest" 2>/dev/null; then
            p_minor="$p_minor $p_id"
        else
            p_major="$p_major $p_id"
        fi
    done
    for p_list in "$p_major" "$p_minor"; do
        # shellcheck disable=SC2086 # ids: words
        set -- $p_list
        p_over=$(($# - TX_KEEP))
        for p_id in "$@"; do
            [ "$p_over" -gt 0 ] || break
            as_root rm -rf "$R$TX_BASE/tx/$p_id"
            p_over=$((p_over - 1))
        done
    done
}

# The NAS's own order of transactions: /var/lib/qatwb/seq counts up under the lock and each
# transaction keeps its number in tx/ID/seq (anyone may read it, as the state).
tx_number() {
    n_seq=0
    if as_root test -e "$R$TX_BASE/seq"; then n_seq=$(as_root cat "$R$TX_BASE/seq" 2>/dev/null | head -n 1); fi
    case $n_seq in ''|*[!0-9]*|??????????*) n_seq=0 ;; esac
    n_seq=$((n_seq + 1))
    printf '%s\n' "$n_seq" | as_root tee "$R$TX_BASE/.seq.tmp" >/dev/null && as_root mv -f "$R$TX_BASE/.seq.tmp" "$R$TX_BASE/seq"
    printf '%s\n' "$n_seq" | as_root tee "$TXD/seq" >/dev/null && as_root chmod 644 "$TXD/seq"
}

# The sha256 of each file, in order, '-' for one that is not there: one sha256sum for all (it
# reads what the login user may not even see with SUDO=1, and goes on past a missing file). It
# prints the files it read in the order given, so one pass pairs its lines with the names
# (a lookup in one long string instead is quadratic in dash: seconds for 52 files).
tx_sums() {                    # FILE...
    as_root sha256sum -- "$@" 2>/dev/null | {
        read -r s_h s_p || s_p=
        for s_f in "$@"; do
            if [ "$s_p" = "$s_f" ]; then
                printf '%s\n' "$s_h"
                read -r s_h s_p || s_p=
            else
                printf '%s\n' -
            fi
        done
    }
}

# Whether each FILE holds SHA; the PATHs of those that do not go to V_BAD. Words: FILE SHA PATH.
tx_compare() {                 # FILE SHA PATH...
    c_files=
    c_want=
    set -f
    while [ $# -ge 3 ]; do
        c_files="$c_files $1"
        c_want="$c_want $2:$3"
        shift 3
    done
    V_BAD=
    [ -n "$c_files" ] || { set +f; return 0; }
    # shellcheck disable=SC2086
    c_sums=$(tx_sums $c_files)
    for c_w in $c_want; do
        c_got=${c_sums%%"$NL"*}
        c_sums=${c_sums#*"$NL"}
        if [ "${c_w%%:*}" != "$c_got" ]; then V_BAD="$V_BAD${c_w#*:}$NL"; fi
    done
    set +f
    [ -z "$V_BAD" ]
}

# The transactions on this NAS, oldest first by their seq (those from before it, 0, by id).
tx_ids() {
    as_root ls "$R$TX_BASE/tx" 2>/dev/null | while read -r i_id; do
        tx_id_ok "$i_id" || continue
        i_seq=0
        if [ -r "$R$TX_BASE/tx/$i_id/seq" ]; then read -r i_seq <"$R$TX_BASE/tx/$i_id/seq"; fi
        case $i_seq in ''|*[!0-9]*|??????????*) i_seq=0 ;; esac
        printf '%s %s\n' "$i_seq" "$i_id"
    done | sort -k1,1n -k2,2 | while read -r i_seq i_id; do printf '%s\n' "$i_id"; done
}

# DIRS gets DIR once: the directories to sync after renames.
dir_add() {                    # DIR
    case " $DIRS " in *" $1 "*) ;; *) DIRS="$DIRS $1" ;; esac
}

# CMD as root (as_root), ended when it outlives SECONDS: timeout(1) of coreutils (status 124) or
# busybox (which kills CMD in its place: 143). Prints "timed out after N s" and returns 124 then.
# Without timeout(1) CMD runs unbounded.
tx_bounded() {                 # SECONDS CMD [ARG...]
    b_secs=$1
    shift
    if ! b_to=$(command -v timeout 2>/dev/null); then
        as_root "$@"
        return
    fi
    if [ "$SUDO" = 1 ]; then
        b_cmd=$(command -v "$1") || b_cmd=$1
        shift
        sudo -n "$b_to" "$b_secs" "$b_cmd" "$@"
    else
        "$b_to" "$b_secs" "$@"
    fi
    b_rc=$?
    case $b_rc in
        124|143) echo "timed out after $b_secs s"; return 124 ;;
    esac
    return "$b_rc"
}

# fsync: 'sync FILE' syncs just those (coreutils 8.24, busybox 1.26); older ones sync everything.
tx_sync() {                    # FILE...
    tx_bounded "$TO_SYNC" sync -- "$@" >/dev/null 2>&1 || tx_bounded "$TO_SYNC" sync >/dev/null 2>&1
}

tx_finish() {                  # FINAL_STATE
    tx_state "$1"
    tx_unlock
}

# ---- restart, verify, roll back: the worker, the timer and the boot check run these --------

# Whether every target still holds what it held at the checks (BEFORE). Sets V_BAD.
tx_verify_now() {              # MANIFEST
    set -f
    # shellcheck disable=SC2086 # splitting a list of words is the point here
    set -- $1
    set +f
    n_check=
    while [ $# -ge 5 ]; do
        n_check="$n_check $R$2 $3 $2"
        shift 5
    done
    # shellcheck disable=SC2086
    tx_compare $n_check
}

# Before the first restart: the parameters' values and the devices that are up, for the rollback.
tx_remember() {
    r_p=
    for r_n in compress checksum encrypt; do
        r_f=$R/sys/module/zfs/parameters/zfs_qat_${r_n}_disable
        if [ -e "$r_f" ]; then r_p="$r_p$r_n $(head -n 1 "$r_f")$NL"; fi
    done
    tx_put params "${r_p%"$NL"}"
    r_up=
    for r_b in $(tx_up_list); do r_up="$r_up${r_up:+,}$r_b"; done
    tx_put up_before "${r_up:-none}"
    if [ -e "$R/proc/spl/kstat/zfs/qat" ]; then tx_put kstat_before yes; else tx_put kstat_before no; fi
}

# The BSFs of the devices adf_ctl shows up, normalised to DDDD:BB:DD.F, one per line.
tx_up_list() {
    u_cr=$(printf '\r')
    tx_bounded "$TO_STATUS" adf_ctl status 2>/dev/null | while IFS= read -r u_l; do
        u_l=${u_l%"$u_cr"}             # CRLF, as some tools print it
        case $u_l in *"state: up"*|*"state=up"*) ;; *) continue ;; esac
        case $u_l in *bsf:*) u_b=${u_l#*bsf:} ;; *) continue ;; esac
        u_b=${u_b#"${u_b%%[! ]*}"}
        u_b=${u_b%%[, ]*}
        case $u_b in ?*:?*:?*) ;; *) u_b=0000:$u_b ;; esac
        printf '%s\n' "$u_b"
    done
}

# Every expected device is up ('-': every device adf_ctl lists, and at least one).
tx_verify_devices() {          # EXPECTED
    y_status=$(tx_bounded "$TO_STATUS" adf_ctl status 2>&1)
    y_up=$(tx_up_list)
    y_missing=
    if [ "$1" = none ]; then
        echo "no device was up before: nothing to verify"
        return 0
    elif [ "$1" = - ]; then
        y_down=$(printf '%s\n' "$y_status" | grep -c 'state[:=] *down')
        if [ -z "$y_up" ]; then
            printf '%s\n' "no device is up" "$y_status"
            return 1
        fi
        if [ "$y_down" -gt 0 ]; then
            printf '%s\n' "$y_down devices are down" "$y_status"
            return 1
        fi
    else
        y_ifs=$IFS
        IFS=,
        set -f
        # shellcheck disable=SC2086 # splitting a list of words is the point here
        set -- $1
        set +f
        IFS=$y_ifs
        for y_b in "$@"; do
            case "$NL$y_up$NL" in *"$NL$y_b$NL"*) ;; *) y_missing="$y_missing $y_b" ;; esac
        done
        if [ -n "$y_missing" ]; then
            printf '%s\n' "not up:$y_missing" "$y_status"
            return 1
        fi
    fi
    printf '%s\n' "$(printf '%s\n' "$y_up" | grep -c .) devices up"
}

tx_verify_kstat() {
    if [ "$(tx_get kstat_before)" != yes ]; then echo "no QAT kstat before the restart: not checked"; return 0; fi
    if [ -e "$R/proc/spl/kstat/zfs/qat" ]; then echo "/proc/spl/kstat/zfs/qat is there"; return 0; fi
    echo "/proc/spl/kstat/zfs/qat is gone: ZFS lost QAT"
    return 1
}

tx_param_write() {             # NAME VALUE
    printf '%s\n' "$2" | as_root tee "$R/sys/module/zfs/parameters/zfs_qat_$1_disable" >/dev/null
}

# The three ZFS parameters to 1 (no new offloads while QAT restarts, DOMAIN.md section 8).
tx_params_off() {
    set -f
    # shellcheck disable=SC2046 # splitting the list is the point (set -f is on)
    set -- $(tx_get_all params)
    set +f
    while [ $# -ge 2 ]; do
        tx_param_write "$1" 1 || return 1
        shift 2
    done
}

# The parameters as they were before the transaction; a 0 that the kernel refuses (EPERM: QAT
# initialisation failed) fails the step.
tx_params_restore() {
    set -f
    # shellcheck disable=SC2046 # splitting the list is the point (set -f is on)
    set -- $(tx_get_all params)
    set +f
    x_rc=0
    while [ $# -ge 2 ]; do
        tx_param_write "$1" "$2" || x_rc=1
        shift 2
    done
    return "$x_rc"
}

tx_get_all() {                 # NAME: a whole file of the transaction
    as_root cat "$TXD/$1" 2>/dev/null
}

# qat.service's restart as the NAS does it: systemd, else the init script, else adf_ctl.
tx_qat_restart() {
    if [ -d "$R/run/systemd/system" ] && command -v systemctl >/dev/null 2>&1; then
        tx_bounded "$TO_RESTART" systemctl restart qat
    elif [ -x "$R/etc/init.d/qat_service" ]; then
        tx_bounded "$TO_RESTART" "$R/etc/init.d/qat_service" restart
    else
        tx_bounded "$TO_RESTART" adf_ctl restart
    fi
}

# The kernel log's QAT lines since MARK lines (the driver's messages), kept with the transaction.
tx_kernel_log() {              # MARK
    command -v dmesg >/dev/null 2>&1 || return 0
    tx_bounded "$TO_LOG" dmesg 2>/dev/null | tail -n +$(($1 + 1)) \
        | grep -i -e qat -e adf -e icp -e quickassist | as_root tee -a "$TXD/kernel_log" >/dev/null
}

tx_log_mark() {
    if command -v dmesg >/dev/null 2>&1; then tx_bounded "$TO_LOG" dmesg 2>/dev/null | wc -l; else echo 0; fi
}

# The QAT driver modules' reference counts (/sys/module/<drv>/refcnt): adf_dev_get takes one on the
# device's driver module when a kernel user (ZFS's started instances) starts using a device
# (qat_common/adf_dev_mgr.c), and a stop ioctl with any device in use is refused whole
# (adf_ctl_drv.c adf_ctl_is_device_in_use). Prints "MODULE COUNT" for each module in use; returns 0
# when a device is held, 1 when none is, 3 when no QAT driver module shows a count.
tx_qat_held() {
    h_any=
    h_held=1
    for h_d in "$R"/sys/module/qat_*; do
        [ -r "$h_d/refcnt" ] || continue
        h_m=${h_d##*/}
        case $h_m in qat_api|*[!a-z0-9_]*) continue ;; esac
        h_any=1
        h_n=$(head -n 1 "$h_d/refcnt" 2>/dev/null)
        case $h_n in ''|*[!0-9]*) continue ;; esac
        if [ "$h_n" -gt 0 ]; then
            printf '%s %s\n' "$h_m" "$h_n"
            h_held=0
        fi
    done
    [ -n "$h_any" ] || return 3
    return "$h_held"
}

# Whether, since kernel-log line MARK, the driver refused to stop a device in use: the kernel's
# "device qat_devN is busy" (adf_ctl_is_device_in_use), or, in this transaction's restart step,
# adf_ctl's "device busy" (adf_ctl.cpp perform_stop_dev). Prints the driver's words.
tx_restart_refused() {         # MARK
    b_words=
    if command -v dmesg >/dev/null 2>&1; then
        b_words=$(as_root dmesg 2>/dev/null | tail -n +$(($1 + 1)) | grep -e 'device qat_dev[0-9]* is busy' | head -n 5)
    fi
    if [ -z "$b_words" ]; then
        case $NL${ST_OUT-}$NL in *"${NL}device busy$NL"*) b_words="adf_ctl: device busy" ;; esac
    fi
    [ -n "$b_words" ] || return 1
    printf '%s\n' "$b_words"
}

# Each expected key (lines "BSF SECTION KEY VALUE" in $TXD/NAME, by default expect) against the
# device's debugfs dev_cfg (qat_<type>_<BSF>/dev_cfg, what the driver loaded: adf_cfg_dev_dbg.c).
# Prints one line per mismatch (at most 20, then a count); returns 0 all match (or nothing to
# check), 1 a mismatch, 3 dev_cfg not readable (no debugfs).
tx_verify_devcfg() {           # [NAME]
    c_name=${1:-expect}
    c_lines=$(as_root cat "$TXD/$c_name" 2>/dev/null)
    if [ -z "$c_lines" ]; then echo "no dev_cfg expectation: not checked"; return 0; fi
    if ! as_root test -d "$R/sys/kernel/debug"; then echo "debugfs is not mounted: dev_cfg not checked"; return 3; fi
    c_bad=0
    c_n=0
    c_prev=
    c_text=
    c_file=
    while read -r c_bsf c_sec c_key c_val; do
        bsf_ok "$c_bsf" || continue
        if [ "$c_bsf" != "$c_prev" ]; then
            c_prev=$c_bsf
            c_file=
            for c_f in "$R"/sys/kernel/debug/qat_*_"$c_bsf"/dev_cfg; do
                if as_root test -e "$c_f"; then c_file=$c_f; fi
            done
            c_text=
            if [ -n "$c_file" ]; then c_text=$(as_root cat "$c_file" 2>/dev/null); fi
        fi
        c_n=$((c_n + 1))
        if [ -z "$c_file" ]; then
            c_got="(no dev_cfg)"
        elif [ -z "$c_text" ]; then
            c_got="(no configuration loaded)"
        else
            # the section's line 'KEY = VALUE': section and key are [A-Za-z0-9_] (checked when stored)
            c_got=$(printf '%s\n' "$c_text" | awk -v s="[$c_sec]" -v k="$c_key = " '
                /^\[/ { in_s = ($0 == s); next }
                in_s && index($0, k) == 1 { print substr($0, length(k) + 1); exit }')
            [ -n "$c_got" ] || c_got="(absent)"
        fi
        if [ "$c_got" != "$c_val" ]; then
            c_bad=$((c_bad + 1))
            if [ "$c_bad" -le 20 ]; then printf '%s [%s] %s: %s, the files say %s\n' "$c_bsf" "$c_sec" "$c_key" "$c_got" "$c_val"; fi
        fi
    done <<EOF_EXPECT
$c_lines
EOF_EXPECT
    if [ "$c_bad" -gt 0 ]; then
        echo "$c_bad of $c_n keys differ: the driver does not run these files"
        return 1
    fi
    echo "$c_n keys as the files say"
}

# Parameters to 1, restart, verify the devices, the kstat and what the driver loaded (dev_cfg
# against $TXD/DEVCFG), parameters back. PREFIX names the steps of a rollback apart. Returns 2
# when the driver refused the restart because devices are in use (step PREFIXbusy, with its words).
tx_restart_verify() {          # PREFIX EXPECTED [DEVCFG]
    tx_do "${1}params_off" tx_params_off || return 1
    echo yes | as_root tee "$TXD/restarted" >/dev/null
    v_mark=$(tx_log_mark)
    tx_do "${1}restart" tx_qat_restart
    v_rc=$?
    tx_kernel_log "$v_mark"
    if v_busy=$(tx_restart_refused "$v_mark"); then
        tx_step "${1}busy" error 0 "the driver refused to stop devices in use: $v_busy"
        return 2
    fi
    [ "$v_rc" -eq 0 ] || return 1
    tx_do "${1}verify_devices" tx_verify_devices "$2" || return 1
    tx_do "${1}verify_kstat" tx_verify_kstat || return 1
    tx_do "${1}verify_devcfg" tx_verify_devcfg "${3:-expect}"
    [ $? -ne 1 ] || return 1
    tx_do "${1}params_restore" tx_params_restore
}

# The driver refused to stop the devices ZFS holds: the parameters as they were, the files stay
# committed for the next boot, and the boot check is armed to verify them there. The state
# changes last: a waiting exec reports as soon as it leaves the running ones.
tx_defer() {
    tx_do params_restore tx_params_restore
    tx_do boot_arm tx_boot_arm
    tx_finish deferred
}

# Puts back what this transaction wrote (tx_restore_files), then, when QAT was restarted,
# restarts it on the old files and verifies the devices that were up before.
tx_rollback() {                # files|restart
    tx_state rolling-back
    k_ok=1
    tx_do rollback_files tx_restore_files || k_ok=
    tx_drop_temps
    if [ "$1" = restart ] && [ "$(tx_get restarted)" = yes ]; then
        b_up=$(tx_get up_before)
        tx_restart_verify rollback_ "${b_up:-none}" expect_before || k_ok=
    elif [ "$1" = restart ]; then
        tx_do rollback_params tx_params_restore || k_ok=
    fi
    if [ -n "$k_ok" ]; then tx_finish rolled-back; else tx_finish rollback-failed; fi
}

# Puts back what this transaction wrote, and nothing else: only the files the journal says it
# renamed or removed (all of them when an older agent kept no journal), and of those only the ones
# that still hold what it wrote (AFTER; for a removal, still absent): the backup goes back
# atomically, or the file it made goes. A file that holds BEFORE again is left. A file that holds
# anything else was changed by someone else after this transaction: it stays as it is, is named,
# and the rollback fails (needs attention) rather than write over another writer's bytes.
tx_restore_files() {
    f_journal=
    if as_root test -e "$TXD/journal"; then
        f_journal=" $(as_root cat "$TXD/journal" 2>/dev/null | while read -r f_k f_n _; do
            case $f_k in rename|delete) printf '%s ' "$f_n" ;; esac
        done)"
    fi
    set -f
    # shellcheck disable=SC2046 # splitting the list is the point (set -f is on)
    set -- $(tx_manifest)
    set +f
    f_cand=
    f_files=
    while [ $# -ge 5 ]; do
        if [ "$5" != keep ]; then
            case ${f_journal:-all} in all|*" $1 "*) f_cand="$f_cand $1 $2 $3 $4"; f_files="$f_files $R$2" ;; esac
        fi
        shift 5
    done
    f_n=0
    f_same=0
    f_bad=
    f_other=
    DIRS=
    set -f
    # shellcheck disable=SC2086
    f_sums=$(tx_sums $f_files)
    # shellcheck disable=SC2086 # splitting a list of words is the point here
    set -- $f_cand
    set +f
    while [ $# -ge 4 ]; do
        f_now=${f_sums%%"$NL"*}
        f_sums=${f_sums#*"$NL"}
        f_t=$R$2
        if [ "$f_now" = "$3" ]; then
            f_same=$((f_same + 1))
        elif [ "$f_now" != "$4" ]; then
            f_other="$f_other$2$NL"
        elif [ "$3" = - ]; then
            as_root rm -f "$f_t" || f_bad="$f_bad $2"
            f_n=$((f_n + 1))
            dir_add "${f_t%/*}"
        else
            # shellcheck disable=SC2015 # any failed step, the last included, marks the file bad: that is the point
            f_tmp=$(as_root mktemp "${f_t%/*}/.qatwb.$TXID.${f_t##*/}.XXXXXX") \
                && as_root cp -p "$TXD/old/${2##*/}" "$f_tmp" && tx_sync "$f_tmp" && as_root mv -f "$f_tmp" "$f_t" \
                || { f_bad="$f_bad $2"; [ -z "${f_tmp-}" ] || as_root rm -f "$f_tmp"; }
            f_tmp=
            f_n=$((f_n + 1))
            dir_add "${f_t%/*}"
        fi
        shift 4
    done
    set -f
    # shellcheck disable=SC2086
    [ -z "$DIRS" ] || tx_sync $DIRS
    set +f
    f_msg="$f_n files restored from the backups"
    if [ "$f_same" -gt 0 ]; then f_msg="$f_msg; $f_same already as before"; fi
    if [ "$f_journal" = " " ]; then f_msg="nothing was renamed: nothing to restore"; fi
    if [ -n "$f_other" ]; then
        printf '%s\n%s' "$f_msg; changed by someone else since this transaction wrote them, left as they are:" "$f_other"
        [ -z "$f_bad" ] || echo "could not restore:$f_bad"
        return 1
    fi
    if [ -n "$f_bad" ]; then echo "could not restore:$f_bad"; return 1; fi
    echo "$f_msg"
}

# Confirm, abort, the worker's own rollback, the timer and a recovery take turns here: the first to
# make the directory decides, and says in it who it is and which process ("WHO PID BOOT_ID"), so
# that tx_recover takes over only from a decider that is gone (a confirm cut off right after its
# claim is finished by the next one).
tx_claim() {                   # WHO
    as_root mkdir "$TXD/decided" 2>/dev/null || return 1
    printf '%s %s %s\n' "$1" "$$" "$(tx_boot_id)" | as_root tee "$TXD/decided/by" >/dev/null
    return 0
}

tx_decider() {                 # prints who took the turn (WHO of tx_claim), '' when nobody did
    d_by=$(tx_get decided/by)
    printf '%s\n' "${d_by%% *}"
}

# Whether the turn was taken by a process that still runs: an empty record is a claim being made
# (its process runs); an older agent's (WHO alone) names no process, so it is gone.
tx_decider_alive() {
    as_root test -d "$TXD/decided" || return 1
    d_by=$(tx_get decided/by)
    [ -n "$d_by" ] || return 0
    set -f
    # shellcheck disable=SC2086 # WHO PID BOOT_ID: three words
    set -- $d_by
    set +f
    [ $# -eq 3 ] && tx_alive "$2" "$3"
}

# ---- what the client sees -------------------------------------------------------------------

# The transaction's summary, as item NAME: "KEY VALUE" lines, then one "file ..." line per file.
tx_summary() {                 # NAME
    frame begin "$1"
    {
        printf 'id %s\n' "$TXID"
        as_root cat "$TXD/plan" 2>/dev/null
        printf 'state %s\n' "$(tx_get state)"
        as_root cat "$TXD/manifest" 2>/dev/null | while IFS= read -r s_l; do printf 'file %s\n' "$s_l"; done
    } || exit 1
    end_item "$1" ok 0
}

tx_report() {
    for r_f in $(as_root ls "$TXD/steps" 2>/dev/null); do
        case $r_f in *[!0-9]*) continue ;; esac
        r_head=$(as_root head -n 1 "$TXD/steps/$r_f")
        set -f
        # shellcheck disable=SC2086 # splitting a list of words is the point here
        set -- $r_head
        set +f
        frame begin "step:$1"
        as_root tail -n +2 "$TXD/steps/$r_f" || exit 1
        end_item "step:$1" "$2" "$3"
    done
    tx_summary tx
    if as_root test -e "$TXD/kernel_log"; then
        frame begin kernel_log
        as_root cat "$TXD/kernel_log" || exit 1
        end_item kernel_log ok 0
    fi
}
