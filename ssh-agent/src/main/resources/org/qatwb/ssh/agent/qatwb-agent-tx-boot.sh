# qatwb-agent, transactions: what happens at the next boot. Staging arms a boot check
# (tx_boot_arm); at every boot a systemd unit (or, on TrueNAS, a PREINIT init script) runs the
# agent's stable copy with 'boot-check', which verifies the layouts staged since the last boot and,
# when the driver refused them, puts the previous files back and restarts QAT while ZFS holds none
# of it yet (DOMAIN.md section 8, the boot window). Also the client's 'reboot'. Joined with the
# other parts by AgentScript; the states and the shared steps are in qatwb-agent-tx.sh.
# shellcheck shell=sh

BOOT_DIR=$TX_BASE/boot             # under $R: pending (ids, oldest first), last (the last outcome), log
BOOT_AGENT=$TX_BASE/agent.sh       # the stable copy the boot check runs, whatever transaction armed it
BOOT_UNIT=qatwb-boot-check.service
BOOT_WANTS=/etc/systemd/system/multi-user.target.wants/$BOOT_UNIT
BOOT_COMMAND='sh /var/lib/qatwb/agent.sh boot-check - 0'
BOOT_INIT_COMMENT='qatwb: boot check of staged QAT layouts'
BOOT_INIT_FILTER='[["comment", "=", "qatwb: boot check of staged QAT layouts"]]'
BOOT_TIMEOUT=300                   # seconds systemd (TimeoutStartSec) or the middleware gives the check
BOOT_TOOL_TIMEOUT=120              # seconds for each tool the check runs itself (timeout(1), where there is one)

# ---- arming (the worker, after the commit of a staged or deferred transaction) ---------------

# The transaction joins the pending list, the agent that staged it becomes the stable copy, and the
# boot check is installed (idempotently). Prints what it did; nonzero when the check is not armed.
tx_boot_arm() {
    if ! { as_root mkdir -p "$R$BOOT_DIR" && as_root chmod 755 "$R$BOOT_DIR"; }; then
        echo "cannot create $BOOT_DIR"
        return 1
    fi
    boot_copy_agent || return 1
    boot_pending_add "$TXID" || { echo "cannot add $TXID to $BOOT_DIR/pending"; return 1; }
    echo "$TXID is pending: the boot check verifies it at the next boot"
    if [ -e "$R/etc/version" ]; then boot_install_init; else boot_install_unit; fi
}

# The transaction's own copy of the agent (checked against the client's sha256 when it was stored)
# to $BOOT_AGENT, atomically, and checked again: the boot check runs exactly these bytes.
boot_copy_agent() {
    c_want=$(as_root sha256sum -- "$TXD/agent.sh" 2>/dev/null)
    c_want=${c_want%%" "*}
    sha_ok "$c_want" || { echo "the transaction holds no copy of the agent"; return 1; }
    c_tmp=$(as_root mktemp "$R$TX_BASE/.agent.sh.XXXXXX") || { echo "cannot create a file in $TX_BASE"; return 1; }
    if as_root cp "$TXD/agent.sh" "$c_tmp" && as_root chmod 600 "$c_tmp" && tx_sync "$c_tmp" \
        && [ "$(as_root sha256sum -- "$c_tmp" 2>/dev/null | { read -r c_h _; printf '%s' "$c_h"; })" = "$c_want" ] \
        && as_root mv -f "$c_tmp" "$R$BOOT_AGENT"; then
        echo "the boot check runs $BOOT_AGENT (sha256 $c_want)"
        return 0
    fi
    as_root rm -f "$c_tmp"
    echo "cannot write $BOOT_AGENT"
    return 1
}

# The pending ids, oldest first, checked (a line that is not an id is dropped). Anyone may read the
# list and the outcome (a snapshot does, without sudo); only root writes them.
boot_pending() {
    [ -e "$R$BOOT_DIR/pending" ] || return 0
    { cat "$R$BOOT_DIR/pending" 2>/dev/null || as_root cat "$R$BOOT_DIR/pending" 2>/dev/null; } | while read -r p_id _; do
        if tx_id_ok "$p_id"; then printf '%s\n' "$p_id"; fi
    done
}

