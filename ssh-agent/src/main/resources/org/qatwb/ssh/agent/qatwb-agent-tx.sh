# qatwb-agent, part 2: transactions (apply, confirm, status, history, restore). The client sends
# it joined to qatwb-agent.sh, just before that file's last line (see AgentScript); on its own it
# only defines functions. The contract is docs/agent-protocol.md, "Transactions".
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
PAYLOAD_AGENT_SHA=           # set by the client's data section, with payload(), for apply and restore
payload() {                  # replaced by the client's data section; without one there is nothing
    return 1
}

# What a transaction's state says: running (a worker or the exec is at it), waiting (for the
# workbench's confirm), final. Sets TX_KIND.
tx_kind() {                    # STATE
    case $1 in
        prepared|committing|restarting|arming|rolling-back) TX_KIND=running ;;
        awaiting-confirm) TX_KIND=waiting ;;
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
# One transaction at a time, from the exec's checks until it is final: mkdir is atomic. A lock
# whose holder is final, gone, or still 'prepared' by an exec that died is stale and taken over.

tx_lock() {
    as_root mkdir "$TXL" 2>/dev/null && { printf '%s\n' "$TXID" | as_root tee "$TXL/holder" >/dev/null; return 0; }
    l_holder=$(as_root cat "$TXL/holder" 2>/dev/null | head -n 1)
    if tx_id_ok "$l_holder" && as_root test -d "$R$TX_BASE/tx/$l_holder"; then
        l_state=$(as_root cat "$R$TX_BASE/tx/$l_holder/state" 2>/dev/null | head -n 1)
        tx_kind "$l_state"
        if [ "$l_state" = prepared ] && tx_orphaned "$l_holder"; then
            tx_abandon "$l_holder"
        elif [ "$TX_KIND" = running ]; then
            LOCK_MSG="transaction $l_holder is in progress ($l_state)"
            return 1
        elif [ "$TX_KIND" = waiting ]; then
            LOCK_MSG="transaction $l_holder awaits its confirmation"
            return 1
        fi
    fi
    as_root rm -rf "$TXL"
    if as_root mkdir "$TXL" 2>/dev/null; then
        printf '%s\n' "$TXID" | as_root tee "$TXL/holder" >/dev/null
        return 0
    fi
    LOCK_MSG="another transaction took the lock"
    return 1
}

tx_unlock() {
    if [ "$(as_root cat "$TXL/holder" 2>/dev/null | head -n 1)" = "$TXID" ]; then as_root rm -rf "$TXL"; fi
}

# Whether prepared transaction ID lost its exec (the connection dropped and took it) before the
# worker started: its process is gone.
tx_orphaned() {                # ID
    o_pid=$(as_root cat "$R$TX_BASE/tx/$1/pid" 2>/dev/null | head -n 1)
    case $o_pid in ''|*[!0-9]*) return 0 ;; esac
    ! kill -0 "$o_pid" 2>/dev/null
}

