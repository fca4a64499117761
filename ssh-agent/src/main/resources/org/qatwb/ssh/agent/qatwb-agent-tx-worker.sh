# qatwb-agent, transactions: what runs on the NAS outside any SSH session: the worker (commit,
# restart, verify, arm the timer) and the rollback timer. Joined with the other parts by
# AgentScript; the transaction's states and shared steps are in qatwb-agent-tx.sh.
# shellcheck shell=sh

# ---- the worker: commit, restart, verify, arm the timer; roll back on failure ----------------

tx_worker() {                  # ID
    trap '' HUP PIPE            # the SSH session may go: it is not ours
    tx_open "$1"
    [ "$(tx_get state)" = awaiting-go ] || return 0   # the exec had the client's go
    tx_mine                     # who runs it now: tx_recover undoes what a killed worker left
    tx_put worker_pid "$$"
    # the timer waits for this mark (or this process gone) before it rolls back: one runner at a time
    trap 'tx_put worker_done yes' EXIT
    if [ "$TX_MODE" != restart ]; then
        tx_remember_up
    else
        # The protection first: from here a worker that dies anywhere is rolled back by the timer.
        tx_state arming
        if ! tx_do arm_timer tx_arm; then
            tx_claim worker || return 0
            tx_drop_temps
            tx_step cancelled error 0 "the rollback timer could not be armed: nothing was changed"
            tx_finish refused
            return 0
        fi
    fi
    tx_state committing
    if ! tx_commit; then
        tx_worker_fails files
        return 0
    fi
    if [ "$TX_MODE" != restart ]; then
        # the files take effect at the next boot, where the boot check verifies them (or puts
        # these backups back); a failed arming is a failed step, but the files are written.
        # 'arming' keeps the exec waiting until the step is recorded.
        tx_state arming
        tx_do boot_arm tx_boot_arm
        tx_finish staged
        return 0
    fi
    tx_decided && return 0
    tx_state restarting
    tx_remember
    # ZFS holds QAT devices: the driver would refuse the stop, and qat_service would still have
    # stopped the VFs nobody holds (disable_sriov). Not restarted: deferred to the next boot.
    if w_held=$(tx_qat_held); then
        tx_step busy error 0 "ZFS holds QAT devices (module reference counts: $(printf '%s' "$w_held" | tr '\n' ' ')): the driver refuses to stop a device in use; not restarted"
        tx_worker_defers
        return 0
    fi
    tx_restart_verify "" "$TX_EXPECTED"
    case $? in
        0) ;;
        2) tx_worker_defers; return 0 ;;
        *) tx_worker_fails restart; return 0 ;;
    esac
    tx_decided && return 0
    tx_state awaiting-confirm
}

# Staging: the devices up now, on the files as they are, for the boot check's rollback.
tx_remember_up() {
    command -v adf_ctl >/dev/null 2>&1 || return 0
    u_up=
    for u_b in $(tx_up_list); do u_up="$u_up${u_up:+,}$u_b"; done
    tx_put up_before "${u_up:-none}"
}

# The timer (or a confirm) took the turn while this worker ran: it is theirs now.
tx_decided() {
    [ -d "$TXD/decided" ]
}

# A step failed: the worker rolls back, unless the timer already took the turn (it rolls back
# once this worker has ended). The timer of a restart is stopped.
tx_worker_fails() {            # files|restart
    tx_claim worker || return 0
    tx_disarm
    tx_rollback "$1"
}

# The driver refused to stop busy devices: the worker takes the turn from the rollback timer (the
# files stay for the next boot; nothing is to be rolled back now), stops it, and defers.
tx_worker_defers() {
    tx_claim worker || return 0
    tx_disarm
    tx_defer
}