boot_pending_text() {          # IDS: one per line, the list as it is to be
    if [ -n "$1" ]; then printf '%s\n' "$1"; fi
}

boot_pending_write() {         # IDS
    write_atomic "$R$BOOT_DIR/pending" 644 boot_pending_text "$1"
}

boot_pending_add() {           # ID
    a_list=$(boot_pending)
    case "$NL$a_list$NL" in *"$NL$1$NL"*) return 0 ;; esac
    boot_pending_write "${a_list:+$a_list$NL}$1"
}

# The unit, byte for byte as written. Ordering (systemd.unit(5), "Before=, After="): ordering
# against a unit that is not loaded has no effect, so Before=qatwb-zfs-qat.service is safe where
# there is no params unit. It is NOT ordered before zfs-import.target or zfs-load-module.service:
# Intel's qat.service is After=local-fs.target (quickassist/build_system/build_files/qat.service),
# and OpenZFS's zfs-mount.service is After=zfs-import.target and Before=local-fs.target
# (etc/systemd/system/zfs-mount.service.in), so "after qat.service and before the ZFS import" is
# an ordering cycle that systemd breaks by dropping a job at random. On such a NAS zfs.ko is loaded
# before qat.service anyway, and the window is before the params unit writes 0 (DOMAIN.md 8).
# Type=oneshot has no start timeout by default (systemd.service(5), TimeoutStartSec=): one is set.
boot_unit_text() {
    printf '%s\n' \
        '# Written by QAT Workbench (qatwb) when a layout is staged. At each boot it verifies the layouts' \
        '# staged since the last boot (/var/lib/qatwb/boot/pending) and puts the previous files back if the' \
        '# QAT driver refused them; with nothing pending it only reads that list. Outcome: /var/lib/qatwb/boot/last.' \
        '[Unit]' \
        'Description=qatwb: boot check of staged QAT layouts' \
        'After=qat.service' \
        'Before=qatwb-zfs-qat.service' \
        '' \
        '[Service]' \
        'Type=oneshot' \
        "TimeoutStartSec=$BOOT_TIMEOUT" \
        "ExecStart=/bin/sh $BOOT_AGENT boot-check - 0" \
        '' \
        '[Install]' \
        'WantedBy=multi-user.target'
}

# The unit file and the link 'systemctl enable' makes (what systemd reads at the next boot; no
# daemon-reload is needed for that, and none is done: nothing runs it before then).
boot_install_unit() {
    write_atomic_mkdir "$R/etc/systemd/system/$BOOT_UNIT" 644 boot_unit_text || { echo "cannot write /etc/systemd/system/$BOOT_UNIT"; return 1; }
    if [ ! -L "$R$BOOT_WANTS" ]; then
        if ! { as_root mkdir -p "$R${BOOT_WANTS%/*}" && as_root ln -s "/etc/systemd/system/$BOOT_UNIT" "$R$BOOT_WANTS"; }; then
            echo "cannot enable $BOOT_UNIT"
            return 1
        fi
    fi
    echo "systemd unit $BOOT_UNIT enabled (after qat.service, before qatwb-zfs-qat.service)"
}

# TrueNAS: a COMMAND init script at PREINIT. The middleware has no order field: it runs the
# enabled scripts of one 'when' in the order initshutdownscript.query returns them, by id
# (middlewared plugins/initshutdownscript.py, execute_init_tasks), so a POSTINIT entry made now
# would run after qatwb's params script; every PREINIT script runs before any POSTINIT one.
boot_init_json() {
    printf '{"type": "COMMAND", "command": "%s", "when": "PREINIT", "enabled": true, "timeout": %s, "comment": "%s"}' \
        "$BOOT_COMMAND" "$BOOT_TIMEOUT" "$BOOT_INIT_COMMENT"
}

boot_install_init() {
    command -v midclt >/dev/null 2>&1 || { echo "midclt not found: TrueNAS's init scripts cannot be changed"; return 1; }
    i_out=$(as_root midclt call initshutdownscript.query "$BOOT_INIT_FILTER" 2>&1) || { echo "midclt: $i_out"; return 1; }
    i_first=$(json_ids "$i_out" | head -n 1)
    if [ -n "$i_first" ]; then
        i_out=$(as_root midclt call initshutdownscript.update "$i_first" "$(boot_init_json)" 2>&1) || { echo "midclt: $i_out"; return 1; }
    else
        i_out=$(as_root midclt call initshutdownscript.create "$(boot_init_json)" 2>&1) || { echo "midclt: $i_out"; return 1; }
    fi
    echo "TrueNAS init script (PREINIT): $BOOT_COMMAND"
}

