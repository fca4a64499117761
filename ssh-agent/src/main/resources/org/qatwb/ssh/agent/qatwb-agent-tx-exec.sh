# qatwb-agent, transactions: what the client's exec runs (checks, backups, staging, the launch of
# the worker, and the commands apply, restore, confirm, status, history). Joined with the other
# parts by AgentScript; the transaction's states and shared steps are in qatwb-agent-tx.sh.
# shellcheck shell=sh

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
    for b_t in base64 sha256sum mktemp cp mv rm mkdir tee ln sort; do
        if ! command -v "$b_t" >/dev/null 2>&1; then
            tx_refuse_early check_tools absent "$b_t not found: a transaction needs base64 sha256sum mktemp cp mv rm mkdir tee ln sort"
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
    tx_mine
    tx_state prepared
    if ! tx_lock; then
        as_root rm -rf "$TXD"
        tx_refuse_early check_lock error "$LOCK_MSG"
        return 1
    fi
    tx_number
    TX_RUNNER=$(tx_runner)
    tx_put plan "mode $TX_MODE${NL}timeout $TX_TIMEOUT${NL}expected $TX_EXPECTED${NL}runner $TX_RUNNER${NL}source $5"
    tx_step check_space ok 0 "$SPACE_MSG"
    tx_prune
    # From here the exec cleans up whatever ends it before the worker starts: a signal, or a write
    # to a stdout the client no longer reads (SIGPIPE trapped; frame's failed write exits). An SSH
    # server sends no signal when a pty-less exec's client goes away (OpenSSH: session.c
    # session_close_by_channel and serverloop.c server_loop2 only close the channel's pipes; the
    # one killpg is session_signal_req, the client's own request): the EOF on stdin that
    # tx_await_go reads is what tells us.
    TX_CANCEL=1
    TX_CANCEL_WHY="the exec was stopped before the client said go (a signal): nothing was changed"
    trap 'tx_interrupted' HUP INT TERM PIPE
    trap 'tx_interrupted' EXIT
    return 0
}

# The exec stopped, or its stdout went with the client, before the worker started: nothing was
# changed. Prints nothing (stdout may be gone).
tx_interrupted() {
    trap '' HUP INT TERM PIPE
    trap - EXIT
    if [ -n "${TX_CANCEL-}" ]; then
        TX_CANCEL=
        tx_cancel "$TX_CANCEL_WHY"
    fi
    exit 1
}

tx_cancel() {                  # TEXT
    [ -z "${TX_GO_PID-}" ] || kill "$TX_GO_PID" 2>/dev/null
    tx_drop_temps
    tx_step cancelled error 0 "$1"
    tx_state refused
    tx_unlock
}

# Everything is staged: the commit waits for the client's explicit go. The exec says so (item
# awaiting_go, the transaction's id) and reads one line from the client's stdin (fd 9; the shell
# has read the whole script). 'go ID' starts the worker; end of file (the client went), anything
# else, a signal, or nothing within TX_GO_WAIT seconds cancels. dash has no 'read -t': the line is
# read by a child, which a watchdog ends when the time is up; the wait for the child is
# interruptible by a trapped signal in every shell (POSIX 'wait').
tx_await_go() {
    tx_state awaiting-go
    TX_CANCEL_WHY="the client went away before it said go: nothing was changed"
    item_note awaiting_go ok 0 "$TXID"
    TX_CANCEL_WHY="the exec was stopped (a signal) before the client said go: nothing was changed"
    ( g_line=
      IFS= read -r g_line || exit 3
      [ "$g_line" = "go $TXID" ] || exit 4
      exit 0 ) <&9 >/dev/null 2>&1 4>&- &
    TX_GO_PID=$!
    # ends within a second of the reader: nothing to kill, no pid of its own to trust
    ( w_left=$TX_GO_WAIT
      while [ "$w_left" -gt 0 ] && kill -0 "$TX_GO_PID" 2>/dev/null; do sleep 1; w_left=$((w_left - 1)); done
      kill "$TX_GO_PID" 2>/dev/null ) </dev/null >/dev/null 2>&1 4>&- 9<&- &
    wait "$TX_GO_PID"
    g_rc=$?
    TX_GO_PID=
    exec 9<&-
    case $g_rc in
        0) tx_step go ok 0 "the client said go"; return 0 ;;
        3) g_why="the client went away before it said go: nothing was changed" ;;
        4) g_why="the client sent something other than go $TXID: nothing was changed" ;;
        *) g_why="no go from the client within $TX_GO_WAIT s: nothing was changed" ;;
    esac
    trap '' HUP INT TERM PIPE
    trap - EXIT
    TX_CANCEL=
    tx_cancel "$g_why"
    trap 'exit 1' PIPE
    trap - HUP INT TERM
    return 1
}

