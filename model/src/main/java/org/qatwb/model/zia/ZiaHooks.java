package org.qatwb.model.zia;

/**
 * Where qatwb's Z.I.A. re-apply hook lives on the NAS (docs/decisions/0004). The agent writes the
 * files; these names are what the snapshot, the simulator and the docs refer to.
 */
public final class ZiaHooks {

    /** The script that reads {@link ZiaKept#PATH} and sets each line again ({@code [POOL]}: one pool only). */
    public static final String SCRIPT = "/var/lib/qatwb/zia/reapply.sh";
    /**
     * The boot unit, ordered after {@code zfs-import.target} (OpenZFS etc/systemd/system: the
     * target the import services are part of).
     */
    public static final String UNIT = "qatwb-zia.service";
    /**
     * The zedlet ZED runs after every pool import: ZED runs the files of its zedlet directory whose
     * name starts with the event's subclass ({@code pool_import}, raised by spa.c {@code spa_import}
     * through {@code spa_event_notify(..., ESC_ZFS_POOL_IMPORT)}; matched in cmd/zed/zed_exec.c
     * {@code zed_exec_process}), with the pool's name in {@code ZEVENT_POOL}.
     */
    public static final String ZEDLET = "/etc/zfs/zed.d/pool_import-qatwb-zia.sh";

    private ZiaHooks() {
    }
}
