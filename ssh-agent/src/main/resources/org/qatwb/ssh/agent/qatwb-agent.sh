# qatwb-agent: reads what QAT Workbench needs from a NAS and prints it in frames.
# The contract is docs/agent-protocol.md. The client streams this file on stdin, with
# qatwb-agent-tx.sh (transactions) put before its last line:
#     sh -s -- COMMAND BOUNDARY SUDO [ARGS...]
# POSIX sh (dash, bash, busybox ash). set-param writes one value, persist-params one systemd unit
# or TrueNAS init script, zpool-set one Z.I.A. pool property; apply and restore write the QAT
# files as one transaction, keeping their backups under /var/lib/qatwb (qatwb-agent-tx.sh).

# shellcheck shell=sh
# The functions below are called by name from the dispatch at the end, which shellcheck
# cannot see: it would call their bodies unreachable.
# shellcheck disable=SC2317

VERSION=1
CAP=4194304                  # bytes per item: 4 MiB
LC_ALL=C; export LC_ALL      # tool messages in English, e.g. "Operation not permitted"
umask 077                    # nothing is created; were anything, it would stay private
PATH=$PATH:/usr/sbin:/sbin:/usr/local/sbin:/usr/local/bin; export PATH
R=${QATWB_ROOT-}             # a simulated NAS's root; empty on a real one
IFS=' 	
'                            # the default (blank, tab, newline), whatever the environment held
SUDO_ASKED='' SUDO_MSG=''    # nor may the environment pre-answer the sudo question
NL='
'

usage() {
    printf 'qatwb-agent: %s\n' "$1" >&2
    exit 2
}

# ---- frames --------------------------------------------------------------------------------
# A failed write means the client has gone (stdout closed): stop at once.

frame() {
    printf '@@%s %s\n' "$B" "$*" || exit 1
}

# The end line follows one newline of our own, so an item's last byte need not be a newline.
end_item() {
    printf '\n@@%s end %s %s %s\n' "$B" "$1" "$2" "$3" || exit 1
}

item_absent() {                # NAME
    frame begin "$1"
    end_item "$1" absent 0
}

item_note() {                  # NAME STATUS RC TEXT: an item whose bytes are our own words
    frame begin "$1"
    if [ -n "$4" ]; then printf '%s\n' "$4" || exit 1; fi
    end_item "$1" "$2" "$3"
}

item_file() {                  # NAME PATH: a file's bytes
    if [ ! -e "$2" ]; then item_absent "$1"; return; fi
    if [ ! -r "$2" ]; then item_note "$1" denied 0 "permission denied: ${2#"$R"}"; return; fi
    frame begin "$1"
    # At most one byte past the cap: an item of CAP+1 bytes tells the reader "more than the cap"
    # (it keeps CAP and says truncated), so nothing is counted: /proc and /sys report no size.
    head -c $((CAP + 1)) "$2" 2>&1
    f_rc=$?
    if [ "$f_rc" -eq 0 ]; then end_item "$1" ok 0; else end_item "$1" error "$f_rc"; fi
}

item_run() {                   # NAME CMD [ARG...]: what CMD prints (stdout and stderr) and its status
    r_name=$1
    shift
    frame begin "$r_name"
    # The bytes go straight to fd 4 (stdout) through one head that stops one byte past the cap,
    # which the reader takes for "cut" (a process start is most of a snapshot's cost: no
    # counting here). The status comes back through fd 3. CMD gets none of our descriptors 3, 4, 9.
    r_rc=$( { { "$@" 2>&1 3>&- 4>&- 9<&-; echo "$?" >&3; } | head -c $((CAP + 1)) >&4; } 3>&1 )
    case $r_rc in
        '' | *[!0-9]*) r_rc=1 ;;
    esac
    if [ "$r_rc" -eq 0 ]; then r_st=ok; else r_st=error; fi
    end_item "$r_name" "$r_st" "$r_rc"
}

item_tool() {                  # NAME TOOL [ARG...]: absent when TOOL is not installed
    if command -v "$2" >/dev/null 2>&1; then item_run "$@"; else item_absent "$1"; fi
}

# ---- privileges ----------------------------------------------------------------------------

# Whether privileged commands may run: always with SUDO=0 (they run as the login user and say
# so when refused); with SUDO=1 only when 'sudo -n' works. Asked once; the refusal is kept.
sudo_ok() {
    if [ "$SUDO" = 0 ]; then return 0; fi
    if [ -z "$SUDO_ASKED" ]; then
        SUDO_ASKED=1
        if ! command -v sudo >/dev/null 2>&1; then
            SUDO_MSG="sudo: command not found"
        elif SUDO_MSG=$(if command -v timeout >/dev/null 2>&1; then timeout "$TO_SUDO" sudo -n true; else sudo -n true; fi 2>&1); then
            SUDO_MSG=
        else
            SUDO_MSG=${SUDO_MSG:-sudo -n true failed}
        fi
    fi
    [ -z "$SUDO_MSG" ]
}

as_root() {                    # CMD [ARG...]: runs CMD, through 'sudo -n' when SUDO=1
    if [ "$SUDO" = 1 ]; then
        # by its path on our PATH: sudo's secure_path may not hold the tools (or the stand-ins)
        a_cmd=$(command -v "$1") || a_cmd=$1
        shift
        sudo -n "$a_cmd" "$@"
    else
        "$@"
    fi
}

item_priv() {                  # NAME TOOL [ARG...]: a privileged read
    if ! command -v "$2" >/dev/null 2>&1; then
        item_absent "$1"
    elif ! sudo_ok; then
        item_note "$1" denied 0 "$SUDO_MSG"
    else
        p_name=$1
        shift
        item_run "$p_name" as_root "$@"
    fi
}

# ---- steps of a change ---------------------------------------------------------------------

# How a step went, from its exit status and what it said: ok; denied (no permission, or sudo
# refused); error. Sets ST.
step_status() {                # RC OUTPUT
    case $1:$2 in
        0:*) ST=ok ;;
        *"Permission denied"*|*"permission denied"*|*"password is required"*|*"sudo:"*|*"Access denied"*|*"authentication required"*) ST=denied ;;
        *) ST=error ;;
    esac
}

# Runs one step of a change and reports it as an item: what it said (stdout and stderr, cut at
# 4 KiB) and its status. Returns the step's success; its output stays in ST_OUT.
step() {                       # NAME CMD [ARG...]
    st_name=$1
    shift
    ST_OUT=$("$@" 2>&1 4>&-)
    st_rc=$?
    if [ ${#ST_OUT} -gt 4096 ]; then ST_OUT=$(printf '%s' "$ST_OUT" | head -c 4096); fi
    step_status "$st_rc" "$ST_OUT"
    item_note "$st_name" "$ST" "$st_rc" "$ST_OUT"
    [ "$st_rc" -eq 0 ]
}

# ---- what is read --------------------------------------------------------------------------

ids() {
    id -u && id -un
}

# The QAT and ZFS lines of the kernel log, and the driver's access-layer lines ("FUNC() - : ..."),
# which need not name QAT; dmesg's own complaint ("dmesg: ... not permitted") and sudo's are kept too. Returns dmesg's status, not grep's.
kernel_log() {
    { k_rc=$( { { as_root dmesg 2>&1; echo "$?" >&3; } \
        | grep -i -e qat -e zfs -e icp -e adf -e quickassist -e cpaCy -e cpaDc -e '() - : ' -e '^dmesg:' -e '^sudo:' \
        | tail -n 300 >&4; } 3>&1 ); } 4>&1
    return "${k_rc:-1}"
}

cpu_nodes() {                  # "N LIST" for every NUMA node
    for c_f in "$R"/sys/devices/system/node/node*/cpulist; do
        c_n=${c_f%/cpulist}
        c_n=${c_n##*/node}
        case $c_n in ''|*[!0-9]*) continue ;; esac
        printf '%s %s\n' "$c_n" "$(cat "$c_f")"
    done
}

# systemctl's word for qat.service (active, inactive, failed...; its exit status says the same,
# so it is not an error); without systemd, the init script's status as a word.
qat_state() {
    if command -v systemctl >/dev/null 2>&1; then
        q_out=$(systemctl is-active qat 2>&1)
        q_rc=$?
        printf '%s\n' "$q_out"
        case $q_out in
            active|reloading|inactive|failed|activating|deactivating|maintenance|refreshing|unknown) ;;
            *) return "$q_rc" ;;     # no state at all: "System has not been booted with systemd..."
        esac
    elif as_root "$R/etc/init.d/qat_service" status >/dev/null 2>&1; then
        echo active
    else
        echo inactive
    fi
    return 0
}