# The renames, after one last look that no target changed since the checks. A rename that fails
# stops the commit; the caller rolls back whatever was renamed. The journal says, before each
# rename or removal, which file it is about: if the worker is killed here, tx_recover undoes
# exactly those (it is made before the last look, so an empty one says nothing was renamed).
tx_commit() {
    m=$(tx_manifest)
    tx_journal_line "begin $$ $(tx_boot_id)" || { tx_step commit error 1 "cannot write the journal"; return 1; }
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
                tx_journal_line "rename $1 $2" || { tx_step commit error 1 "cannot write the journal"; return 1; }
                o_out=$(as_root mv -f "$R$o_tmp" "$R$2" 2>&1) || { tx_step commit error 1 "$2: $o_out"; return 1; }
                o_n=$((o_n + 1)) ;;
            delete)
                tx_journal_line "delete $1 $2" || { tx_step commit error 1 "cannot write the journal"; return 1; }
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
    tx_journal_line 'done'
    tx_step commit ok 0 "$o_n files written"
}

tx_journal_line() {            # TEXT: one line appended to the commit's journal
    printf '%s\n' "$1" | as_root tee -a "$TXD/journal" >/dev/null
}

# ---- the rollback timer ----------------------------------------------------------------------

tx_arm() {
    case $TX_RUNNER in
        systemd)
            tx_bounded "$TO_SYSTEMD" systemd-run --unit="qatwb-rollback-$TXID" --on-active="${TX_TIMEOUT}s" \
                --timer-property=AccuracySec=1s --quiet --description="qatwb: roll back $TXID unless confirmed" \
                "$(tx_shell)" "$TXD/agent.sh" tx-expire "$B" 0 "$TXID" || return 1
            echo "systemd timer qatwb-rollback-$TXID.timer: rolls back in $TX_TIMEOUT s unless confirmed" ;;
        *)
            # The worker is outside the SSH session already; so is this child of it. It waits in
            # steps of a second and gives up once a confirm decided (or the transaction is gone):
            # nothing to kill, no pid to trust, and it ends within a second of the confirm. It
            # expires as a shell of its own (exec): in a subshell $$ would be the worker's pid,
            # and the record of who runs the rollback (tx_mine, tx_claim) would name a process
            # that is gone, which tx_recover would then take over while the timer rolls back.
            ( t_left=$TX_TIMEOUT
              while [ "$t_left" -gt 0 ]; do
                  if [ -d "$TXD/decided" ] || [ ! -d "$TXD" ]; then exit 0; fi
                  sleep 1
                  t_left=$((t_left - 1))
              done
              exec "$(tx_shell)" "$TXD/agent.sh" tx-expire "$B" 0 "$TXID" ) </dev/null >/dev/null 2>&1 &
            echo "process $!: rolls back in $TX_TIMEOUT s unless confirmed" ;;
    esac
}

# Stops the systemd timer of a confirmed transaction (a process timer sees 'decided' and ends).
tx_disarm() {
    if [ "$TX_RUNNER" = systemd ]; then tx_bounded "$TO_SYSTEMD" systemctl stop "qatwb-rollback-$TXID.timer" >/dev/null 2>&1; fi
    return 0
}

# The timer fired: unless a confirm came first, it takes the turn and rolls back whatever the
# transaction had reached (any state that is not final: the worker may have died anywhere after it
# armed the timer). A worker still at it is let finish its step first (every step is bounded, see
# the timeouts in qatwb-agent-tx.sh): two runners never write steps at once.
tx_expire() {                  # ID
    tx_open "$1"
    tx_kind "$(tx_get state)"
    case $TX_KIND in running|waiting) ;; *) return 0 ;; esac
    tx_claim timer || return 0  # confirmed in time, or the worker (or a recovery) is rolling back
    tx_mine                     # from now this process runs it: tx_recover leaves it alone
    e_pid=$(tx_get worker_pid)
    e_left=$((TO_WORKER_STEP * 10))
    while [ "$e_left" -gt 0 ] && [ "$(tx_get worker_done)" != yes ]; do
        case $e_pid in ''|*[!0-9]*) break ;; esac
        kill -0 "$e_pid" 2>/dev/null || break
        sleep 0.1
        e_left=$((e_left - 1))
    done
    tx_open "$1"
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