# ---- the boot check --------------------------------------------------------------------------

# A tool bounded in time where timeout(1) is there (coreutils, busybox): the boot must go on.
boot_bounded() {               # CMD [ARG...]
    if command -v timeout >/dev/null 2>&1; then as_root timeout "$BOOT_TOOL_TIMEOUT" "$@"; else as_root "$@"; fi
}

boot_log() {                   # TEXT: to the journal (stdout) and to boot/log
    printf 'qatwb boot check: %s\n' "$1"
    printf '%s\n' "$1" | as_root tee -a "$R$BOOT_DIR/log" >/dev/null 2>&1
}

# qat.service's restart, as tx_qat_restart does it, each tool bounded.
boot_qat_restart() {
    if [ -d "$R/run/systemd/system" ] && command -v systemctl >/dev/null 2>&1; then
        boot_bounded systemctl restart qat
    elif [ -x "$R/etc/init.d/qat_service" ]; then
        boot_bounded "$R/etc/init.d/qat_service" restart
    else
        boot_bounded adf_ctl restart
    fi
}

# The expectations of every pending transaction merged into DIR/expect, the newest one's line
# winning for a BSF SECTION KEY, for tx_verify_devcfg (which reads $TXD/expect).
boot_merge_expect() {          # DIR IDS(newest first)
    m_dir=$1
    shift
    for m_id in "$@"; do
        as_root cat "$R$TX_BASE/tx/$m_id/expect" 2>/dev/null
    done | awk '!seen[$1 " " $2 " " $3]++' | as_root tee "$m_dir/expect" >/dev/null
}

boot_last_text() {             # OUTCOME IDS MESSAGE
    b_id=-
    if [ -r "$R/proc/sys/kernel/random/boot_id" ]; then read -r b_id <"$R/proc/sys/kernel/random/boot_id"; fi
    case $b_id in ''|*[!0-9a-f-]*) b_id=- ;; esac
    b_up=-
    if [ -r "$R/proc/uptime" ]; then read -r b_up _ <"$R/proc/uptime"; fi
    b_up=${b_up%%.*}
    case $b_up in ''|*[!0-9]*) b_up=- ;; esac
    printf 'outcome %s\ntx %s\nboot_id %s\nuptime %s\nmessage %s\n' "$1" "$2" "$b_id" "$b_up" "$3"
}

boot_last() {                  # OUTCOME IDS MESSAGE
    write_atomic "$R$BOOT_DIR/last" 644 boot_last_text "$1" "$2" "$3"
}

# One line for the record: what the verification found, then the driver's words: the first QAT line
# of this boot's kernel log that says error, fail, refuse or invalid, else qat.service's last error
# of this boot, else the kernel log's last QAT line.
boot_driver_words() {          # VERIFICATION
    w_kern=$(as_root cat "$TXD/kernel_log" 2>/dev/null)
    w_line=$(printf '%s\n' "$w_kern" | grep -i -e err -e fail -e refus -e invalid | head -n 1)
    # adf_ctl's own refusal ("QAT Error: ...") never reaches the kernel log: qat.service's journal has it
    if [ -z "$w_line" ] && command -v journalctl >/dev/null 2>&1; then
        w_line=$(boot_bounded journalctl -u qat.service -b -o cat --no-pager 2>/dev/null | grep -i -e err -e fail | tail -n 1)
    fi
    [ -n "$w_line" ] || w_line=$(printf '%s\n' "$w_kern" | grep . | tail -n 1)
    printf '%s%s' "${1%%"$NL"*}" "${w_line:+; driver: $w_line}" | tr -d '\000-\037'
}

