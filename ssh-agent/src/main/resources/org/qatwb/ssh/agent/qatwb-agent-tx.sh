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
PAYLOAD_AGENT_SHA=           # set by the client's data section, with payload(), for apply and restore
payload() {                  # replaced by the client's data section; without one there is nothing
    return 1
}

# What a transaction's state says: running (a worker or the exec is at it), waiting (for the
# workbench's confirm), boot (the lock is released, the boot check still has work: deferred, the
# driver refused to stop the devices ZFS holds; files committed for the next boot), final. Sets TX_KIND.
tx_kind() {                    # STATE
    case $1 in
        prepared|committing|restarting|arming|rolling-back) TX_KIND=running ;;
        awaiting-confirm) TX_KIND=waiting ;;
        deferred) TX_KIND=boot ;;
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

# fsync: 'sync FILE' syncs just those (coreutils 8.24, busybox 1.26); older ones sync everything.
tx_sync() {                    # FILE...
    as_root sync -- "$@" 2>/dev/null || as_root sync
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

# Puts every file back as it was (the backup, atomically, or no file), then, when QAT was
# restarted, restarts it on the old files and verifies the devices that were up before.
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

# Confirm and the timer take turns here: the first to make the directory decides, and says who
# it is in it (a confirm cut off right after its claim is finished by the next one).
tx_claim() {                   # WHO
    as_root mkdir "$TXD/decided" 2>/dev/null || return 1
    printf '%s\n' "$1" | as_root tee "$TXD/decided/by" >/dev/null
    return 0
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