# A transaction whose exec died while preparing: its temporary files go, it is refused.
tx_abandon() {                 # ID
    a_id=$TXID a_steps=$TX_STEPS
    tx_open "$1"
    tx_drop_temps
    tx_step abandoned error 0 "its exec ended before the worker started (connection lost?): nothing was changed"
    tx_finish refused
    tx_set "$a_id"
    TX_STEPS=$a_steps
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

# The oldest finished transactions go, so that TX_KEEP stay with this one.
tx_prune() {
    # shellcheck disable=SC2046 # splitting the list is the point (set -f is on)
    set -- $(tx_ids)
    p_over=$(($# - TX_KEEP))
    for p_id in "$@"; do
        [ "$p_over" -gt 0 ] || break
        [ "$p_id" = "$TXID" ] && continue
        p_d=$R$TX_BASE/tx/$p_id
        tx_kind "$(as_root cat "$p_d/state" 2>/dev/null | head -n 1)"
        if [ "$TX_KIND" = final ]; then
            as_root rm -rf "$p_d"
            p_over=$((p_over - 1))
        fi
    done
}

# ---- checks and staging (the exec) ----------------------------------------------------------

# A refusal before the transaction has a directory: the step, then the transaction's summary.
tx_refuse_early() {            # NAME STATUS TEXT
    item_note "step:$1" "$2" 0 "$3"
    item_note tx ok 0 "id $TXID${NL}mode $TX_MODE${NL}state refused"
}

# The shell the exec runs under (the client runs 'sh -s'), by its path, for the worker and timer.
tx_shell() {
    s_sh=$(command -v sh)
    case $s_sh in /*) printf '%s\n' "$s_sh" ;; *) echo /bin/sh ;; esac
}

# Whether transient systemd units can be started: systemd runs (sd_booted(3): this directory
# exists) and systemd-run is there. Else the worker and the timer are setsid processes.
tx_runner() {
    if [ -d "$R/run/systemd/system" ] && command -v systemd-run >/dev/null 2>&1; then
        echo systemd
    elif command -v setsid >/dev/null 2>&1; then
        echo setsid
    else
        echo nohup
    fi
}

# Everything before the first change: tools, sudo, free space, the transaction's directory, the
# lock. TX_WANT holds the files (see tx_check). Returns false after printing the refusal.
tx_begin() {                   # ID MODE TIMEOUT EXPECTED SOURCE
    tx_set "$1"
    TX_MODE=$2 TX_TIMEOUT=$3 TX_EXPECTED=$4 TX_STEPS=0
    for b_t in base64 sha256sum mktemp cp mv rm mkdir tee; do
        if ! command -v "$b_t" >/dev/null 2>&1; then
            tx_refuse_early check_tools absent "$b_t not found: a transaction needs base64 sha256sum mktemp cp mv rm mkdir tee"
            return 1
        fi
    done
    if [ "$TX_MODE" = restart ] && ! command -v adf_ctl >/dev/null 2>&1; then
        tx_refuse_early check_tools absent "adf_ctl not found: no QAT driver to restart"
        return 1
    fi
    if ! sudo_ok; then
        tx_refuse_early check_sudo denied "$SUDO_MSG"
        return 1
    fi
    if ! tx_space; then
        tx_refuse_early check_space error "$SPACE_MSG"
        return 1
    fi
    if ! b_out=$(as_root mkdir -p "$R$TX_BASE/tx" 2>&1); then
        step_status 1 "$b_out"
        tx_refuse_early check_store "$ST" "$b_out"
        return 1
    fi
    if ! b_out=$(as_root mkdir "$TXD" "$TXD/old" "$TXD/new" "$TXD/steps" 2>&1); then
        tx_refuse_early check_store error "$b_out"
        return 1
    fi
    as_root chmod 755 "$R$TX_BASE" "$R$TX_BASE/tx" "$TXD"
    tx_put pid "$$"
    tx_state prepared
    if ! tx_lock; then
        as_root rm -rf "$TXD"
        tx_refuse_early check_lock error "$LOCK_MSG"
        return 1
    fi
    TX_RUNNER=$(tx_runner)
    tx_put plan "mode $TX_MODE${NL}timeout $TX_TIMEOUT${NL}expected $TX_EXPECTED${NL}runner $TX_RUNNER${NL}source $5"
    tx_step check_space ok 0 "$SPACE_MSG"
    tx_prune
    # from here a signal (the connection dropped) leaves nothing behind: temporary files go
    trap 'tx_interrupted' HUP INT TERM
    return 0
}

tx_interrupted() {
    trap - HUP INT TERM
    tx_drop_temps
    tx_step interrupted error 0 "the exec was stopped before the worker started (connection lost?): nothing was changed"
    tx_state refused
    tx_unlock
    exit 1
}

# Refuses the transaction from the exec: temporary files go, nothing was changed.
tx_refuse() {
    tx_drop_temps
    tx_state refused
    tx_unlock
    trap - HUP INT TERM
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

# The transactions on this NAS, oldest first (their ids sort by time); root's directory.
tx_ids() {
    as_root ls "$R$TX_BASE/tx" 2>/dev/null | while read -r i_id; do
        if tx_id_ok "$i_id"; then printf '%s\n' "$i_id"; fi
    done
}

# DIRS gets DIR once: the directories to sync after renames.
dir_add() {                    # DIR
    case " $DIRS " in *" $1 "*) ;; *) DIRS="$DIRS $1" ;; esac
}

# The files to write, checked against what the client saw; the manifest. TX_WANT holds the
# candidates, five words each: PATH BEFORE AFTER SIZE SOURCE (BEFORE '*' when the caller has no
# expectation: restore).
tx_check() {
    set -f
    # shellcheck disable=SC2086 # splitting a list of words is the point here
    set -- $TX_WANT
    set +f
    c_targets=
    c_bad=
    while [ $# -ge 5 ]; do
        c_t=$R$1
        if [ -L "$c_t" ]; then c_bad="$c_bad$1: a symbolic link (qatwb writes regular files only)$NL"
        elif [ -e "$c_t" ] && [ ! -f "$c_t" ]; then c_bad="$c_bad$1: not a regular file$NL"
        fi
        c_targets="$c_targets $c_t"
        shift 5
    done
    if [ -n "$c_bad" ]; then
        tx_step check_files error 0 "${c_bad%"$NL"}"
        return 1
    fi
    set -f
    # shellcheck disable=SC2086
    c_sums=$(tx_sums $c_targets)
    # shellcheck disable=SC2086 # splitting a list of words is the point here
    set -- $TX_WANT
    set +f
    c_n=0
    c_manifest=
    TX_STAGE=
    c_changed=
    c_writes=0
    while [ $# -ge 5 ]; do
        c_n=$((c_n + 1))
        c_now=${c_sums%%"$NL"*}
        c_sums=${c_sums#*"$NL"}
        if [ "$2" != '*' ] && [ "$2" != "$c_now" ]; then
            if [ "$c_now" = - ]; then c_changed="$c_changed$1: removed since the snapshot$NL"
            elif [ "$2" = - ]; then c_changed="$c_changed$1: created since the snapshot$NL"
            else c_changed="$c_changed$1: changed since the snapshot$NL"
            fi
        fi
        if [ "$3" = "$c_now" ]; then c_act=keep
        elif [ "$3" = - ]; then c_act=delete
        else c_act='write'; c_writes=$((c_writes + 1))
        fi
        c_manifest="$c_manifest$c_n $1 $c_now $3 $c_act$NL"
        TX_STAGE="$TX_STAGE $c_n $1 $c_act $5 $3"
        shift 5
    done
    if [ -n "$c_changed" ]; then
        tx_step check_before error 0 "${c_changed%"$NL"}"
        return 1
    fi
    tx_put manifest "${c_manifest%"$NL"}"
    tx_step check_before ok 0 "$c_n files as the workbench read them; $c_writes to write"
}

# Free space for the new files beside their targets, and for the backups and the new files in the
# transaction's directory, in KiB as 'df -Pk' counts (each file rounded up, plus a margin). Runs
# before anything is written: a full disk would fail the transaction's own directory first. Sets
# SPACE_MSG.
tx_space() {
    if ! command -v df >/dev/null 2>&1; then
        SPACE_MSG="df not found: free space not checked"
        return 0
    fi
    set -f
    # shellcheck disable=SC2086 # splitting a list of words is the point here
    set -- $TX_WANT
    set +f
    s_new=64
    DIRS=
    s_existing=
    while [ $# -ge 5 ]; do
        s_new=$((s_new + ($4 + 1023) / 1024 + 4))
        if [ -e "$R$1" ]; then s_existing="$s_existing $R$1"; fi
        s_d=$R$1
        dir_add "${s_d%/*}"
        shift 5
    done
    s_old=0
    if [ -n "$s_existing" ]; then
        set -f
        # shellcheck disable=SC2086
        s_old=$(last_number "$(as_root wc -c -- $s_existing 2>/dev/null)")
        set +f
    fi
    s_tx=$((s_new + (s_old + 1023) / 1024 + 4 * TX_FILES / 16 + 64))
    s_bad=
    s_store=$R$TX_BASE
    while [ ! -d "$s_store" ] && [ "$s_store" != "${s_store%/*}" ]; do s_store=${s_store%/*}; done
    for s_d in $DIRS "${s_store:-/}"; do
        s_df=$(df -Pk "$s_d" 2>/dev/null | tail -n 1)
        set -f
        # shellcheck disable=SC2086 # splitting a list of words is the point here
        set -- $s_df
        set +f
        s_avail=${4-}
        case $s_avail in ''|*[!0-9]*) continue ;; esac
        if [ "$s_d" = "${s_store:-/}" ]; then s_need=$s_tx; else s_need=$s_new; fi
        if [ "$s_avail" -lt "$s_need" ]; then
            s_bad="$s_bad${s_d#"$R"}: $s_avail KiB free, $s_need KiB needed$NL"
        fi
    done
    if [ -n "$s_bad" ]; then
        SPACE_MSG="not enough space: ${s_bad%"$NL"}"
        return 1
    fi
    SPACE_MSG="$s_new KiB needed beside the files, $s_tx KiB for the transaction"
}

# Every file as it is now into old/NAME (the backup; the files an apply may write all have
# distinct names), in one cp, checked against the manifest.
tx_backup() {
    set -f
    # shellcheck disable=SC2046 # splitting the list is the point (set -f is on)
    set -- $(tx_manifest)
    set +f
    k_n=0
    k_files=
    k_check=
    while [ $# -ge 5 ]; do
        if [ "$3" != - ]; then
            k_files="$k_files $R$2"
            k_check="$k_check $TXD/old/${2##*/} $3 $2"
            k_n=$((k_n + 1))
        fi
        shift 5
    done
    if [ -n "$k_files" ]; then
        set -f
        # shellcheck disable=SC2086
        k_out=$(as_root cp -p -- $k_files "$TXD/old/" 2>&1) || { set +f; tx_step backup error 1 "$k_out"; return 1; }
        set +f
    fi
    # shellcheck disable=SC2086
    if ! tx_compare $k_check; then
        tx_step backup error 1 "a backup differs from the file it copies: ${V_BAD%"$NL"}"
        return 1
    fi
    tx_step backup ok 0 "$k_n files backed up in ${TXD#"$R"}"
}

tx_temp_of() {                 # N TEMPS: the temporary file of file N (relative to the root)
    set -f
    # shellcheck disable=SC2086 # splitting a list of words is the point here
    set -- "$1" $2
    set +f
    t_want=$1
    shift
    while [ $# -ge 2 ]; do
        if [ "$1" = "$t_want" ]; then printf '%s\n' "$2"; return 0; fi
        shift 2
    done
    return 1
}

# The new bytes of file N: from the client's data section (base64, decoded here, never run), or
# from an earlier transaction's directory (restore).
tx_content() {                 # N SOURCE
    case $2 in
        payload) payload "$1" | base64 -d ;;
        *) as_root cat "$R$TX_BASE/tx/$2" ;;
    esac
}

# TX_STAGE (from tx_check): N PATH ACTION SOURCE AFTER per file.
# Each file to write into a temporary file beside it (same directory: the rename is atomic;
# dot-named and not ending in .conf: neither the driver nor modprobe reads it), with the mode and
# owner of the file it replaces (cp -p, then the new bytes over it), synced; a copy into new/NAME.
tx_stage() {
    set -f
    # shellcheck disable=SC2086 # splitting a list of words is the point here
    set -- $TX_STAGE
    set +f
    g_list=
    g_check=
    g_keep=
    g_count=0
    while [ $# -ge 5 ]; do
        g_n=$1
        g_act=$3
        if [ "$g_act" = write ]; then
            g_t=$R$2
            g_out=$(as_root mktemp "${g_t%/*}/.qatwb.$TXID.${g_t##*/}.XXXXXX" 2>&1) || { tx_step stage error 1 "$2: $g_out"; return 1; }
            g_tmp=$g_out
            printf '%s %s\n' "$g_n" "${g_tmp#"$R"}" | as_root tee -a "$TXD/temps" >/dev/null
            if [ -e "$g_t" ]; then
                g_out=$(as_root cp -p "$g_t" "$g_tmp" 2>&1) || { tx_step stage error 1 "$2: $g_out"; return 1; }
            else
                g_out=$(as_root chmod 644 "$g_tmp" 2>&1) || { tx_step stage error 1 "$2: $g_out"; return 1; }
            fi
            g_out=$( { tx_content "$g_n" "$4" | as_root tee "$g_tmp" "$TXD/new/${2##*/}" >/dev/null; } 2>&1) \
                || { tx_step stage error 1 "$2: ${g_out:-cannot write the new bytes}"; return 1; }
            g_list="$g_list $g_tmp"
            g_check="$g_check $g_tmp $5 $2"
            g_count=$((g_count + 1))
        elif [ "$g_act" = keep ]; then
            g_keep="$g_keep $TXD/old/${2##*/}"
        fi
        shift 5
    done
    # new/ holds the whole set after the transaction (restore --restore-point after): the unchanged
    # files too, in one cp
    if [ -n "$g_keep" ]; then
        set -f
        # shellcheck disable=SC2086
        as_root cp -p -- $g_keep "$TXD/new/" 2>/dev/null
        set +f
    fi
    if [ -n "$g_list" ]; then
        set -f
        # shellcheck disable=SC2086
        tx_sync $g_list
        set +f
    fi
    # shellcheck disable=SC2086
    if ! tx_compare $g_check; then
        tx_step stage error 1 "the staged bytes are not what the workbench sent: ${V_BAD%"$NL"}"
        return 1
    fi
    tx_step stage ok 0 "$g_count files staged beside their targets"
}

# fsync: 'sync FILE' syncs just those (coreutils 8.24, busybox 1.26); older ones sync everything.
tx_sync() {                    # FILE...
    as_root sync -- "$@" 2>/dev/null || as_root sync
}

# Starts the worker outside the SSH session, then waits for it to finish (or to wait for the
# confirm). The exec may die meanwhile (the connection dropped): the worker goes on regardless.
# It gets none of our descriptors: an SSH server closes the channel only when every holder of the
# exec's stdout has closed it, and the worker (and the timer it starts) may live for minutes.
tx_launch() {
    trap - HUP INT TERM
    case $TX_RUNNER in
        systemd)
            l_out=$(as_root systemd-run --unit="qatwb-tx-$TXID" --quiet --description="qatwb: transaction $TXID" \
                "$(tx_shell)" "$TXD/agent.sh" tx-run "$B" 0 "$TXID" 2>&1 4>&-) \
                || { tx_step launch error 1 "systemd-run: $l_out"; tx_refuse; return 1; } ;;
        setsid)
            as_root setsid "$(tx_shell)" "$TXD/agent.sh" tx-run "$B" 0 "$TXID" </dev/null >/dev/null 2>&1 4>&- & ;;
        *)
            # no setsid: immune to the hangup, at least
            ( trap '' HUP; exec "$(tx_shell)" "$TXD/agent.sh" tx-run "$B" 0 "$TXID" ) </dev/null >/dev/null 2>&1 4>&- & ;;
    esac
    tx_wait "$TX_WAIT"
}