# Every step below is bounded and every failure is recorded: the boot check always exits 0 (a
# failed oneshot unit would only add a red line to the boot; it must never hold the boot up).
boot_check_cmd() {
    as_root mkdir -p "$R$BOOT_DIR" 2>/dev/null
    # a transaction whose runner the reboot took, first of all (tx_recover undoes it)
    tx_recover
    k_all=$(boot_pending)
    k_ids='' k_newest_first=''
    for k_id in $k_all; do
        tx_set "$k_id"
        k_state=$(tx_get state)
        case $k_state in
            staged|deferred)
                k_ids="$k_ids${k_ids:+ }$k_id"
                k_newest_first="$k_id${k_newest_first:+ }$k_newest_first" ;;
            *) boot_log "$k_id is $k_state, not pending: skipped" ;;
        esac
    done
    if [ -z "$k_ids" ]; then
        if [ -n "$k_all" ]; then boot_pending_write ''; fi
        boot_log "nothing pending"
        return 0
    fi
    k_list=$(printf '%s' "$k_ids" | tr ' ' ,)
    k_newest=${k_newest_first%% *}
    set -f
    # shellcheck disable=SC2086 # splitting a list of words is the point here
    set -- $k_ids
    set +f
    k_oldest=$1
    # what the newest layout expects up, and what the driver shows now
    tx_open "$k_newest"
    k_expected=$TX_EXPECTED
    expected_ok "${k_expected:--}" || k_expected=-
    k_dev_out=$(tx_verify_devices "$k_expected" 2>&1)
    k_dev_rc=$?
    k_cfg_rc=3
    k_cfg_out="dev_cfg not compared: the devices are not all up"
    if [ "$k_dev_rc" -eq 0 ]; then
        k_tmp=$R$BOOT_DIR/check
        as_root rm -rf "$k_tmp"
        as_root mkdir -p "$k_tmp"
        # shellcheck disable=SC2086 # splitting a list of words is the point here
        boot_merge_expect "$k_tmp" $k_newest_first
        k_txd=$TXD
        TXD=$k_tmp
        if as_root test -s "$TXD/expect"; then
            k_cfg_out=$(tx_verify_devcfg expect 2>&1)
            k_cfg_rc=$?
        else
            # tx_verify_devcfg passes a transaction without expectations (a restore sends none);
            # here that would be 'verified' with nothing compared: it is 'unverified'
            k_cfg_out="no dev_cfg expectation was staged: dev_cfg not compared"
        fi
        TXD=$k_txd
        as_root rm -rf "$k_tmp"
    fi
    step_status "$k_dev_rc" "$k_dev_out"
    k_dev_st=$ST
    case $k_cfg_rc in 0) k_cfg_st=ok ;; 3) k_cfg_st=absent ;; *) k_cfg_st=error ;; esac
    for k_id in $k_ids; do
        tx_open "$k_id"
        tx_step boot_verify_devices "$k_dev_st" "$k_dev_rc" "$k_dev_out"
        tx_step boot_verify_devcfg "$k_cfg_st" "$k_cfg_rc" "$k_cfg_out"
    done
    if [ "$k_dev_rc" -eq 0 ] && [ "$k_cfg_rc" -ne 1 ]; then
        for k_id in $k_ids; do
            tx_open "$k_id"
            tx_state booted
        done
        boot_pending_write ''
        if [ "$k_cfg_rc" -eq 0 ]; then
            boot_last verified "$k_list" "the devices are up and the driver runs the files staged by $k_list"
        else
            boot_last unverified "$k_list" "the devices are up; ${k_cfg_out%%"$NL"*}"
        fi
        boot_log "booted $k_list"
        return 0
    fi
    # The driver refused the layout: the previous files back, newest transaction first, then QAT
    # restarted on them while ZFS holds none of it (the boot window), then the old devices verified.
    tx_open "$k_newest"
    tx_kernel_log 0
    k_words=$(boot_driver_words "$k_dev_out$NL$k_cfg_out")
    k_ok=1
    for k_id in $k_newest_first; do
        tx_open "$k_id"
        tx_state rolling-back
        # tx_restore_files' rule, as every rollback: only what this transaction renamed and that
        # still holds what it wrote; newest first, so that each finds its own bytes (a file a
        # later pending transaction rewrote is back to this one's bytes by then)
        tx_do boot_rollback_files tx_restore_files || k_ok=
    done
    tx_open "$k_oldest"
    k_before=$(tx_get up_before)
    expected_ok "${k_before:--}" || k_before=-
    tx_do boot_rollback_restart boot_qat_restart || k_ok=
    tx_do boot_rollback_verify_devices tx_verify_devices "$k_before" || k_ok=
    k_after_out=$ST_OUT
    for k_id in $k_ids; do
        tx_open "$k_id"
        if [ "$k_id" != "$k_oldest" ]; then
            tx_step boot_rollback_verify_devices "$ST" 0 "$k_after_out"
        fi
        if [ -n "$k_ok" ]; then tx_state rolled-back; else tx_state rollback-failed; fi
    done
    boot_pending_write ''
    if [ -n "$k_ok" ]; then
        boot_last rolled-back "$k_list" "the driver refused the staged layout, the previous files are back and QAT is up on them: $k_words"
    else
        boot_last rollback-failed "$k_list" "the driver refused the staged layout and the rollback did not complete: $k_words"
    fi
    if [ -n "$k_ok" ]; then boot_log "rolled back $k_list: $k_words"; else boot_log "rollback failed for $k_list: $k_words"; fi
    return 0
}

