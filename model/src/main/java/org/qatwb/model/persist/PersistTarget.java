package org.qatwb.model.persist;

import java.util.Map;
import java.util.Optional;
import org.qatwb.model.agent.ItemStatus;

/**
 * Where "keep after reboot" lives on a NAS (DOMAIN.md section 6): on TrueNAS an init script kept by
 * its middleware (TrueNAS regenerates much of {@code /etc}), elsewhere a systemd unit ordered after
 * qat.service.
 *
 * <p>The agent and the model decide alike: a NAS is TrueNAS when {@code /etc/version} exists
 * (the agent's {@code [ -e /etc/version ]}; the snapshot's item {@code truenas_version} not absent).
 */
public enum PersistTarget {
    SYSTEMD_UNIT("systemd"),
    TRUENAS_INIT_SCRIPT("truenas");

    private final String wire;

    PersistTarget(String wire) {
        this.wire = wire;
    }

    /** The word the agent's {@code persist_target} item holds, and the CLI prints. */
    public String wire() {
        return wire;
    }

    public static Optional<PersistTarget> ofWire(String word) {
        for (PersistTarget t : values()) {
            if (t.wire.equals(word)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The target of a NAS, from the statuses of its snapshot's items. */
    public static PersistTarget of(Map<String, ItemStatus> itemStatus) {
        ItemStatus version = itemStatus.get("truenas_version");
        return version != null && version != ItemStatus.ABSENT ? TRUENAS_INIT_SCRIPT : SYSTEMD_UNIT;
    }
}