# Lists the debugfs directories that have fw_counters into FW_DIRS (one per line) and, when
# ITEM is set, reports the listing as item 'debugfs'. debugfs is root's: 'sudo -n' when SUDO=1.
list_fw() {                    # ITEM
    FW_DIRS=
    l_d=$R/sys/kernel/debug
    if [ ! -d "$l_d" ]; then
        if [ -n "$1" ]; then item_absent debugfs; fi
        return
    fi
    if ! sudo_ok; then
        if [ -n "$1" ]; then item_note debugfs denied 0 "$SUDO_MSG"; fi
        return
    fi
    # -maxdepth is not POSIX, but GNU, busybox and toybox find all have it; without it find
    # would walk all of debugfs
    l_out=$(as_root find "$l_d" -maxdepth 2 -name fw_counters 2>&1)
    l_rc=$?
    if [ "$l_rc" -ne 0 ]; then
        case $l_out in
            *"Permission denied"*|*"Operation not permitted"*) l_st=denied ;;
            *) l_st=error ;;
        esac
        if [ -n "$1" ]; then item_note debugfs "$l_st" "$l_rc" "$l_out"; fi
        return
    fi
    set -f                   # the paths are split at blanks, never globbed
    for l_p in $l_out; do
        l_p=${l_p#"$l_d"/}
        l_p=${l_p%/fw_counters}
        # qat_<type>_<pci address>, and nothing a frame name cannot hold
        case $l_p in qat_*[!A-Za-z0-9_:.-]*|*/*) continue ;; qat_*) ;; *) continue ;; esac
        FW_DIRS="$FW_DIRS$l_p
"
    done
    set +f
    if [ -n "$1" ]; then item_note debugfs ok 0 "${FW_DIRS%?}"; fi
}

# Each device's debugfs dev_cfg (what the driver loaded: qat_common/adf_cfg_dev_dbg.c, mode 0400),
# as items dev_cfg:<BSF>; the directories are qat_<type>_<BSF>. Root's, like fw_counters.
items_devcfg() {
    d_d=$R/sys/kernel/debug
    if [ ! -d "$d_d" ] || ! sudo_ok; then return 0; fi
    d_out=$(as_root find "$d_d" -maxdepth 2 -name dev_cfg 2>/dev/null) || return 0
    set -f                   # the paths are split at blanks, never globbed
    for d_p in $d_out; do
        d_dir=${d_p#"$d_d"/}
        d_dir=${d_dir%/dev_cfg}
        case $d_dir in qat_*[!A-Za-z0-9_:.-]*|*/*) continue ;; qat_*) ;; *) continue ;; esac
        d_bsf=${d_dir##*_}
        bsf_ok "$d_bsf" || continue
        if [ "$SUDO" = 1 ]; then
            item_run "dev_cfg:$d_bsf" as_root cat "$d_p"
        else
            item_file "dev_cfg:$d_bsf" "$d_p"
        fi
    done
    set +f
}

# Item qat_refcnt: "MODULE COUNT" for each QAT driver module that shows a reference count. A device
# in use (adf_dev_get, by ZFS's started instances) holds one on its driver module, and the driver
# then refuses to stop any device (adf_ctl_drv.c adf_ctl_is_device_in_use). Absent: no count shown.
item_qat_refcnt() {
    q_out=
    for q_d in "$R"/sys/module/qat_*; do
        [ -r "$q_d/refcnt" ] || continue
        q_m=${q_d##*/}
        case $q_m in qat_api|*[!a-z0-9_]*) continue ;; esac
        q_n=$(head -n 1 "$q_d/refcnt" 2>/dev/null)
        case $q_n in ''|*[!0-9]*) continue ;; esac
        q_out="$q_out$q_m $q_n$NL"
    done
    if [ -n "$q_out" ]; then item_note qat_refcnt ok 0 "${q_out%"$NL"}"; else item_absent qat_refcnt; fi
}

items_fw() {                   # the fw_counters of every directory in FW_DIRS
    for i_d in $FW_DIRS; do
        if [ "$SUDO" = 1 ]; then
            item_run "fw_counters:$i_d" as_root cat "$R/sys/kernel/debug/$i_d/fw_counters"
        else
            item_file "fw_counters:$i_d" "$R/sys/kernel/debug/$i_d/fw_counters"
        fi
    done
}

# ---- who loads what: the doctor's evidence (DOMAIN.md sections 1, 4, 6 and 8) ---------------

# qat.service's journal of this boot: adf_ctl's and qat_service's own words, which never reach
# the kernel log (the driver's do, and nothing else). The last 300 lines; journalctl's status.
qat_journal() {
    { j_rc=$( { { as_root journalctl -u qat.service -b -o cat --no-pager 2>&1; echo "$?" >&3; } \
        | tail -n 300 >&4; } 3>&1 ); } 4>&1
    return "${j_rc:-1}"
}

items_journal() {
    if ! command -v journalctl >/dev/null 2>&1; then
        item_absent qat_journal
    elif ! sudo_ok; then
        item_note qat_journal denied 0 "$SUDO_MSG"
    else
        item_run qat_journal qat_journal
    fi
}

# The QAT modules that are loaded, one line each: the module, then the modules holding it
# (/sys/module/M/holders: a zfs.ko built with QAT holds qat_api). No process.
QAT_MODULES='intel_qat qat_api usdm_drv qat_dh895xccvf qat_c62xvf qat_c3xxxvf qat_d15xxvf qat_200xxvf qat_c4xxxvf qat_4xxxvf'
qat_modules() {
    for m_m in $QAT_MODULES; do
        [ -d "$R/sys/module/$m_m" ] || continue
        m_line=$m_m
        for m_h in "$R/sys/module/$m_m/holders"/*; do
            [ -e "$m_h" ] || [ -L "$m_h" ] || continue
            m_h=${m_h##*/}
            case $m_h in *[!A-Za-z0-9_-]*) continue ;; esac
            m_line="$m_line $m_h"
        done
        printf '%s\n' "$m_line"
    done
}

# zfs.ko's line of the running kernel's modules.dep: what modprobe loads before it, even while it
# is not loaded. grep's "no such line" is an answer (empty), not a failure.
zfs_depends() {               # MODULES_DEP
    grep -E '(^|/)zfs\.ko(\.[a-z]+)?:' "$1"
    z_rc=$?
    if [ "$z_rc" -le 1 ]; then return 0; fi
    return "$z_rc"
}

# Every QAT VF on the PCI bus (a device with a physfn link and one of the VF device ids Intel's
# qat_service lists): "BDF DEVICE DRIVER", DRIVER the directory of /sys/bus/pci/drivers that
# holds it (c6xxvf, vfio-pci...) or - for none. No process: read and globs only.
pci_vfs() {
    for v_p in "$R"/sys/bus/pci/devices/*/physfn; do
        [ -e "$v_p" ] || [ -L "$v_p" ] || continue
        v_d=${v_p%/physfn}
        v_b=${v_d##*/}
        case $v_b in *[!0-9a-f:.]*) continue ;; esac
        v_ven='' v_id=''
        { read -r v_ven < "$v_d/vendor" && read -r v_id < "$v_d/device"; } 2>/dev/null || continue
        case $v_ven:$v_id in
            0x8086:0x0443|0x8086:0x37c9|0x8086:0x19e3|0x8086:0x18ef|0x8086:0x6f55|0x8086:0x18a1) ;;
            *) continue ;;
        esac
        v_drv=-
        for v_l in "$R"/sys/bus/pci/drivers/*/"$v_b"; do
            if [ -e "$v_l" ] || [ -L "$v_l" ]; then
                v_drv=${v_l%/*}
                v_drv=${v_drv##*/}
                break
            fi
        done
        case $v_drv in *[!A-Za-z0-9_.-]*) v_drv='?' ;; esac
        printf '%s %s %s\n' "$v_b" "$v_id" "$v_drv"
    done
}