# Refuses the transaction from the exec: temporary files go, nothing was changed.
tx_refuse() {
    tx_keep_on
    tx_drop_temps
    tx_state refused
    tx_unlock
}

# The exec's own end no longer cancels: the transaction is refused, or the worker takes over.
tx_keep_on() {
    TX_CANCEL=
    trap - EXIT HUP INT TERM
    trap 'exit 1' PIPE
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
    tx_pristine
}

# The files as they were before the first transaction that wrote them, kept until the user removes
# them (never pruned): pristine/NAME from this backup, and a line in pristine/sums, "SHA NAME ID"
# or "- NAME ID" (it did not exist). Once per file name; under the lock. A failure here is said, and
# does not stop the transaction: its own backup is complete.
tx_pristine() {
    q_dir=$R$TX_BASE/pristine
    as_root mkdir -p "$q_dir" 2>/dev/null
    q_sums=$(as_root cat "$q_dir/sums" 2>/dev/null)
    set -f
    # shellcheck disable=SC2046 # splitting the list is the point (set -f is on)
    set -- $(tx_manifest)
    set +f
    q_new=
    q_bad=
    while [ $# -ge 5 ]; do
        q_name=${2##*/}
        if [ "$5" != keep ]; then
            case "$NL$q_sums$NL" in
                *" $q_name "*) ;;
                *)
                    if [ "$3" = - ]; then
                        q_new="$q_new- $q_name $TXID$NL"
                    elif as_root cp -p "$TXD/old/$q_name" "$q_dir/$q_name" 2>/dev/null; then
                        q_new="$q_new$3 $q_name $TXID$NL"
                    else
                        q_bad="$q_bad $2"
                    fi ;;
            esac
        fi
        shift 5
    done
    if [ -n "$q_new" ]; then
        printf '%s' "$q_new" | as_root tee -a "$q_dir/sums" >/dev/null || q_bad="$q_bad (pristine/sums)"
    fi
    if [ -n "$q_bad" ]; then tx_step pristine error 1 "could not keep the first backup of:$q_bad"; fi
    return 0
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

# Runs the agent copy AGENT with COMMAND ID outside the SSH session: a transient systemd unit UNIT,
# a setsid process, or at least one immune to the hangup (RUNNER, as tx_runner says). It gets none
# of our descriptors: an SSH server closes the channel only when every holder of the exec's stdout
# has closed it, and the worker may live for minutes. Fails with systemd-run's words on stdout.
detach() {                     # RUNNER UNIT DESCRIPTION AGENT COMMAND ID
    case $1 in
        systemd)
            as_root systemd-run --unit="$2" --quiet --description="$3" \
                "$(tx_shell)" "$4" "$5" "$B" 0 "$6" 2>&1 4>&- 9<&- ;;
        setsid)
            # redirected by exec inside the subshell: on the as_root call itself, dash would keep
            # copies of the exec's stdout and stderr on fds 10 and up, and the worker would hold them
            ( exec </dev/null >/dev/null 2>&1 4>&- 9<&-
              as_root setsid "$(tx_shell)" "$4" "$5" "$B" 0 "$6" ) & ;;
        *)
            # no setsid: immune to the hangup, at least
            ( trap '' HUP; exec "$(tx_shell)" "$4" "$5" "$B" 0 "$6" ) </dev/null >/dev/null 2>&1 4>&- 9<&- & ;;
    esac
}

