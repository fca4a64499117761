# qatwb-agent: what qatwb keeps on the NAS beyond the QAT files: Z.I.A. settings and their
# re-apply hooks, VF interrupt pins and irqbalance's ban. Joined with the other parts by AgentScript.
# shellcheck shell=sh

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