# The modprobe.d files that mention zfs_qat ("options zfs zfs_qat_..._disable=1"), each as item
# modprobe:PATH, from every directory kmod reads (model applies kmod's precedence by file name).
items_modprobe() {
    set --
    for p_f in "$R"/etc/modprobe.d/*.conf "$R"/run/modprobe.d/*.conf "$R"/usr/local/lib/modprobe.d/*.conf \
        "$R"/lib/modprobe.d/*.conf "$R"/usr/lib/modprobe.d/*.conf; do
        case ${p_f#"$R"} in *[!A-Za-z0-9/._-]*) continue ;; esac   # a frame name has no blanks
        if [ -f "$p_f" ]; then set -- "$@" "$p_f"; fi
    done
    [ $# -gt 0 ] || return 0
    p_found=$(grep -l -e zfs_qat -- "$@" 2>/dev/null)
    set -f                   # the paths are split at newlines only, never globbed
    for p_f in $p_found; do
        item_file "modprobe:${p_f#"$R"}" "$p_f"
    done
    set +f
}

# Which modules are loaded and what holds them, zfs.ko's dependencies, the VFs' drivers, and the
# ZFS QAT parameters that modprobe.d or the kernel command line set explicitly.
items_modules() {
    if [ -d "$R/sys/module" ]; then item_note qat_modules ok 0 "$(qat_modules)"; else item_absent qat_modules; fi
    m_rel=
    { read -r m_rel < "$R/proc/sys/kernel/osrelease"; } 2>/dev/null
    case $m_rel in ''|*/*|.|..) m_dep= ;; *) m_dep=$R/lib/modules/$m_rel/modules.dep ;; esac
    if [ -n "$m_dep" ] && [ -f "$m_dep" ]; then
        item_run zfs_depends zfs_depends "$m_dep"
    else
        item_absent zfs_depends
    fi
    if [ -d "$R/sys/bus/pci/devices" ]; then item_note pci_vfs ok 0 "$(pci_vfs)"; else item_absent pci_vfs; fi
    item_file cmdline "$R/proc/cmdline"
    items_modprobe
}

# ---- QAT PCI devices and their drivers (issue 16, section 3) --------------------------------
# Item qat_pci: which driver owns each QAT card. Lines tagged by what they say (docs/agent-protocol.md):
#   dev BSF DEVICE pf|vf NODE DRIVER   every QAT PCI function, DRIVER the /sys/bus/pci/drivers entry or -
#   drv DRIVER MODULE                  the module behind each of those drivers (/sys/module/M/drivers/pci:D)
#   mod MODULE TAINT VERSION SRCVERSION each QAT module loaded, and each module of a driver above; TAINT -
#                                      when untainted, ? when unreadable (O: out of tree)
#   dep MODULE PATH                    where the running kernel's modules.dep puts each QAT module file
# In-kernel and out-of-tree drivers share their module names (intel_qat, qat_c62x...), so only the
# taint, the version and the file's place tell them apart. No process per device: read and globs, one
# grep over modules.dep.

# The QAT device ids, PF then VF, of every generation: Intel's QAT 1.7 driver (qat_common/adf_accel_devices.h:
# dh895xcc, c62x, c3xxx, 200xx, d15xx, c4xxx) and the in-kernel driver (drivers/crypto/intel/qat/qat_common/
# adf_accel_devices.h: 4xxx, 401xx, 402xx, 420xx).
qat_pci_id() {                 # DEVICE
    case $1 in
        0x0435|0x0443|0x37c8|0x37c9|0x19e2|0x19e3|0x18ee|0x18ef|0x6f54|0x6f55|0x18a0|0x18a1) return 0 ;;
        0x4940|0x4941|0x4942|0x4943|0x4944|0x4945|0x4946|0x4947) return 0 ;;
    esac
    return 1
}