tx_wait() {                    # SECONDS: until the transaction is not running, or that long
    w_left=$(($1 * 10))
    while :; do
        w_state=$(tx_get state)
        if [ "$w_state" = prepared ] && [ "$(tx_get pid)" != "$$" ] && tx_orphaned "$TXID"; then
            tx_abandon "$TXID"
            continue
        fi
        tx_kind "$w_state"
        [ "$TX_KIND" = running ] || return 0
        [ "$w_left" -gt 0 ] || return 0
        w_left=$((w_left - 1))
        sleep 0.1
    done
}

# The agent's own copy for the worker and the timer: from the data section, checked.
tx_store_agent() {
    if [ -z "$PAYLOAD_AGENT_SHA" ] || ! sha_ok "$PAYLOAD_AGENT_SHA"; then
        tx_step stage error 0 "the request holds no data section"
        return 1
    fi
    s_out=$( { payload agent | base64 -d | as_root tee "$TXD/agent.sh" >/dev/null; } 2>&1)
    s_sum=$(as_root sha256sum -- "$TXD/agent.sh" 2>/dev/null)
    if [ "${s_sum%%" "*}" != "$PAYLOAD_AGENT_SHA" ]; then
        tx_step stage error 1 "cannot keep the agent's copy: ${s_out:-its bytes differ}"
        return 1
    fi
}

# check, back up, stage, launch: the whole exec side of apply and restore
tx_prepare_and_launch() {
    if tx_check && tx_backup && tx_store_agent && tx_stage; then
        tx_launch
    else
        tx_refuse
    fi
}

# ---- the worker: commit, restart, verify, arm the timer; roll back on failure ----------------

tx_worker() {                  # ID
    trap '' HUP PIPE            # the SSH session may go: it is not ours
    tx_open "$1"
    [ "$(tx_get state)" = prepared ] || return 0
    tx_state committing
    if ! tx_commit; then
        tx_rollback files
        return 0
    fi
    if [ "$TX_MODE" != restart ]; then
        tx_finish applied
        return 0
    fi
    tx_state restarting
    tx_remember
    if ! tx_restart_verify "" "$TX_EXPECTED"; then
        tx_rollback restart
        return 0
    fi
    tx_state arming
    if ! tx_do arm_timer tx_arm; then
        tx_claim worker || return 0
        tx_rollback restart
        return 0
    fi
    tx_state awaiting-confirm
}

tx_finish() {                  # FINAL_STATE
    tx_state "$1"
    tx_unlock
}

