# qatwb-agent, transactions: what runs on the NAS outside any SSH session: the worker (commit,
# restart, verify, arm the timer) and the rollback timer. Joined with the other parts by
# AgentScript; the transaction's states and shared steps are in qatwb-agent-tx.sh.
# shellcheck shell=sh

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
    # ZFS holds QAT devices: the driver would refuse the stop, and qat_service would still have
    # stopped the VFs nobody holds (disable_sriov). Not restarted: deferred to the next boot.
    if w_held=$(tx_qat_held); then
        tx_step busy error 0 "ZFS holds QAT devices (module reference counts: $(printf '%s' "$w_held" | tr '\n' ' ')): the driver refuses to stop a device in use; not restarted"
        tx_defer
        return 0
    fi
    tx_restart_verify "" "$TX_EXPECTED"
    case $? in
        0) ;;
        2) tx_defer; return 0 ;;
        *) tx_rollback restart; return 0 ;;
    esac
    tx_state arming
    if ! tx_do arm_timer tx_arm; then
        tx_claim worker || return 0
        tx_rollback restart
        return 0
    fi
    tx_state awaiting-confirm
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

# PLACEHOLDER: H4 provides tx_boot_arm
tx_boot_arm() {
    echo "the boot check is not installed by this version: the files take effect at the next boot, unverified"
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

tx_expire() {                  # ID
    tx_open "$1"
    tx_claim timer || return 0  # confirmed in time
    case $(tx_get state) in awaiting-confirm|arming) ;; *) return 0 ;; esac
    tx_step expired error 0 "not confirmed within $TX_TIMEOUT s: rolling back"
    tx_rollback restart
}

# The worker and the timer: no frames, nobody reads them.
tx_internal() {                # COMMAND ID
    exec </dev/null >/dev/null 2>&1 4>&- 9<&-
    case $1 in
        tx-run) tx_worker "$2" ;;
        tx-expire) tx_expire "$2" ;;
    esac
}