qat_pci() {
    q_drvs=' ' q_n=0
    for q_d in "$R"/sys/bus/pci/devices/*; do
        q_b=${q_d##*/}
        case $q_b in *[!0-9a-f:.]*) continue ;; esac
        q_ven='' q_id=''
        { read -r q_ven < "$q_d/vendor" && read -r q_id < "$q_d/device"; } 2>/dev/null || continue
        [ "$q_ven" = 0x8086 ] || continue
        qat_pci_id "$q_id" || continue
        q_n=$((q_n + 1))
        [ "$q_n" -le 4096 ] || break
        if [ -e "$q_d/physfn" ] || [ -L "$q_d/physfn" ]; then q_fn=vf; else q_fn=pf; fi
        q_node=
        { read -r q_node < "$q_d/numa_node"; } 2>/dev/null
        case $q_node in ''|*[!0-9-]*) q_node=- ;; esac
        q_drv=-
        for q_l in "$R"/sys/bus/pci/drivers/*/"$q_b"; do
            if [ -e "$q_l" ] || [ -L "$q_l" ]; then
                q_drv=${q_l%/*}
                q_drv=${q_drv##*/}
                break
            fi
        done
        # what the reader takes: 64 characters of A-Za-z0-9_.- (anything else is not a frame's to carry)
        case $q_drv in *[!A-Za-z0-9_.-]*) q_drv='?' ;; esac
        [ ${#q_drv} -le 64 ] || q_drv='?'
        printf 'dev %s %s %s %s %s\n' "$q_b" "$q_id" "$q_fn" "$q_node" "$q_drv"
        case $q_drvs in *" $q_drv "*) ;; *) q_drvs="$q_drvs$q_drv " ;; esac
    done
    q_mods=' '
    for q_drv in $q_drvs; do
        case $q_drv in -|'?') continue ;; esac
        for q_m in "$R"/sys/module/*/drivers/pci:"$q_drv"; do
            [ -e "$q_m" ] || [ -L "$q_m" ] || continue
            q_m=${q_m%/drivers/*}
            q_m=${q_m##*/}
            case $q_m in *[!A-Za-z0-9_-]*) continue ;; esac
            [ ${#q_m} -le 64 ] || continue
            printf 'drv %s %s\n' "$q_drv" "$q_m"
            case $q_mods in *" $q_m "*) ;; *) q_mods="$q_mods$q_m " ;; esac
        done
    done
    for q_m in "$R"/sys/module/intel_qat "$R"/sys/module/qat_* "$R"/sys/module/usdm_drv; do
        [ -d "$q_m" ] || continue
        q_m=${q_m##*/}
        case $q_m in *[!a-z0-9_]*) continue ;; esac
        [ ${#q_m} -le 64 ] || continue
        case $q_mods in *" $q_m "*) ;; *) q_mods="$q_mods$q_m " ;; esac
    done
    q_n=0
    for q_m in $q_mods; do
        q_n=$((q_n + 1))
        [ "$q_n" -le 64 ] || break
        q_t='?' q_v='' q_s=''
        if { read -r q_t < "$R/sys/module/$q_m/taint"; } 2>/dev/null; then q_t=${q_t:--}; else q_t='?'; fi
        { read -r q_v < "$R/sys/module/$q_m/version"; } 2>/dev/null
        { read -r q_s < "$R/sys/module/$q_m/srcversion"; } 2>/dev/null
        case $q_t in *[!A-Z?-]*) q_t='?' ;; esac
        case $q_v in ''|*[!A-Za-z0-9._+~-]*) q_v=- ;; esac
        case $q_s in ''|*[!A-Za-z0-9]*) q_s=- ;; esac
        [ ${#q_t} -le 26 ] || q_t='?'
        [ ${#q_v} -le 64 ] || q_v=-
        [ ${#q_s} -le 64 ] || q_s=-
        printf 'mod %s %s %s %s\n' "$q_m" "$q_t" "$q_v" "$q_s"
    done
    q_rel=
    { read -r q_rel < "$R/proc/sys/kernel/osrelease"; } 2>/dev/null
    case $q_rel in ''|*/*|.|..) return 0 ;; esac
    [ -f "$R/lib/modules/$q_rel/modules.dep" ] || return 0
    grep -E '^([^:]*/)?(intel_qat|qat_[a-z0-9_]+|usdm_drv)\.ko(\.[a-z]+)?:' "$R/lib/modules/$q_rel/modules.dep" 2>/dev/null \
        | head -n 256 | while IFS= read -r q_l; do
            q_p=${q_l%%:*}
            case $q_p in *[!A-Za-z0-9/._+-]*) continue ;; esac
            [ ${#q_p} -le 512 ] || continue
            q_m=${q_p##*/}
            q_m=${q_m%%.ko*}
            [ ${#q_m} -le 64 ] || continue
            printf 'dep %s %s\n' "$q_m" "$q_p"
        done
    return 0
}

items_qat_pci() {
    if [ -d "$R/sys/bus/pci/devices" ]; then item_note qat_pci ok 0 "$(qat_pci)"; else item_absent qat_pci; fi
}

# ---- every zfs_qat_* parameter (issue 16, section 4) -----------------------------------------

# Item zfs_qat_params: every /sys/module/zfs/parameters/zfs_qat_* the running zfs.ko has, known to
# qatwb or not (a fork's own: TheTDD/zfs has zfs_qat_disable_compression, ..._init_failure_threshold).
# One line each, in the glob's (C locale) order: "value NAME TEXT" (TEXT the file's first line, its
# first 256 bytes), "cut NAME TEXT" (a first line longer than that: its first 256 bytes), "denied
# NAME" (not readable by us); then "more N" when N entries were not listed (more than 64, a name of
# other than a-z, 0-9 and _ or longer than 64, not a regular file). No process: the shell's read.
# Absent without /sys/module/zfs/parameters. The param: items above stay for older clients.
ZQ_MAX=64
ZQ_CUT='????????????????????????????????????????????????????????????????'   # 64 bytes; 4 of them: 256
zfs_qat_params() {
    z_n=0 z_more=0
    for z_f in "$R"/sys/module/zfs/parameters/zfs_qat_*; do
        [ -e "$z_f" ] || [ -L "$z_f" ] || continue            # the pattern itself, when nothing matched
        z_p=${z_f##*/}
        case $z_p in *[!a-z0-9_]*) z_more=$((z_more + 1)); continue ;; esac
        if [ ${#z_p} -gt 64 ] || [ "$z_n" -ge "$ZQ_MAX" ] || [ ! -f "$z_f" ]; then
            z_more=$((z_more + 1))
            continue
        fi
        z_n=$((z_n + 1))
        if [ ! -r "$z_f" ]; then printf 'denied %s\n' "$z_p"; continue; fi
        z_v=
        # the first line; read also fails (yet keeps what it read) on a last line without a newline
        { IFS= read -r z_v <"$z_f" || :; } 2>/dev/null
        if [ ${#z_v} -gt 256 ]; then
            # shellcheck disable=SC2295 # the cut is a pattern of ? on purpose
            z_rest=${z_v#$ZQ_CUT$ZQ_CUT$ZQ_CUT$ZQ_CUT}
            printf 'cut %s %s\n' "$z_p" "${z_v%"$z_rest"}"
        else
            printf 'value %s %s\n' "$z_p" "$z_v"
        fi
    done
    if [ "$z_more" -gt 0 ]; then printf 'more %s\n' "$z_more"; fi
}

items_zfs_qat_params() {
    if [ -d "$R/sys/module/zfs/parameters" ]; then
        item_note zfs_qat_params ok 0 "$(zfs_qat_params)"
    else
        item_absent zfs_qat_params
    fi
}

# ---- installed kernels and what is built for each (issue 16, section 2) -----------------------

# The way QAT users lose QAT is an update that rebuilds zfs.ko without QAT for a new kernel, or leaves
# Intel's driver unbuilt for it (its installer copies qat_api.ko to /lib/modules/$(uname -r) only:
# Makefile.in, qat-service-install). Everything here is a read of files and globs, plus per kernel
# one grep of its modules.dep, one read of zfs.ko's .modinfo and one find: no initramfs is unpacked
# (docs/agent-protocol.md, item kernels, says why).

# A kernel release as a word: what depmod and GRUB name (6.1.0-28-amd64, 6.6.32-production+truenas).
krel_ok() {
    case $1 in '' | . | .. | *[!A-Za-z0-9._+~-]*) return 1 ;; esac
    [ ${#1} -le 128 ]
}

# zfs.ko's and the QAT modules' lines of one kernel's modules.dep: where each is installed (updates/
# is out-of-tree, kernel/ the kernel's own) and what zfs.ko needs. 64 lines at most.
kernel_deps() {                # MODULES_DEP
    grep -E '(^|/)(zfs|spl|intel_qat|qat_api|usdm_drv|qat_[a-z0-9]+)\.ko(\.[a-z]+)?:' "$1" | head -n 64
}

# depends=, vermagic= and srcversion= of a module file's .modinfo: what it was linked against when
# it was built (modpost writes depends= from the symbols it resolved), whatever depmod says since.
# A plain .ko is read as its NUL-separated strings; a compressed one through modinfo (kmod).
ko_info() {                    # FILE
    case $1 in
        *.ko) tr '\000' '\n' < "$1" 2>/dev/null | grep -E '^(depends|vermagic|srcversion)=' | head -n 3 | cut -c 1-200 ;;
        *) if command -v modinfo >/dev/null 2>&1; then
               modinfo "$1" 2>/dev/null | grep -E '^(depends|vermagic|srcversion):' | head -n 3 \
                   | sed 's/:[[:space:]]*/=/' | cut -c 1-200
           fi ;;
    esac
}

# One kernel: its modules.dep lines, zfs.ko's .modinfo, the image and initramfs, and which of
# modules.dep and zfs.ko changed after the initramfs was made.
kernel_facts() {               # RELEASE
    k_dir=$R/lib/modules/$1
    printf 'kernel %s\n' "$1"
    if [ -e "$R/boot/vmlinuz-$1" ]; then printf 'vmlinuz %s /boot/vmlinuz-%s\n' "$1" "$1"; fi
    k_zfs=
    if [ -f "$k_dir/modules.dep" ]; then
        k_deps=$(kernel_deps "$k_dir/modules.dep")
        set -f               # the lines are split at newlines only, never globbed
        IFS=$NL
        for k_l in $k_deps; do
            case $k_l in *[!A-Za-z0-9/._+:\ -]*) continue ;; esac
            printf 'dep %s %s\n' "$1" "$k_l"
            case ${k_l%%:*} in zfs.ko* | */zfs.ko*) k_zfs=${k_l%%:*} ;; esac
        done
        IFS=' 	
'
        set +f
    fi
    if [ -n "$k_zfs" ] && [ -f "$k_dir/$k_zfs" ]; then
        ko_info "$k_dir/$k_zfs" | while IFS= read -r k_l; do
            case $k_l in *[!A-Za-z0-9=,._+:\ -]*) continue ;; esac
            printf 'modinfo %s %s\n' "$1" "$k_l"
        done
    fi
    for k_i in "$R/boot/initrd.img-$1" "$R/boot/initramfs-$1.img"; do
        [ -f "$k_i" ] || continue
        printf 'initrd %s %s\n' "$1" "${k_i#"$R"}"
        [ -f "$k_dir/modules.dep" ] || break
        k_zko=
        if [ -n "$k_zfs" ] && [ -f "$k_dir/$k_zfs" ]; then k_zko=$k_dir/$k_zfs; fi
        # find -newer is POSIX (test -nt is not): the files written after the initramfs
        k_new=$(find "$k_dir/modules.dep" ${k_zko:+"$k_zko"} -newer "$k_i" 2>/dev/null)
        set -f
        for k_f in $k_new; do
            printf 'newer %s %s\n' "$1" "${k_f#"$k_dir"/}"
        done
        set +f
        break
    done
}

# DKMS's tree, read as dkms status reads it (no process): /var/lib/dkms/MODULE/VERSION/source makes
# it added, VERSION/KERNEL/ARCH/module/ built, and the link MODULE/kernel-KERNEL-ARCH installed.
dkms_tree() {
    d_n=0
    for d_v in "$R"/var/lib/dkms/*/*/; do
        [ -d "$d_v" ] || continue
        d_v=${d_v%/}
        d_ver=${d_v##*/}
        d_m=${d_v%/*}
        d_m=${d_m##*/}
        case $d_ver in kernel-* | original_module) continue ;; esac
        if ! krel_ok "$d_m" || ! krel_ok "$d_ver"; then continue; fi
        d_n=$((d_n + 1))
        [ "$d_n" -le 32 ] || break
        printf 'dkms %s %s - - added\n' "$d_m" "$d_ver"
        for d_a in "$d_v"/*/*/module; do
            [ -d "$d_a" ] || continue
            d_a=${d_a%/module}
            d_arch=${d_a##*/}
            d_k=${d_a%/*}
            d_k=${d_k##*/}
            if ! krel_ok "$d_k" || ! krel_ok "$d_arch"; then continue; fi
            d_st=built
            if [ -L "$R/var/lib/dkms/$d_m/kernel-$d_k-$d_arch" ]; then d_st=installed; fi
            printf 'dkms %s %s %s %s %s\n' "$d_m" "$d_ver" "$d_k" "$d_arch" "$d_st"
        done
    done
}

kernels() {
    k_run=
    { read -r k_run < "$R/proc/sys/kernel/osrelease"; } 2>/dev/null
    if krel_ok "$k_run"; then printf 'running %s\n' "$k_run"; fi
    k_src=
    { read -r k_src < "$R/sys/module/zfs/srcversion"; } 2>/dev/null
    case $k_src in '' | *[!A-Za-z0-9]*) ;; *) printf 'loaded srcversion=%s\n' "$k_src" ;; esac
    k_seen=' '
    k_n=0
    for k_d in "$R"/lib/modules/*/modules.dep "$R"/boot/vmlinuz-*; do
        [ -e "$k_d" ] || continue
        case $k_d in */modules.dep) k_r=${k_d%/modules.dep}; k_r=${k_r##*/} ;; *) k_r=${k_d##*/vmlinuz-} ;; esac
        krel_ok "$k_r" || continue
        case $k_seen in *" $k_r "*) continue ;; esac
        k_seen="$k_seen$k_r "
        k_n=$((k_n + 1))
        [ "$k_n" -le 16 ] || break
        kernel_facts "$k_r"
    done
    # Debian's /boot/vmlinuz link (linux-base) names the newest kernel: a last hint of the next boot
    if [ -L "$R/boot/vmlinuz" ] && command -v readlink >/dev/null 2>&1; then
        k_l=$(readlink "$R/boot/vmlinuz")
        k_l=${k_l##*vmlinuz-}
        if krel_ok "$k_l"; then printf 'link %s\n' "$k_l"; fi
    fi
    # whether the initramfs holds zfs.ko: OpenZFS's hooks add it with its dependencies
    # (contrib/initramfs/hooks/zfs.in: manual_add_modules zfs; contrib/dracut/90zfs: instmods -c zfs)
    for k_h in /usr/share/initramfs-tools/hooks/zfs /etc/initramfs-tools/hooks/zfs; do
        if [ -f "$R$k_h" ]; then printf 'hook initramfs-tools %s\n' "$k_h"; break; fi
    done
    if [ -d "$R/usr/lib/dracut/modules.d/90zfs" ]; then printf 'hook dracut /usr/lib/dracut/modules.d/90zfs\n'; fi
    dkms_tree
}

# GRUB's lines that decide the default entry: the menu's structure (menuentry, submenu, function
# and the closing braces), the linux lines, and every "set default=". grep's "no line" is an answer.
grub_lines() {                 # GRUB_CFG
    grep -E '^[[:space:]]*(menuentry[[:space:]]|submenu[[:space:]]|function[[:space:]]|linux(efi|16)?[[:space:]]|set[[:space:]]+default=|\}[[:space:]]*$)' "$1" \
        | head -n 4000 | cut -c 1-1000
}

items_kernels() {
    if [ -d "$R/lib/modules" ] || [ -r "$R/proc/sys/kernel/osrelease" ]; then
        item_note kernels ok 0 "$(kernels)"
    else
        item_absent kernels
    fi
    for g_d in "$R/boot/grub" "$R/boot/grub2"; do
        [ -f "$g_d/grub.cfg" ] || [ -f "$g_d/grubenv" ] || continue
        item_file grub_env "$g_d/grubenv"
        if [ ! -e "$g_d/grub.cfg" ]; then
            item_absent grub_cfg
        elif [ ! -r "$g_d/grub.cfg" ]; then
            item_note grub_cfg denied 0 "permission denied: ${g_d#"$R"}/grub.cfg"
        else
            item_run grub_cfg grub_lines "$g_d/grub.cfg"
        fi
        break
    done
    for g_l in /boot/efi/loader/loader.conf /efi/loader/loader.conf /boot/loader/loader.conf; do
        if [ -f "$R$g_l" ]; then item_file loader_conf "$R$g_l"; break; fi
    done
}

# ---- QAT interrupts ------------------------------------------------------------------------
# Where QAT's completions run (issue 12, section 4): the header and the QAT lines of
# /proc/interrupts, and each QAT IRQ's affinity. The driver names its vectors qat<accel_id>-bundle<bank>
# and qat<accel_id>-ae-cluster (qat_common/adf_isr.c, adf_request_irqs) and a VF's
# qat_<bus hex>:<slot>.<function>, both decimal (qat_common/adf_vf_isr.c, adf_request_msi_irq).

qat_interrupts() {
    awk 'NR == 1 || $NF ~ /^qat([0-9]+-(bundle[0-9]+|ae-cluster)|_[0-9a-f][0-9a-f]:[0-9][0-9][.][0-9][0-9])$/' \
        "$R/proc/interrupts"
}

# "N ALLOWED EFFECTIVE" per QAT IRQ of the lines given ("-" for a file that is missing or
# unreadable: effective_affinity_list is Linux 4.13's); read with the shell's own read, no process.
irq_affinity() {               # LINES of /proc/interrupts
    printf '%s\n' "$1" | while read -r a_n _; do
        a_n=${a_n%:}
        case $a_n in ''|*[!0-9]*) continue ;; esac
        a_d=$R/proc/irq/$a_n
        a_s=- a_e=-
        if [ -r "$a_d/smp_affinity_list" ]; then read -r a_s <"$a_d/smp_affinity_list" || a_s=-; fi
        if [ -r "$a_d/effective_affinity_list" ]; then read -r a_e <"$a_d/effective_affinity_list" || a_e=-; fi
        case $a_s in ''|*[!0-9,-]*) a_s=- ;; esac
        case $a_e in ''|*[!0-9,-]*) a_e=- ;; esac
        printf '%s %s %s\n' "$a_n" "$a_s" "$a_e"
    done
}

items_irq() {                  # interrupts and irq_affinity: one awk in all
    if [ ! -r "$R/proc/interrupts" ]; then
        item_absent interrupts
        item_absent irq_affinity
        return
    fi
    q_lines=$(qat_interrupts 2>&1)
    q_rc=$?
    if [ "$q_rc" -eq 0 ]; then q_st=ok; else q_st=error; fi
    item_note interrupts "$q_st" "$q_rc" "$q_lines"
    item_note irq_affinity ok 0 "$(irq_affinity "$q_lines")"
}

# irqbalance moves every IRQ it was not told to leave alone: its state word, as qat_service's.
irqbalance_state() {
    b_out=$(systemctl is-active irqbalance 2>&1)
    printf '%s\n' "$b_out"
    case $b_out in
        active|reloading|inactive|failed|activating|deactivating|maintenance|refreshing|unknown) return 0 ;;
    esac
    return 1
}

items_irq_all() {              # the interrupts and the pins kept after a reboot (qatwb-agent-tx.sh)
    items_irq
    items_irq_unit
    if command -v systemctl >/dev/null 2>&1; then item_run irqbalance irqbalance_state; else item_absent irqbalance; fi
}

# ---- commands ------------------------------------------------------------------------------

# Every /etc/*_dev*.conf. A host has up to 51 of them, and a process start is most of a
# snapshot's cost, so they are read as a set: item conf_sizes holds what ONE wc says ("SIZE PATH"
# per file, then a total line), item conf_files the bytes of ONE cat of the same files in the
# same order; model splits them by those sizes (and refuses the set if a file changed between the
# two reads). Unreadable or odd files, and a set over the cap, take item_file's careful path.
items_conf() {
    set --
    for c_f in "$R"/etc/*_dev*.conf; do
        [ -e "$c_f" ] || continue            # the pattern itself, when nothing matched
        c_b=${c_f##*/}
        case $c_b in *[!A-Za-z0-9._-]*) continue ;; esac   # a frame name has no blanks
        if [ -f "$c_f" ] && [ -r "$c_f" ]; then
            set -- "$@" "$c_f"
        else
            item_file "conf:/etc/$c_b" "$c_f"
        fi
    done
    [ $# -gt 0 ] || return 0
    c_sizes=$(wc -c -- "$@" 2>/dev/null)
    c_total=$(last_number "$c_sizes")
    if [ "${c_total:-0}" -le "$CAP" ] 2>/dev/null; then
        frame begin conf_sizes
        printf '%s\n' "$c_sizes" || exit 1
        end_item conf_sizes ok 0
        frame begin conf_files
        cat -- "$@" 2>/dev/null
        c_rc=$?
        if [ "$c_rc" -eq 0 ]; then end_item conf_files ok 0; else end_item conf_files error "$c_rc"; fi
    else
        for c_f in "$@"; do item_file "conf:/etc/${c_f##*/}" "$c_f"; done
    fi
}

last_number() {                # TEXT: the first word of its last line (wc's total, or its only size)
    l_last=${1##*"$NL"}
    # shellcheck disable=SC2086 # splitting a list of words is the point here
    set -- $l_last
    printf '%s' "${1:-0}"
}

snapshot() {
    item_run id ids
    item_priv adf_status adf_ctl status
    items_conf
    item_file default_qat "$R/etc/default/qat"
    item_file blacklist "$R/etc/modprobe.d/blacklist-qat-vfs.conf"
    for s_p in compress checksum encrypt; do
        item_file "param:zfs_qat_${s_p}_disable" "$R/sys/module/zfs/parameters/zfs_qat_${s_p}_disable"
    done
    items_zfs_qat_params
    # /sys/module/zfs exists while zfs.ko is loaded: without it, missing parameters mean "ZFS is not
    # loaded" rather than "built without QAT"
    if [ -d "$R/sys/module/zfs" ]; then item_note zfs_module ok 0 loaded; else item_absent zfs_module; fi
    # the QAT driver's MODULE_VERSION (e.g. 4.24.0): its release decides how adf_ctl reads the conf files
    item_file qat_version "$R/sys/module/intel_qat/version"
    item_file kstat_qat "$R/proc/spl/kstat/zfs/qat"
    item_file cpu_online "$R/sys/devices/system/cpu/online"
    item_file node_online "$R/sys/devices/system/node/online"
    set -- "$R"/sys/devices/system/node/node*/cpulist
    if [ -e "$1" ]; then item_run cpu_nodes cpu_nodes; else item_absent cpu_nodes; fi
    item_tool zfs_get zfs get -H -p -o name,property,value,source \
        compression,checksum,encryption,recordsize,volblocksize,dedup -t filesystem,volume
    item_tool zpool_get zpool get -H -p -o name,property,value all
    if ! command -v dmesg >/dev/null 2>&1; then
        item_absent kernel_log
    elif ! sudo_ok; then
        item_note kernel_log denied 0 "$SUDO_MSG"
    elif [ "$SUDO" = 0 ] && [ "$(id -u)" != 0 ] \
        && [ "$(cat "$R/proc/sys/kernel/dmesg_restrict" 2>/dev/null)" = 1 ]; then
        # Debian's default, so TrueNAS's: dmesg would only say "Operation not permitted"
        item_note kernel_log denied 0 "kernel.dmesg_restrict is 1: the kernel log is root's (connect as root, or use sudo)"
    else
        item_run kernel_log kernel_log
    fi
    items_journal
    items_modules
    items_qat_pci
    list_fw yes
    items_fw
    items_devcfg
    item_qat_refcnt
    if command -v systemctl >/dev/null 2>&1 || [ -x "$R/etc/init.d/qat_service" ]; then
        item_run qat_service qat_state
    else
        item_absent qat_service
    fi
    if [ -e "$R/etc/os-release" ]; then
        item_file os_release "$R/etc/os-release"
    else
        item_file os_release "$R/usr/lib/os-release"    # where os-release(5) says to look next
    fi
    item_file truenas_version "$R/etc/version"
    items_persist
    items_zia
    items_irq_all
    items_boot
    items_kernels
}

# ---- keep after reboot ---------------------------------------------------------------------
# zfs.ko, loaded before qat.service, forces the zfs_qat_*_disable parameters to 1 (DOMAIN.md
# section 6); what writes 0 at every boot is a systemd unit ordered after qat.service, or on
# TrueNAS (it has /etc/version) an init script its middleware runs at POSTINIT. Their texts are
# built here from the validated KEEP word only, byte for byte as model's ZfsQatUnit and
# InitScript build them: the diff the administrator approved is what is written.

UNIT_NAME=qatwb-zfs-qat.service
UNIT_DIR=/etc/systemd/system
UNIT_WANTS=/etc/systemd/system/multi-user.target.wants/qatwb-zfs-qat.service
INIT_COMMENT='qatwb: ZFS QAT offload parameters'
INIT_FILTER='[["comment", "=", "qatwb: ZFS QAT offload parameters"]]'

# The unit file, its state, and on TrueNAS our init scripts: at most two processes (head, midclt).
items_persist() {
    item_file persist_unit "$R$UNIT_DIR/$UNIT_NAME"
    if [ ! -e "$R$UNIT_DIR/$UNIT_NAME" ]; then
        item_absent persist_unit_state
    elif [ -L "$R$UNIT_WANTS" ] || [ -e "$R$UNIT_WANTS" ]; then
        item_note persist_unit_state ok 0 enabled       # the link 'systemctl enable' makes
    else
        item_note persist_unit_state ok 0 disabled
    fi
    if [ -e "$R/etc/version" ]; then
        item_priv persist_init midclt call initshutdownscript.query "$INIT_FILTER"
    else
        item_absent persist_init
    fi
}

unit_text() {                  # KEEP
    printf '%s\n' \
        '# Written by QAT Workbench (qatwb): qatwb params --keep-after-reboot changes or removes it.' \
        '# zfs.ko loads before qat.service, finds no QAT and sets zfs_qat_*_disable to 1;' \
        '# this writes 0 again once qat.service has started.' \
        '[Unit]' \
        'Description=qatwb: ZFS QAT offload parameters' \
        'After=qat.service' \
        'Wants=qat.service' \
        '' \
        '[Service]' \
        'Type=oneshot' \
        'RemainAfterExit=yes'
    for u_p in compress checksum encrypt; do
        case ,$1, in
            *,"$u_p",*) printf "ExecStart=/bin/sh -c 'echo 0 > /sys/module/zfs/parameters/zfs_qat_%s_disable'\n" "$u_p" ;;
        esac
    done
    printf '%s\n' '' '[Install]' 'WantedBy=multi-user.target'
}

# The argument of initshutdownscript.create and .update (JSON as Python's json.dumps writes it).
init_json() {                  # KEEP
    i_cmd=
    for i_p in compress checksum encrypt; do
        case ,$1, in
            *,"$i_p",*) i_cmd="${i_cmd:+$i_cmd; }echo 0 > /sys/module/zfs/parameters/zfs_qat_${i_p}_disable" ;;
        esac
    done
    printf '{"type": "COMMAND", "command": "%s", "when": "POSTINIT", "enabled": true, "timeout": 10, "comment": "%s"}' \
        "$i_cmd" "$INIT_COMMENT"
}

# TEXT_FUNCTION's output into a temporary file beside FILE, then renamed over it: a reader (or a
# boot, or an import) sees the old text or the new, never half of one. mktemp's name starts with a
# dot: systemd and ZED ignore it.
write_atomic() {               # FILE MODE TEXT_FUNCTION [ARG...]
    wa_file=$1 wa_mode=$2
    shift 2
    wa_tmp=$(as_root mktemp "${wa_file%/*}/.${wa_file##*/}.XXXXXX") || return 1
    if "$@" | as_root tee "$wa_tmp" >/dev/null && as_root chmod "$wa_mode" "$wa_tmp" \
        && as_root mv -f "$wa_tmp" "$wa_file"; then
        return 0
    fi
    as_root rm -f "$wa_tmp"
    return 1
}

write_unit() {                 # KEEP
    write_atomic "$R$UNIT_DIR/$UNIT_NAME" 644 unit_text "$1"
}

persist_unit() {               # KEEP
    if [ "$1" = none ]; then
        # nothing of ours, nothing to do
        [ -e "$R$UNIT_DIR/$UNIT_NAME" ] || [ -L "$R$UNIT_WANTS" ] || return 0
        p_first=unit_disable
    else
        p_first=unit_write
    fi
    if ! command -v systemctl >/dev/null 2>&1; then
        item_note "$p_first" absent 0 "systemctl not found: this NAS does not run systemd"
    elif ! sudo_ok; then
        item_note "$p_first" denied 0 "$SUDO_MSG"
    elif [ "$1" = none ]; then
        step unit_disable as_root systemctl disable "$UNIT_NAME" \
            && step unit_remove as_root rm -f "$R$UNIT_DIR/$UNIT_NAME" \
            && step daemon_reload as_root systemctl daemon-reload
    else
        step unit_write write_unit "$1" \
            && step daemon_reload as_root systemctl daemon-reload \
            && step unit_enable as_root systemctl enable "$UNIT_NAME"
    fi
}

# The numbers after each "id": key of midclt's JSON, one per line. Inside a JSON string a quote is
# always escaped, so '"id":' can only be a key.
json_ids() {                   # JSON
    j_rest=$1
    while :; do
        case $j_rest in
            *'"id":'*) j_rest=${j_rest#*'"id":'} ;;
            *) break ;;
        esac
        j_rest=${j_rest#"${j_rest%%[! ]*}"}
        j_id=${j_rest%%[!0-9]*}
        if [ -n "$j_id" ]; then printf '%s\n' "$j_id"; fi
    done
}

# Our init script: created, or the first one with our comment updated and any others deleted;
# KEEP none deletes them all.
persist_init() {               # KEEP
    i_keep=$1
    if ! command -v midclt >/dev/null 2>&1; then
        item_note init_query absent 0 "midclt not found: TrueNAS's init scripts cannot be changed"
        return
    elif ! sudo_ok; then
        item_note init_query denied 0 "$SUDO_MSG"
        return
    fi
    step init_query as_root midclt call initshutdownscript.query "$INIT_FILTER" || return
    i_ids=$(json_ids "$ST_OUT")
    i_first=
    if [ "$i_keep" != none ]; then
        i_json=$(init_json "$i_keep")
        i_first=${i_ids%%"$NL"*}
        if [ -z "$i_first" ]; then
            step init_create as_root midclt call initshutdownscript.create "$i_json"
            return
        fi
        step init_update as_root midclt call initshutdownscript.update "$i_first" "$i_json" || return
    fi
    for i_id in $i_ids; do
        if [ "$i_id" != "$i_first" ]; then
            step "init_delete:$i_id" as_root midclt call initshutdownscript.delete "$i_id" || return
        fi
    done
}

persist_params() {             # KEEP
    if [ -e "$R/etc/version" ]; then
        item_note persist_target ok 0 truenas
        persist_init "$1"
    else
        item_note persist_target ok 0 systemd
        persist_unit "$1"
    fi
    items_persist
}

stream() {                     # INTERVAL_MS
    t_sleep=$(($1 / 1000)).$(printf '%03d' $(($1 % 1000)))   # coreutils and busybox sleep take fractions
    # The client ends the stream by closing stdin. The shell has read this whole script by now
    # (the call is on its last line), so only the client's end of file is left on stdin: a
    # background cat waits for it. Background jobs get /dev/null as stdin unless redirected,
    # hence the copy in fd 9. Once cat has ended, the shell reaps it while waiting for the next
    # sleep, and 'kill -0' fails: the stream stops after at most one more tick. The reader holds
    # no copy of stdout (fd 4): an SSH server closes the channel only when every holder has.
    # A client that stops reading ends the stream sooner: the next write fails (see frame).
    cat <&9 9<&- 4>&- >/dev/null 2>&1 &
    t_reader=$!
    exec 9<&-
    # Whatever ends the stream ends the reader too, and reaps it: an orphan would wait on the
    # client's stdin, and a killed one left to init may stay a zombie where init does not reap.
    trap 'kill "$t_reader" 2>/dev/null; wait "$t_reader" 2>/dev/null' EXIT
    list_fw ""
    t_n=0
    while :; do
        t_n=$((t_n + 1))
        item_file uptime /proc/uptime            # the clock of the samples: the real one, always
        item_file kstat_qat "$R/proc/spl/kstat/zfs/qat"
        items_fw
        if [ -r "$R/proc/interrupts" ]; then item_run interrupts qat_interrupts; fi
        frame tick "$t_n"
        sleep "$t_sleep"
        kill -0 "$t_reader" 2>/dev/null || break
    done
}

set_param() {                  # NAME VALUE
    s_item=param:zfs_qat_$1_disable
    s_path=$R/sys/module/zfs/parameters/zfs_qat_$1_disable
    if [ ! -e "$s_path" ]; then
        item_absent set_param                    # never create it: no such file means no QAT in ZFS
    elif ! sudo_ok; then
        item_note set_param denied 0 "$SUDO_MSG"
    else
        s_out=$(printf '%s\n' "$2" | as_root tee "$s_path" 2>&1 >/dev/null)
        s_rc=$?
        case $s_rc:$s_out in
            # the kernel's answer when ZFS cannot initialise QAT (DOMAIN.md section 6)
            [!0]*"Operation not permitted"*) s_st=eperm ;;
            *)
                step_status "$s_rc" "$s_out"
                s_st=$ST
                case $ST:$s_out in error:*"No such file"*) s_st=absent ;; esac ;;
        esac
        item_note set_param "$s_st" "$s_rc" "$s_out"
    fi
    item_file "$s_item" "$s_path"
}