# The renames, after one last look that no target changed since the checks. A rename that fails
# stops the commit; the caller rolls back whatever was renamed.
tx_commit() {
    m=$(tx_manifest)
    if ! tx_verify_now "$m"; then
        tx_step commit error 0 "changed since the checks: ${V_BAD%"$NL"}"
        return 1
    fi
    temps=$(as_root cat "$TXD/temps" 2>/dev/null)
    set -f
    # shellcheck disable=SC2086 # splitting a list of words is the point here
    set -- $m
    set +f
    o_n=0
    DIRS=
    while [ $# -ge 5 ]; do
        case $5 in
            write)
                o_tmp=$(tx_temp_of "$1" "$temps")
                o_out=$(as_root mv -f "$R$o_tmp" "$R$2" 2>&1) || { tx_step commit error 1 "$2: $o_out"; return 1; }
                o_n=$((o_n + 1)) ;;
            delete)
                o_out=$(as_root rm -f "$R$2" 2>&1) || { tx_step commit error 1 "$2: $o_out"; return 1; }
                o_n=$((o_n + 1)) ;;
        esac
        o_d=$R$2
        dir_add "${o_d%/*}"
        shift 5
    done
    # the renames themselves: durable once their directories are synced
    set -f
    # shellcheck disable=SC2086
    [ -z "$DIRS" ] || tx_sync $DIRS
    set +f
    tx_step commit ok 0 "$o_n files written"
}

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
    as_root adf_ctl status 2>/dev/null | while IFS= read -r u_l; do
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
    y_status=$(as_root adf_ctl status 2>&1)
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
        as_root systemctl restart qat
    elif [ -x "$R/etc/init.d/qat_service" ]; then
        as_root "$R/etc/init.d/qat_service" restart
    else
        as_root adf_ctl restart
    fi
}

# The kernel log's QAT lines since MARK lines (the driver's messages), kept with the transaction.
tx_kernel_log() {              # MARK
    command -v dmesg >/dev/null 2>&1 || return 0
    as_root dmesg 2>/dev/null | tail -n +$(($1 + 1)) \
        | grep -i -e qat -e adf -e icp -e quickassist | as_root tee -a "$TXD/kernel_log" >/dev/null
}

tx_log_mark() {
    if command -v dmesg >/dev/null 2>&1; then as_root dmesg 2>/dev/null | wc -l; else echo 0; fi
}

# Parameters to 1, restart, verify the devices and the kstat, parameters back. PREFIX names the
# steps of a rollback apart.
tx_restart_verify() {          # PREFIX EXPECTED
    tx_do "${1}params_off" tx_params_off || return 1
    echo yes | as_root tee "$TXD/restarted" >/dev/null
    v_mark=$(tx_log_mark)
    tx_do "${1}restart" tx_qat_restart
    v_rc=$?
    tx_kernel_log "$v_mark"
    [ "$v_rc" -eq 0 ] || return 1
    tx_do "${1}verify_devices" tx_verify_devices "$2" || return 1
    tx_do "${1}verify_kstat" tx_verify_kstat || return 1
    tx_do "${1}params_restore" tx_params_restore
}

# Puts every file back as it was (the backup, atomically, or no file), then, when QAT was
# restarted, restarts it on the old files and verifies the devices that were up before.
tx_rollback() {                # files|restart
    tx_state rolling-back
    k_ok=1
    tx_do rollback_files tx_restore_files || k_ok=
    tx_drop_temps
    if [ "$1" = restart ] && [ "$(tx_get restarted)" = yes ]; then
        b_up=$(tx_get up_before)
        tx_restart_verify rollback_ "${b_up:-none}" || k_ok=
    elif [ "$1" = restart ]; then
        tx_do rollback_params tx_params_restore || k_ok=
    fi
    if [ -n "$k_ok" ]; then tx_finish rolled-back; else tx_finish rollback-failed; fi
}

tx_restore_files() {
    set -f
    # shellcheck disable=SC2046 # splitting the list is the point (set -f is on)
    set -- $(tx_manifest)
    set +f
    f_n=0
    f_bad=
    DIRS=
    while [ $# -ge 5 ]; do
        if [ "$5" != keep ]; then
            f_t=$R$2
            if [ "$3" = - ]; then
                as_root rm -f "$f_t" || f_bad="$f_bad $2"
            else
                # shellcheck disable=SC2015 # any failed step, the last included, marks the file bad: that is the point
                f_tmp=$(as_root mktemp "${f_t%/*}/.qatwb.$TXID.${f_t##*/}.XXXXXX") \
                    && as_root cp -p "$TXD/old/${2##*/}" "$f_tmp" && tx_sync "$f_tmp" && as_root mv -f "$f_tmp" "$f_t" \
                    || { f_bad="$f_bad $2"; [ -z "${f_tmp-}" ] || as_root rm -f "$f_tmp"; }
                f_tmp=
            fi
            f_n=$((f_n + 1))
            dir_add "${f_t%/*}"
        fi
        shift 5
    done
    set -f
    # shellcheck disable=SC2086
    [ -z "$DIRS" ] || tx_sync $DIRS
    set +f
    if [ -n "$f_bad" ]; then echo "could not restore:$f_bad"; return 1; fi
    echo "$f_n files restored from the backups"
}

# ---- the rollback timer ----------------------------------------------------------------------

tx_arm() {
    case $TX_RUNNER in
        systemd)
            as_root systemd-run --unit="qatwb-rollback-$TXID" --on-active="${TX_TIMEOUT}s" \
                --timer-property=AccuracySec=1s --quiet --description="qatwb: roll back $TXID unless confirmed" \
                "$(tx_shell)" "$TXD/agent.sh" tx-expire "$B" 0 "$TXID" || return 1
            echo "systemd timer qatwb-rollback-$TXID.timer: rolls back in $TX_TIMEOUT s unless confirmed" ;;
        *)
            # The worker is outside the SSH session already; so is this child of it. It waits in
            # steps of a second and gives up once a confirm decided (or the transaction is gone):
            # nothing to kill, no pid to trust, and it ends within a second of the confirm.
            ( t_left=$TX_TIMEOUT
              while [ "$t_left" -gt 0 ]; do
                  if [ -d "$TXD/decided" ] || [ ! -d "$TXD" ]; then exit 0; fi
                  sleep 1
                  t_left=$((t_left - 1))
              done
              tx_expire "$TXID" ) </dev/null >/dev/null 2>&1 &
            echo "process $!: rolls back in $TX_TIMEOUT s unless confirmed" ;;
    esac
}

# Stops the systemd timer of a confirmed transaction (a process timer sees 'decided' and ends).
tx_disarm() {
    if [ "$TX_RUNNER" = systemd ]; then as_root systemctl stop "qatwb-rollback-$TXID.timer" >/dev/null 2>&1; fi
    return 0
}

# Confirm and the timer take turns here: the first to make the directory decides, and says who
# it is in it (a confirm cut off right after its claim is finished by the next one).
tx_claim() {                   # WHO
    as_root mkdir "$TXD/decided" 2>/dev/null || return 1
    printf '%s\n' "$1" | as_root tee "$TXD/decided/by" >/dev/null
    return 0
}

tx_expire() {                  # ID
    tx_open "$1"
    tx_claim timer || return 0  # confirmed in time
    case $(tx_get state) in awaiting-confirm|arming) ;; *) return 0 ;; esac
    tx_step expired error 0 "not confirmed within $TX_TIMEOUT s: rolling back"
    tx_rollback restart
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