# Starts the worker outside the SSH session, then waits for it to finish (or to wait for the
# confirm). The exec may die meanwhile (the connection dropped): the worker goes on regardless.
tx_launch() {
    tx_keep_on
    if ! l_out=$(detach "$TX_RUNNER" "qatwb-tx-$TXID" "qatwb: transaction $TXID" "$TXD/agent.sh" tx-run "$TXID"); then
        tx_step launch error 1 "systemd-run: $l_out"
        tx_refuse
        return 1
    fi
    tx_wait "$TX_WAIT"
}

tx_wait() {                    # SECONDS: until the transaction is not running, or that long
    w_left=$(($1 * 10))
    while :; do
        w_state=$(tx_get state)
        tx_kind "$w_state"
        # every 2 s: a runner that is gone (a killed worker, an exec that died while preparing) is
        # recovered now rather than reported "in progress" for minutes
        if [ "$TX_KIND" = running ] && [ $((w_left % 20)) -eq 0 ] && tx_gone "$TXID"; then
            tx_recover_one "$TXID"
            w_state=$(tx_get state)
            tx_kind "$w_state"
        fi
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

# What the driver must show in dev_cfg after the restart (data-section entry 'expect', and
# 'expect_before' for the rollback): lines "BSF SECTION KEY VALUE", each checked here before it
# is kept in $TXD; one bad line refuses the transaction. No entry (restore): nothing kept, and the
# verification says it did not check dev_cfg.
tx_store_expect() {
    for e_name in expect expect_before; do
        payload "$e_name" >/dev/null 2>&1 || continue
        e_text=$(payload "$e_name" | base64 -d 2>/dev/null) || { tx_step stage error 1 "$e_name: not base64"; return 1; }
        e_n=0
        e_ok=
        while IFS= read -r e_l; do
            e_n=$((e_n + 1))
            if [ "$e_n" -gt 20000 ]; then e_ok="more than 20000 lines"; break; fi
            set -f
            # shellcheck disable=SC2086 # splitting the line into its words is the point (set -f is on)
            set -- $e_l
            set +f
            if [ $# -ne 4 ] || ! bsf_ok "$1"; then e_ok="line $e_n is not BSF SECTION KEY VALUE"; break; fi
            case $2 in ''|*[!A-Za-z0-9_]*|????????????????????????????????????????????????????????????????*) e_ok="line $e_n: not a section name"; break ;; esac
            case $3 in ''|*[!A-Za-z0-9_]*|????????????????????????????????????????????????????????????????*) e_ok="line $e_n: not a key"; break ;; esac
            case $4 in ''|*[![:graph:]]*|*\\*|????????????????????????????????????????????????????????????????*) e_ok="line $e_n: not a value the driver prints"; break ;; esac
        done <<EOF_EXPECT
$e_text
EOF_EXPECT
        if [ -n "$e_ok" ]; then tx_step stage error 0 "$e_name: $e_ok"; return 1; fi
        printf '%s\n' "$e_text" | as_root tee "$TXD/$e_name" >/dev/null || { tx_step stage error 1 "cannot keep $e_name"; return 1; }
    done
    return 0
}

# check, back up, stage, launch: the whole exec side of apply and restore
tx_prepare_and_launch() {
    if tx_check && tx_backup && tx_store_agent && tx_store_expect && tx_stage; then
        if tx_await_go; then tx_launch; fi
    else
        tx_refuse
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
    tx_recover
    tx_begin "$a_id" "$a_mode" "$a_timeout" "$a_expected" apply || return 0
    tx_prepare_and_launch
    tx_report
}