# The boot check's outcome as the client reads it (item boot_check), and what is pending (item
# tx_pending: "ID STATE" per transaction, then "file PATH" per file it writes).
items_boot() {
    item_file boot_check "$R$BOOT_DIR/last"
    if [ ! -e "$R$BOOT_DIR/pending" ]; then
        item_absent tx_pending
        return
    fi
    p_lines=
    for p_id in $(boot_pending); do
        p_st=
        { read -r p_st <"$R$TX_BASE/tx/$p_id/state"; } 2>/dev/null
        case $p_st in ''|*[!a-z-]*) p_st=unknown ;; esac
        p_lines="$p_lines$p_id $p_st$NL"
        # the files it writes, where the manifest is readable (it is root's): "N PATH BEFORE AFTER ACTION"
        if [ -r "$R$TX_BASE/tx/$p_id/manifest" ]; then
            while read -r _ p_path _ _ p_act; do
                if [ "$p_act" != keep ] && target_ok "$p_path"; then p_lines="${p_lines}file $p_path$NL"; fi
            done <"$R$TX_BASE/tx/$p_id/manifest"
        fi
    done
    item_note tx_pending ok 0 "${p_lines%"$NL"}"
}

# ---- reboot ----------------------------------------------------------------------------------

# Says what it will run, then runs it detached and a moment later, so that this answer reaches
# the client before the connection goes down.
reboot_cmd() {
    if [ -d "$R/run/systemd/system" ] && command -v systemctl >/dev/null 2>&1; then
        r_tool=$(command -v systemctl) r_args=reboot
    elif command -v reboot >/dev/null 2>&1; then
        r_tool=$(command -v reboot) r_args=
    else
        item_note reboot absent 0 "neither systemctl nor reboot found"
        return 0
    fi
    case $r_tool in /*) ;; *) item_note reboot error 0 "not a path: $r_tool"; return 0 ;; esac
    case $r_tool in *[!A-Za-z0-9/._-]*) item_note reboot error 0 "an odd path: $r_tool"; return 0 ;; esac
    if ! sudo_ok; then
        item_note reboot denied 0 "$SUDO_MSG"
        return 0
    fi
    item_note boot_pending ok 0 "$(boot_pending)"
    item_note reboot ok 0 "$r_tool${r_args:+ $r_args} in 2 s"
    # The redirections are exec'd inside the background subshell, not put on the function call:
    # dash saves the fds a function call's redirections replace on fds 10 and up, and the command
    # the function runs inherits those copies of the exec's stdout and stderr; the client's exec then
    # ends only when the reboot takes the connection, and its answer is lost with it.
    if command -v setsid >/dev/null 2>&1; then
        ( exec </dev/null >/dev/null 2>&1 4>&-; as_root setsid sh -c "sleep 2; exec $r_tool $r_args" ) &
    else
        # shellcheck disable=SC2086 # r_args is one word or none
        ( exec </dev/null >/dev/null 2>&1 4>&-; trap '' HUP; sleep 2; as_root "$r_tool" $r_args ) &
    fi
}