apply_cmd() {                  # ID MODE TIMEOUT EXPECTED [PATH BEFORE AFTER SIZE]...
    a_id=$1 a_mode=$2 a_timeout=$3 a_expected=$4
    shift 4
    TX_WANT=
    while [ $# -ge 4 ]; do
        TX_WANT="$TX_WANT $1 $2 $3 $4 payload"
        shift 4
    done
    tx_begin "$a_id" "$a_mode" "$a_timeout" "$a_expected" apply || return 0
    tx_prepare_and_launch
    tx_report
}

# A new transaction that puts back the files of transaction SRC as they were before it (its
# backups) or after it; the same checks, worker, timer and confirm as apply.
restore_cmd() {                # SRC POINT ID MODE TIMEOUT
    S_SRC=$1 S_POINT=$2
    s_src=$R$TX_BASE/tx/$1
    TXID=$3 TX_MODE=$4
    if ! as_root test -d "$s_src"; then
        tx_refuse_early check_source absent "no transaction $1 on this NAS"
        return 0
    fi
    s_plan=$(as_root cat "$s_src/plan" 2>/dev/null)
    if [ "$2" = before ]; then
        s_exp=$(as_root cat "$s_src/up_before" 2>/dev/null | head -n 1)
    else
        s_exp=$(printf '%s\n' "$s_plan" | while read -r s_k s_v; do
            if [ "$s_k" = expected ]; then printf '%s\n' "$s_v"; break; fi
        done)
    fi
    case $s_exp in none) ;; *) expected_ok "${s_exp:--}" || s_exp=- ;; esac
    s_manifest=$(as_root cat "$s_src/manifest" 2>/dev/null)
    s_id=$3 s_mode=$4 s_timeout=$5
    set -f
    # shellcheck disable=SC2086 # splitting a list of words is the point here
    set -- $s_manifest
    set +f
    TX_WANT=
    while [ $# -ge 5 ]; do
        if [ "$S_POINT" = before ]; then s_sum=$3 s_from=old/${2##*/}; else s_sum=$4 s_from=new/${2##*/}; fi
        s_size=0
        if [ "$s_sum" != - ]; then s_size=$(last_number "$(as_root wc -c "$s_src/$s_from" 2>/dev/null)"); fi
        TX_WANT="$TX_WANT $2 * $s_sum ${s_size:-0} $S_SRC/$s_from"
        shift 5
    done
    tx_begin "$s_id" "$s_mode" "$s_timeout" "${s_exp:--}" "restore $S_SRC $S_POINT" || return 0
    tx_prepare_and_launch
    tx_report
}

confirm_cmd() {                # ID
    tx_open "$1"
    if ! as_root test -d "$TXD"; then
        item_note tx absent 0 "no transaction $1 on this NAS"
        return 0
    fi
    c_state=$(tx_get state)
    if [ "$c_state" != awaiting-confirm ]; then
        item_note step:confirm error 0 "nothing to confirm: the transaction is $c_state"
    elif tx_claim confirm || [ "$(tx_get decided/by)" = confirm ]; then
        tx_finish confirmed
        tx_step confirm ok 0 "confirmed over a new connection"
        tx_disarm
    else
        item_note step:confirm error 0 "too late: the rollback timer fired first"
    fi
    tx_report
}

status_cmd() {                 # ID WAIT
    tx_open "$1"
    if ! as_root test -d "$TXD"; then
        item_note tx absent 0 "no transaction $1 on this NAS"
        return 0
    fi
    tx_wait "$2"
    tx_report
}

history_cmd() {
    for h_id in $(tx_ids); do
        tx_set "$h_id"
        tx_summary "tx:$h_id"
    done
}

# The worker and the timer: no frames, nobody reads them.
tx_internal() {                # COMMAND ID
    exec </dev/null >/dev/null 2>&1 4>&- 9<&-
    case $1 in
        tx-run) tx_worker "$2" ;;
        tx-expire) tx_expire "$2" ;;
    esac
}

# apply's arguments: ID MODE TIMEOUT EXPECTED, then PATH BEFORE AFTER SIZE per file (at most
# TX_FILES, each path once). Anything off is a usage error: nothing runs.
apply_args_ok() {
    # shellcheck disable=SC2015 # usage exits, so C never runs after B
    [ $# -ge 8 ] && [ $((($# - 4) % 4)) -eq 0 ] \
        || usage "usage: apply ID stage|restart CONFIRM_SECONDS EXPECTED PATH BEFORE AFTER SIZE [PATH BEFORE AFTER SIZE]..."
    tx_id_ok "$1" || usage "a transaction id is YYYYMMDDTHHMMSSZ-xxxxxxxx"
    case $2 in stage|restart) ;; *) usage "the mode is stage or restart" ;; esac
    decimal_ok "$3" 1 86400 || usage "the confirm timeout is 1..86400 seconds"
    expected_ok "$4" || usage "the expected devices are -, or DDDD:BB:DD.F joined by commas"
    [ $((($# - 4) / 4)) -le "$TX_FILES" ] || usage "at most $TX_FILES files"
    shift 4
    a_seen=
    while [ $# -ge 4 ]; do
        target_ok "$1" || usage "not a file qatwb writes: only /etc/<type>_dev<N>.conf, /etc/default/qat, /etc/modprobe.d/blacklist-qat-vfs.conf"
        case " $a_seen " in *" $1 "*) usage "a file is named twice" ;; esac
        a_seen="$a_seen $1"
        [ "$2" = - ] || sha_ok "$2" || usage "before: a sha256 (64 lowercase hex) or -"
        sha_ok "$3" || usage "after: a sha256 (64 lowercase hex)"
        decimal_ok "$4" 0 "$CAP" || usage "a size is 0..$CAP bytes"
        shift 4
    done
}

# ---- Z.I.A.: the kept settings and their re-apply hooks -------------------------------------
# The hpc/zfs fork keeps its zia_* pool properties in memory only (spa.c spa_sync_props never
# writes them out), so every export/import, reboot and module reload starts from off. qatwb keeps
# the administrator's settings in ZIA_KEPT, one "POOL PROPERTY VALUE" line each, and a script that
# sets them again, run at boot by a unit ordered after zfs-import.target and by ZED after every
# pool import (docs/decisions/0004). Every word is checked here when written, and again by the
# script when it reads the file as root: pool names and provider names by strict patterns,
# properties from the catalog only (model's ZiaChange and ZiaProperty).

ZIA_DIR=/var/lib/qatwb/zia
ZIA_KEPT=/var/lib/qatwb/zia/kept
ZIA_SCRIPT=/var/lib/qatwb/zia/reapply.sh
ZIA_UNIT=qatwb-zia.service
ZIA_ZEDLET=/etc/zfs/zed.d/pool_import-qatwb-zia.sh

zia_pool_ok() {                # POOL: a letter, then letters, digits and _.:-; at most 255
    case $1 in [A-Za-z]*) ;; *) return 1 ;; esac
    case $1 in *[!A-Za-z0-9_.:-]*) return 1 ;; esac
    [ ${#1} -le 255 ]
}

zia_setting_ok() {             # PROPERTY VALUE
    case $1 in
        zia_compress|zia_decompress|zia_checksum|zia_file_write|zia_disk_write|zia_raidz[123]_gen|zia_raidz[123]_rec)
            case $2 in on|off) return 0 ;; esac
            return 1 ;;
        zia_provider)
            case $2 in off) return 0 ;; [A-Za-z0-9]*) ;; *) return 1 ;; esac
            case $2 in *[!A-Za-z0-9_.-]*) return 1 ;; esac
            [ ${#2} -le 64 ] ;;
        *) return 1 ;;
    esac
}