# A new transaction that puts back the files of transaction SRC as they were before it (its
# backups) or after it; the same checks, worker, timer and confirm as apply.
restore_cmd() {                # SRC POINT ID MODE TIMEOUT
    tx_recover
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

# The start of every command on one transaction by its id (confirm, status, abort): what a dead
# runner left is recovered first, then ID is opened. False, after the item 'tx absent', when the
# NAS has no transaction ID: the client reads that as "never kept", not as a failure.
tx_existing() {                # ID
    tx_recover
    tx_open "$1"
    as_root test -d "$TXD" && return 0
    item_note tx absent 0 "no transaction $1 on this NAS"
    return 1
}

confirm_cmd() {                # ID
    tx_existing "$1" || return 0
    c_state=$(tx_get state)
    if [ "$c_state" != awaiting-confirm ]; then
        item_note step:confirm error 0 "nothing to confirm: the transaction is $c_state"
    elif tx_claim confirm || [ "$(tx_decider)" = confirm ]; then
        tx_finish confirmed
        tx_step confirm ok 0 "confirmed over a new connection"
        tx_disarm
    else
        item_note step:confirm error 0 "too late: the rollback timer fired first"
    fi
    tx_report
}

status_cmd() {                 # ID WAIT
    tx_existing "$1" || return 0
    tx_wait "$2"
    tx_report
}

history_cmd() {
    tx_recover
    for h_id in $(tx_ids); do
        tx_set "$h_id"
        tx_summary "tx:$h_id"
    done
    # the first backups, kept until the user removes them: "SHA NAME ID" lines
    if as_root test -e "$R$TX_BASE/pristine/sums"; then
        frame begin pristine
        as_root cat "$R$TX_BASE/pristine/sums" || exit 1
        end_item pristine ok 0
    fi
}

# An awaiting-confirm transaction rolls back now, as its timer would (it takes the 'decided' turn);
# a staged or deferred one has its files put back (tx_restore_files) and leaves the boot's pending
# list. Any other is refused with its state. The rollback may restart QAT: a dropped connection
# must not stop it, and if it does, tx_recover finishes it (this shell is its runner).
abort_cmd() {                  # ID
    tx_existing "$1" || return 0
    b_state=$(tx_get state)
    case $b_state in
        awaiting-confirm)
            if tx_claim abort; then
                trap '' HUP PIPE
                tx_mine
                tx_step abort ok 0 "aborted by the workbench: rolling back now"
                tx_disarm
                tx_rollback restart
            else
                item_note step:abort error 0 "too late: $(tx_decider) decided first"
            fi ;;
        staged|deferred)
            if tx_relock; then
                trap '' HUP PIPE
                tx_mine
                tx_step abort ok 0 "aborted by the workbench: the files go back, nothing waits for the boot"
                tx_unpend
                tx_rollback files
            else
                item_note step:abort error 0 "$LOCK_MSG"
            fi ;;
        *) item_note step:abort error 0 "nothing to abort: the transaction is ${b_state:-unknown}" ;;
    esac
    tx_report
}

# The transaction leaves the boot check's pending list (boot/pending: ids, one a line).
tx_unpend() {
    u_f=$R$TX_BASE/boot/pending
    as_root test -e "$u_f" || return 0
    as_root cat "$u_f" 2>/dev/null | grep -v -x -e "$TXID" | as_root tee "$u_f.tmp" >/dev/null \
        && as_root mv -f "$u_f.tmp" "$u_f"
}

# A stale lock held by ID: recovered (tx_recover) and released. Refused, nothing changed, while
# ID's runner is alive on this boot or ID awaits its confirm (abort it instead).
unlock_cmd() {                 # ID
    tx_set "$1"
    n_was=$(tx_lock_holder)
    TXID=''
    tx_recover
    tx_open "$1"
    n_holder=$(tx_lock_holder)
    n_state=
    if as_root test -d "$TXD"; then n_state=$(tx_get state); fi
    tx_kind "$n_state"
    if [ "$n_was" = "$1" ] && [ "$n_holder" != "$1" ]; then
        item_note step:unlock ok 0 "its runner was gone: recovered ($n_state), the lock is released"
    elif [ "$n_holder" != "$1" ]; then
        item_note step:unlock error 0 "the lock is not held by $1 (${n_holder:+held by }${n_holder:-nobody holds it})"
    elif [ "$TX_KIND" = waiting ]; then
        item_note step:unlock error 0 "transaction $1 awaits its confirmation: use --abort"
    elif [ -n "$n_state" ] && [ "$TX_KIND" = running ]; then
        item_note step:unlock error 0 "transaction $1 is in progress ($n_state) and its process runs on this boot: nothing changed"
    elif tx_break_lock "$1"; then
        item_note step:unlock ok 0 "the stale lock of transaction $1 (${n_state:-no directory}) is released"
    else
        item_note step:unlock error 0 "someone else released the lock of $1 first"
    fi
    if as_root test -d "$TXD"; then tx_report; fi
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