# ---- Z.I.A. pool properties ---------------------------------------------------------------
# zpool set, then the pool's properties read back as a snapshot reads them (a zia_*_rec turned on
# may have turned zia_checksum on with it). The words were validated in main: see ZiaChange.

zpool_set() {                  # POOL PROPERTY VALUE
    if ! command -v zpool >/dev/null 2>&1; then
        item_absent zpool_set
    elif ! sudo_ok; then
        item_note zpool_set denied 0 "$SUDO_MSG"
    else
        step zpool_set as_root zpool set "$2=$3" "$1" || :
    fi
    item_tool zpool_get zpool get -H -p -o name,property,value all "$1"
}

main() {
    [ $# -ge 3 ] || usage "usage: sh -s -- COMMAND BOUNDARY SUDO [ARGS...]"
    C=$1 B=$2 SUDO=$3
    shift 3
    # boot-check runs from a unit at boot with '-' for a boundary: no frames, lines for the journal
    if [ "$C:$B" != boot-check:- ]; then
        case $B in *[!0-9a-f]*) usage "the boundary must be 32 lowercase hex characters" ;; esac
        [ ${#B} -eq 32 ] || usage "the boundary must be 32 lowercase hex characters"
    fi
    case $SUDO in 0|1) ;; *) usage "SUDO must be 0 or 1" ;; esac
    case $C in
        snapshot|probe)
            [ $# -eq 0 ] || usage "$C takes no arguments" ;;
        stream)
            [ $# -eq 1 ] || usage "usage: stream INTERVAL_MS"
            case $1 in
                ''|0*|*[!0-9]*|????????*) usage "the interval must be 100..3600000 ms" ;;
            esac
            # shellcheck disable=SC2015 # usage exits, so C never runs after B
            [ "$1" -ge 100 ] && [ "$1" -le 3600000 ] || usage "the interval must be 100..3600000 ms" ;;
        set-param)
            [ $# -eq 2 ] || usage "usage: set-param compress|checksum|encrypt 0|1"
            case $1 in compress|checksum|encrypt) ;; *) usage "unknown parameter (compress, checksum, encrypt)" ;; esac
            case $2 in 0|1) ;; *) usage "the value must be 0 or 1" ;; esac ;;
        persist-params)
            [ $# -eq 1 ] || usage "usage: persist-params none|compress[,checksum][,encrypt]"
            case $1 in
                none|compress|checksum|encrypt|compress,checksum|compress,encrypt|checksum,encrypt) ;;
                compress,checksum,encrypt) ;;
                *) usage "keep: none, or compress, checksum, encrypt joined by commas, in that order" ;;
            esac ;;
        zpool-set)
            [ $# -eq 3 ] || usage "usage: zpool-set POOL PROPERTY VALUE"
            case $1 in
                [A-Za-z]*) ;;
                *) usage "a pool name starts with a letter" ;;
            esac
            case $1 in *[!A-Za-z0-9_.:-]*) usage "a pool name holds only letters, digits and _.:-" ;; esac
            [ ${#1} -le 255 ] || usage "a pool name has at most 255 characters"
            case $2 in
                zia_compress|zia_decompress|zia_checksum|zia_file_write|zia_disk_write) z_kind=onoff ;;
                zia_raidz1_gen|zia_raidz2_gen|zia_raidz3_gen|zia_raidz1_rec|zia_raidz2_rec|zia_raidz3_rec) z_kind=onoff ;;
                zia_provider) z_kind=provider ;;
                *) usage "only the zia_* pool properties are set here (zia_provider, zia_compress, ...)" ;;
            esac
            case $z_kind:$3 in
                onoff:on|onoff:off|provider:off) ;;
                onoff:*) usage "the value must be on or off" ;;
                provider:[A-Za-z0-9]*)
                    case $3 in *[!A-Za-z0-9_.-]*) usage "a provider name holds only letters, digits and _.-" ;; esac
                    [ ${#3} -le 64 ] || usage "a provider name has at most 64 characters" ;;
                *) usage "a provider name starts with a letter or a digit" ;;
            esac ;;
        zia-keep)
            if [ $# -lt 1 ] || [ $# -gt 13 ]; then usage "usage: zia-keep POOL [PROPERTY=VALUE...] (at most the 12 properties)"; fi
            zia_pool_ok "$1" || usage "a pool name is a letter, then letters, digits and _.:- (at most 255)"
            z_seen=' ' z_first=1
            for z_w in "$@"; do
                if [ -n "$z_first" ]; then z_first=; continue; fi   # the pool
                case $z_w in *=*) ;; *) usage "a setting is PROPERTY=VALUE" ;; esac
                zia_setting_ok "${z_w%%=*}" "${z_w#*=}" || usage "not a Z.I.A. setting qatwb keeps: a zia_* property and on, off or a provider name"
                case $z_seen in *" ${z_w%%=*} "*) usage "a property is named twice" ;; esac
                z_seen="$z_seen${z_w%%=*} "
            done ;;
        zia-reapply)
            [ $# -le 1 ] || usage "usage: zia-reapply [POOL]"
            [ $# -eq 0 ] || zia_pool_ok "$1" || usage "a pool name is a letter, then letters, digits and _.:- (at most 255)" ;;
        apply)
            apply_args_ok "$@" ;;
        restore)
            [ $# -eq 5 ] || usage "usage: restore SOURCE_ID before|after ID stage|restart CONFIRM_SECONDS"
            # shellcheck disable=SC2015 # usage exits, so C never runs after B
            tx_id_ok "$1" && tx_id_ok "$3" || usage "a transaction id is YYYYMMDDTHHMMSSZ-xxxxxxxx"
            case $2 in before|after) ;; *) usage "restore to: before or after" ;; esac
            case $4 in stage|restart) ;; *) usage "the mode is stage or restart" ;; esac
            decimal_ok "$5" 1 86400 || usage "the confirm timeout is 1..86400 seconds" ;;
        confirm|abort|unlock|tx-run|tx-expire)
            [ $# -eq 1 ] || usage "usage: $C ID"
            tx_id_ok "$1" || usage "a transaction id is YYYYMMDDTHHMMSSZ-xxxxxxxx" ;;
        status)
            [ $# -eq 2 ] || usage "usage: status ID WAIT_SECONDS"
            tx_id_ok "$1" || usage "a transaction id is YYYYMMDDTHHMMSSZ-xxxxxxxx"
            decimal_ok "$2" 0 600 || usage "the wait is 0..600 seconds" ;;
        history|boot-check|reboot)
            [ $# -eq 0 ] || usage "$C takes no arguments" ;;
        irq-pin)
            irq_pins_ok "$@" || usage "usage: irq-pin none | qat_BB:SS.FF=CPU... (at most 256, each IRQ once)" ;;
        bench-probe)
            [ $# -eq 0 ] || usage "$C takes no arguments" ;;
        bench-run)
            bench_args_ok "$@" ;;
        bench-abort|bench-work)
            [ $# -eq 1 ] || usage "usage: $C ID"
            tx_id_ok "$1" || usage "a benchmark id is YYYYMMDDTHHMMSSZ-xxxxxxxx" ;;
        *)
            usage "unknown command (snapshot, stream, set-param, persist-params, zpool-set, zia-keep, zia-reapply, probe, apply, confirm, abort, unlock, status, history, restore, irq-pin, boot-check, reboot, bench-probe, bench-run, bench-abort)" ;;
    esac
    case $C in
        apply|restore|confirm|abort|unlock|status|history|tx-run|tx-expire|boot-check|bench-*)
            # the transaction's lists are words: a simulated root with blanks or globs cannot be one
            case $R in *[!A-Za-z0-9/._-]*) usage "QATWB_ROOT may hold only A-Za-z0-9/._-" ;; esac ;;
    esac
    case $C in
        tx-run|tx-expire) tx_internal "$C" "$1"; return 0 ;;
        bench-work) bench_work "$1"; return 0 ;;
    esac
    if [ "$B" = - ]; then
        # the boot check from its unit: never a nonzero status, never a wait on stdin
        exec </dev/null 9<&-
        boot_check_cmd
        return 0
    fi
    # fd 4: stdout, for item bytes written from inside captures. fd 9: the client's stdin, which
    # only stream and the go wait read; every tool gets /dev/null instead, so none can eat it or wait on it.
    exec 4>&1 9<&0 </dev/null
    # apply and restore read one more line there: the client's go (tx_await_go)
    case $C in stream|apply|restore|bench-run) ;; *) exec 9<&- ;; esac
    # with a trap, a write to a closed stdout fails (and we exit, running the EXIT trap) instead
    # of killing the shell outright
    trap 'exit 1' PIPE
    frame agent "$VERSION" "$C"
    case $C in
        snapshot) snapshot ;;
        stream) stream "$1" ;;
        set-param) set_param "$1" "$2" ;;
        persist-params) persist_params "$1" ;;
        zpool-set) zpool_set "$1" "$2" "$3" ;;
        zia-keep) zia_keep "$@" ;;
        zia-reapply) zia_reapply "$@" ;;
        probe) item_run id ids ;;
        apply) apply_cmd "$@" ;;
        restore) restore_cmd "$@" ;;
        confirm) confirm_cmd "$1" ;;
        abort) abort_cmd "$1" ;;
        unlock) unlock_cmd "$1" ;;
        status) status_cmd "$1" "$2" ;;
        history) history_cmd ;;
        irq-pin) irq_pin_cmd "$@" ;;
        boot-check)
            item_run boot_log boot_check_cmd
            items_boot ;;
        reboot) reboot_cmd ;;
        bench-probe) bench_probe ;;
        bench-run) bench_run "$@" ;;
        bench-abort) bench_abort "$1" ;;
    esac
    if [ "$C" != stream ]; then frame 'done'; fi
}

# Everything above only defines functions, and so does what the client puts before this line:
# qatwb-agent-tx.sh, then for apply and restore their data section (payload() and
# PAYLOAD_AGENT_SHA). This line is read whole before it runs, so once it runs the shell has nothing
# more to read from stdin (see stream).
main "$@"; exit $?