# The snapshot's Z.I.A. items: whether dpusm is loaded (zia_available cannot say: it is how zpool
# was built), the kept file, and the two hooks. zia-keep makes /var/lib/qatwb and its zia directory
# 0755 and the file 0644 (it holds pool and provider names, nothing secret), so any user reads it.
items_zia() {
    if [ -d "$R/sys/module/dpusm" ]; then item_note dpusm_module ok 0 loaded; else item_absent dpusm_module; fi
    if [ -e "$R$ZIA_KEPT" ] && [ ! -r "$R$ZIA_KEPT" ]; then
        item_priv zia_kept cat "$R$ZIA_KEPT"
    else
        item_file zia_kept "$R$ZIA_KEPT"
    fi
    if [ ! -e "$R/etc/systemd/system/$ZIA_UNIT" ]; then
        item_absent zia_unit
    elif [ -L "$R/etc/systemd/system/multi-user.target.wants/$ZIA_UNIT" ]; then
        item_note zia_unit ok 0 enabled
    else
        item_note zia_unit ok 0 disabled
    fi
    if [ -f "$R$ZIA_ZEDLET" ] && [ -x "$R$ZIA_ZEDLET" ]; then item_note zia_zedlet ok 0 present; else item_absent zia_zedlet; fi
}

# The kept file with POOL's lines replaced by PROPERTY=VALUE words: the other pools' lines as they
# were, minus any line that does not pass the checks (it would be skipped at boot anyway).
zia_kept_text() {              # POOL [PROPERTY=VALUE...]
    k_pool=$1
    shift
    printf '%s\n' '# Written by QAT Workbench (qatwb zia keep): the Z.I.A. pool properties it sets again at' \
        "# boot ($ZIA_UNIT) and after each pool import (ZED). One POOL PROPERTY VALUE per line."
    # read as the hooks read it (root): a file only root can read must not lose the other pools
    as_root cat "$R$ZIA_KEPT" 2>/dev/null | while read -r k_p k_k k_v k_rest; do
        case $k_p in ''|'#'*) continue ;; esac
        [ -z "$k_rest" ] && [ "$k_p" != "$k_pool" ] && zia_pool_ok "$k_p" && zia_setting_ok "$k_k" "$k_v" \
            && printf '%s %s %s\n' "$k_p" "$k_k" "$k_v"
    done
    for k_w in "$@"; do
        printf '%s %s %s\n' "$k_pool" "${k_w%%=*}" "${k_w#*=}"
    done
}

# The script the hooks run, as root. [POOL]: that pool's lines only (ZED passes ZEVENT_POOL).
# QATWB_ROOT is a simulated NAS's root; systemd and ZED start their commands without it.
zia_script_text() {
    cat <<'ZIA_SCRIPT_END'
#!/bin/sh
# Written by QAT Workbench (qatwb zia keep): sets the kept Z.I.A. pool properties again, which the
# hpc/zfs fork loses at every export/import, reboot and module reload. Run at boot by
# qatwb-zia.service and by ZED after each pool import (pool_import-qatwb-zia.sh, with the pool).
PATH=$PATH:/usr/sbin:/sbin:/usr/bin:/bin
kept=${QATWB_ROOT-}/var/lib/qatwb/zia/kept
[ -r "$kept" ] || exit 0
rc=0
while read -r pool prop value rest; do
    case $pool in ''|'#'*) continue ;; esac
    [ -z "${1-}" ] || [ "$pool" = "$1" ] || continue
    ok=
    case $pool in [A-Za-z]*) case $pool in *[!A-Za-z0-9_.:-]*) ;; *) [ ${#pool} -le 255 ] && ok=1 ;; esac ;; esac
    case $prop:$value in
        zia_compress:on|zia_compress:off|zia_decompress:on|zia_decompress:off|zia_checksum:on|zia_checksum:off) ;;
        zia_file_write:on|zia_file_write:off|zia_disk_write:on|zia_disk_write:off) ;;
        zia_raidz[123]_gen:on|zia_raidz[123]_gen:off|zia_raidz[123]_rec:on|zia_raidz[123]_rec:off) ;;
        zia_provider:off) ;;
        zia_provider:[A-Za-z0-9]*)
            case $value in *[!A-Za-z0-9_.-]*) ok= ;; *) [ ${#value} -le 64 ] || ok= ;; esac ;;
        *) ok= ;;
    esac
    if [ -z "$ok" ] || [ -n "$rest" ]; then
        echo "qatwb-zia: skipped a line of $kept that is not POOL PROPERTY VALUE as qatwb writes it" >&2
        rc=1
        continue
    fi
    zpool set "$prop=$value" "$pool" || rc=1
done <"$kept"
exit $rc
ZIA_SCRIPT_END
}

zia_zedlet_text() {
    printf '%s\n' '#!/bin/sh' \
        '# Written by QAT Workbench (qatwb zia keep): ZED runs it after each pool import (its name starts' \
        '# with the event subclass, pool_import); it sets the kept Z.I.A. properties of that pool again.' \
        "[ -n \"\${ZEVENT_POOL-}\" ] || exit 0" \
        "exec /bin/sh \"\${QATWB_ROOT-}$ZIA_SCRIPT\" \"\$ZEVENT_POOL\""
}

zia_unit_text() {
    printf '%s\n' \
        '# Written by QAT Workbench (qatwb zia keep): sets the kept Z.I.A. pool properties again at boot,' \
        '# once the pools are imported.' \
        '[Unit]' \
        'Description=qatwb: kept Z.I.A. pool properties' \
        'After=zfs-import.target zfs.target' \
        '' \
        '[Service]' \
        'Type=oneshot' \
        'RemainAfterExit=yes' \
        "ExecStart=/bin/sh $ZIA_SCRIPT" \
        '' \
        '[Install]' \
        'WantedBy=multi-user.target'
}

# write_atomic, after making FILE's directory: a NAS may have no /etc/zfs/zed.d or
# /etc/systemd/system yet.
write_atomic_mkdir() {         # FILE MODE TEXT_FUNCTION [ARG...]
    as_root mkdir -p "${1%/*}" || return 1
    write_atomic "$@"
}

zia_keep() {                   # POOL [PROPERTY=VALUE...]: validated in main
    if ! sudo_ok; then
        item_note zia_keep denied 0 "$SUDO_MSG"
    elif step zia_dirs as_root mkdir -p "$R$ZIA_DIR" "$R${ZIA_ZEDLET%/*}" \
        && step zia_dir_mode as_root chmod 755 "$R${ZIA_DIR%/*}" "$R$ZIA_DIR" \
        && step zia_write_kept write_atomic_mkdir "$R$ZIA_KEPT" 644 zia_kept_text "$@" \
        && step zia_write_script write_atomic_mkdir "$R$ZIA_SCRIPT" 755 zia_script_text \
        && step zia_write_zedlet write_atomic_mkdir "$R$ZIA_ZEDLET" 755 zia_zedlet_text; then
        if ! command -v systemctl >/dev/null 2>&1; then
            item_note zia_unit_write absent 0 "systemctl not found: no boot unit (ZED still re-applies after each import)"
        else
            step zia_unit_write write_atomic_mkdir "$R/etc/systemd/system/$ZIA_UNIT" 644 zia_unit_text \
                && step zia_daemon_reload as_root systemctl daemon-reload \
                && step zia_unit_enable as_root systemctl enable "$ZIA_UNIT"
        fi
    fi
    items_zia
}

# Runs the installed script now, as the hooks would, then reads the pools back.
zia_reapply() {                # [POOL]
    if [ ! -f "$R$ZIA_SCRIPT" ]; then
        item_note zia_reapply absent 0 "nothing kept yet: qatwb zia keep POOL writes the script"
    elif ! sudo_ok; then
        item_note zia_reapply denied 0 "$SUDO_MSG"
    else
        step zia_reapply as_root sh "$R$ZIA_SCRIPT" "$@" || :
    fi
    item_tool zpool_get zpool get -H -p -o name,property,value all
    items_zia
}

# ---- QAT interrupt pins ----------------------------------------------------------------------
# irq-pin PIN... (each NAME=CPU, NAME a VF's IRQ name; or none): sets each pinned VF's IRQ now,
# then keeps exactly these pins after every boot in a systemd unit that finds each IRQ by its name
# (IRQ numbers change at every boot), byte for byte as model's IrqPinUnit.text. Validated in main
# (irq_pins_ok); nothing else from the client reaches the shell.

IRQ_UNIT_NAME=qatwb-irq-pins.service
IRQ_UNIT_WANTS=/etc/systemd/system/multi-user.target.wants/qatwb-irq-pins.service

# [irqbalance PATH BEFORE AFTER SIZE] PIN...: with the irqbalance part, irqbalance's environment
# file PATH (one of the two its units read) is BEFORE (sha256) and gets the data section's file 1
# (AFTER, SIZE bytes; equal sums: unchanged), and qatwb's policy script bans the pinned IRQs.
irq_pins_ok() {
    if [ "${1-}" = irqbalance ]; then
        [ $# -ge 6 ] || return 1
        case $2 in /etc/default/irqbalance|/etc/sysconfig/irqbalance) ;; *) return 1 ;; esac
        sha_ok "$3" && sha_ok "$4" && decimal_ok "$5" 0 65536 || return 1
        shift 5
    fi
    irq_pin_words_ok "$@"
}

irq_pin_words_ok() {           # PIN...: none, or at most 256 NAME=CPU, each name once
    [ $# -ge 1 ] || return 1
    if [ "$1" = none ]; then [ $# -eq 1 ]; return; fi
    [ $# -le 256 ] || return 1
    i_seen=
    for i_w in "$@"; do
        case $i_w in
            qat_[0-9a-f][0-9a-f]:[0-9][0-9].[0-9][0-9]=[0-9]|qat_[0-9a-f][0-9a-f]:[0-9][0-9].[0-9][0-9]=[1-9][0-9]) ;;
            qat_[0-9a-f][0-9a-f]:[0-9][0-9].[0-9][0-9]=[1-9][0-9][0-9]|qat_[0-9a-f][0-9a-f]:[0-9][0-9].[0-9][0-9]=[1-9][0-9][0-9][0-9]) ;;
            qat_[0-9a-f][0-9a-f]:[0-9][0-9].[0-9][0-9]=[1-9][0-9][0-9][0-9][0-9]) ;;
            *) return 1 ;;
        esac
        case " $i_seen " in *" ${i_w%=*} "*) return 1 ;; esac
        i_seen="$i_seen ${i_w%=*}"
    done
}

irq_unit_text() {              # PIN...
    printf '%s\n' \
        '# Written by QAT Workbench (qatwb): qatwb irq pin changes it.' \
        '# IRQ numbers change at every boot: each line finds a VF'"'"'s IRQ by its name.' \
        '[Unit]' \
        'Description=qatwb: QAT VF interrupt pins' \
        'After=qat.service' \
        'Wants=qat.service' \
        '' \
        '[Service]' \
        'Type=oneshot' \
        'RemainAfterExit=yes'
    for u_w in "$@"; do
        printf "ExecStart=-/bin/sh -c 'cd /proc/irq/*/%s/.. && echo %s > smp_affinity_list'\n" "${u_w%=*}" "${u_w#*=}"
    done
    printf '%s\n' '' '[Install]' 'WantedBy=multi-user.target'
}

irq_write_unit() {             # PIN...
    write_atomic "$R$UNIT_DIR/$IRQ_UNIT_NAME" 644 irq_unit_text "$@"
}

irq_write_affinity() {         # FILE CPU
    printf '%s\n' "$2" | as_root tee "$1" >/dev/null
}

# The unit and its state, as the snapshot reads them.
items_irq_unit() {
    item_file irq_unit "$R$UNIT_DIR/$IRQ_UNIT_NAME"
    if [ ! -e "$R$UNIT_DIR/$IRQ_UNIT_NAME" ]; then
        item_absent irq_unit_state
    elif [ -L "$R$IRQ_UNIT_WANTS" ] || [ -e "$R$IRQ_UNIT_WANTS" ]; then
        item_note irq_unit_state ok 0 enabled
    else
        item_note irq_unit_state ok 0 disabled
    fi
    if [ -e "$R/etc/version" ]; then
        item_priv irq_init midclt call initshutdownscript.query "$IRQ_INIT_FILTER"
    else
        item_absent irq_init
    fi
    items_irqbalance_files
}

# On TrueNAS the pins are kept by an init script (POSTINIT), as persist-params keeps the
# parameters: the middleware's database survives upgrades, /etc/systemd/system does not
# (docs/decisions/0005). Its command is the unit's per pin, joined by '; ' (model's IrqPinInit).
IRQ_INIT_COMMENT='qatwb: QAT VF interrupt pins'
IRQ_INIT_FILTER='[["comment", "=", "qatwb: QAT VF interrupt pins"]]'

irq_init_json() {              # PIN...
    j_cmd=
    for j_w in "$@"; do
        j_cmd="${j_cmd:+$j_cmd; }cd /proc/irq/*/${j_w%=*}/.. && echo ${j_w#*=} > smp_affinity_list"
    done
    printf '{"type": "COMMAND", "command": "%s", "when": "POSTINIT", "enabled": true, "timeout": 10, "comment": "%s"}' \
        "$j_cmd" "$IRQ_INIT_COMMENT"
}

# Ours created, or the first with our comment updated and any others deleted; none deletes them all.
irq_pin_init() {               # PIN...|none
    if ! command -v midclt >/dev/null 2>&1; then
        item_note irq_init_query absent 0 "midclt not found: TrueNAS's init scripts cannot be changed"
        return 0
    fi
    step irq_init_query as_root midclt call initshutdownscript.query "$IRQ_INIT_FILTER" || return 0
    n_ids=$(json_ids "$ST_OUT")
    n_first=
    if [ "$1" != none ]; then
        n_json=$(irq_init_json "$@")
        n_first=${n_ids%%"$NL"*}
        if [ -z "$n_first" ]; then
            step irq_init_create as_root midclt call initshutdownscript.create "$n_json" || :
            return 0
        fi
        step irq_init_update as_root midclt call initshutdownscript.update "$n_first" "$n_json" || return 0
    fi
    for n_id in $n_ids; do
        if [ "$n_id" != "$n_first" ]; then
            step "irq_init_delete:$n_id" as_root midclt call initshutdownscript.delete "$n_id" || return 0
        fi
    done
}

# irqbalance's policy script (model's IrqbalancePolicy.text, byte for byte): irqbalance runs it as
# SCRIPT DEVPATH IRQ for each IRQ it finds and leaves those answered ban=true alone (classify.c,
# get_irq_user_policy); each pinned IRQ is found by its name, as the unit finds it.
IRQ_POLICY_DIR=/var/lib/qatwb/irq
IRQ_POLICY=/var/lib/qatwb/irq/irqbalance-policy.sh

irq_policy_text() {            # PIN...
    printf '%s\n' '#!/bin/sh' \
        "# Written by QAT Workbench (qatwb irq pin): irqbalance's --policyscript. irqbalance runs it as" \
        '# SCRIPT DEVPATH IRQ for each IRQ; the VF interrupts qatwb pins (qatwb-irq-pins.service) are' \
        '# answered ban=true, found by name since IRQ numbers change at every boot.' \
        "case \${2-} in ''|*[!0-9]*) exit 0 ;; esac"
    p_names=
    for p_w in "$@"; do p_names="$p_names${p_names:+ }${p_w%=*}"; done
    printf 'for name in %s; do\n' "$p_names"
    cat <<'IRQ_POLICY_END'
    if [ -d "${QATWB_ROOT-}/proc/irq/$2/$name" ]; then echo ban=true; exit 0; fi
done
exit 0
IRQ_POLICY_END
}

# The data section's file 1 over FILE, if FILE still has the sum it had when the client read it:
# into a temporary file beside it, checked against AFTER, renamed over it.
irq_env_write() {              # FILE BEFORE AFTER
    e_sum=$(as_root sha256sum -- "$1" 2>/dev/null) || { echo "cannot read ${1#"$R"}"; return 1; }
    if [ "${e_sum%% *}" != "$2" ]; then
        echo "${1#"$R"} changed since it was read: nothing written; read the NAS again"
        return 1
    fi
    e_tmp=$(as_root mktemp "${1%/*}/.${1##*/}.XXXXXX") || return 1
    if payload 1 | base64 -d | as_root tee "$e_tmp" >/dev/null; then
        e_new=$(as_root sha256sum -- "$e_tmp" 2>/dev/null)
        if [ "${e_new%% *}" = "$3" ] && as_root chmod 644 "$e_tmp" && as_root mv -f "$e_tmp" "$1"; then
            return 0
        fi
        echo "the new ${1#"$R"} did not arrive whole: nothing written"
    fi
    as_root rm -f "$e_tmp"
    return 1
}

# Keeps irqbalance off the pins (or, with none, undoes it): the policy script, the environment
# file, and a restart of irqbalance when either changed and it runs (it reads both only at start).
irq_balance_ban() {            # PATH BEFORE AFTER PIN...|none
    b_path=$1 b_before=$2 b_after=$3
    shift 3
    b_changed=
    if [ "$1" = none ]; then
        if [ -e "$R$IRQ_POLICY" ]; then
            step irqbalance_policy_remove as_root rm -f "$R$IRQ_POLICY" || return 0
            b_changed=1
        fi
    elif [ "$(irq_policy_text "$@")" != "$(as_root cat "$R$IRQ_POLICY" 2>/dev/null)" ]; then
        step irqbalance_policy_dir as_root mkdir -p "$R$IRQ_POLICY_DIR" \
            && step irqbalance_policy_dir_mode as_root chmod 755 "$R${IRQ_POLICY_DIR%/*}" "$R$IRQ_POLICY_DIR" \
            && step irqbalance_policy_write write_atomic_mkdir "$R$IRQ_POLICY" 755 irq_policy_text "$@" || return 0
        b_changed=1
    fi
    if [ "$b_before" != "$b_after" ]; then
        step irqbalance_env_write irq_env_write "$R$b_path" "$b_before" "$b_after" || return 0
        b_changed=1
    fi
    if [ -n "$b_changed" ] && command -v systemctl >/dev/null 2>&1 \
        && [ "$(systemctl is-active irqbalance 2>/dev/null </dev/null)" = active ]; then
        step irqbalance_restart as_root systemctl restart irqbalance || :
    fi
}

# The files the ban reads and writes, each that exists, for the snapshot and the read-back.
items_irqbalance_files() {
    for b_f in /etc/default/irqbalance /etc/sysconfig/irqbalance; do
        if [ -e "$R$b_f" ]; then item_file "irqbalance_env:$b_f" "$R$b_f"; fi
    done
    if [ -e "$R$IRQ_POLICY" ]; then item_file irqbalance_policy "$R$IRQ_POLICY"; fi
}

irq_pin_cmd() {                # [irqbalance PATH BEFORE AFTER SIZE] PIN...
    i_bal=
    if [ "$1" = irqbalance ]; then
        i_bal="$2 $3 $4"
        shift 5
    fi
    if ! sudo_ok; then
        item_note irq_write denied 0 "$SUDO_MSG"
    elif [ "$1" != none ]; then
        for i_w in "$@"; do
            i_name=${i_w%=*}
            i_dir=
            for i_d in "$R"/proc/irq/*/"$i_name"; do
                if [ -d "$i_d" ]; then i_dir=${i_d%/*}; fi
            done
            if [ -z "$i_dir" ]; then
                item_note "irq_write:$i_name" absent 0 "no IRQ named $i_name: the VF is not up; the unit pins it at the next boot"
            else
                step "irq_write:$i_name" irq_write_affinity "$i_dir/smp_affinity_list" "${i_w#*=}" || :
            fi
        done
    fi
    if [ -e "$R/etc/version" ]; then
        if sudo_ok; then irq_pin_init "$@"; fi
    elif ! command -v systemctl >/dev/null 2>&1; then
        item_note irq_unit_write absent 0 "systemctl not found: the pins cannot be kept after a reboot on this NAS"
    elif ! sudo_ok; then
        :
    elif [ "$1" = none ]; then
        if [ -e "$R$UNIT_DIR/$IRQ_UNIT_NAME" ] || [ -L "$R$IRQ_UNIT_WANTS" ]; then
            step irq_unit_disable as_root systemctl disable "$IRQ_UNIT_NAME" \
                && step irq_unit_remove as_root rm -f "$R$UNIT_DIR/$IRQ_UNIT_NAME" \
                && step daemon_reload as_root systemctl daemon-reload
        fi
    else
        step irq_unit_write irq_write_unit "$@" \
            && step daemon_reload as_root systemctl daemon-reload \
            && step irq_unit_enable as_root systemctl enable "$IRQ_UNIT_NAME"
    fi
    if [ -n "$i_bal" ] && sudo_ok; then
        set -f
        # shellcheck disable=SC2086 # three validated words: path and two sums
        irq_balance_ban $i_bal "$@"
        set +f
    fi
    items_irq_all
}
