package org.qatwb.app.usecase.fleet;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.zfs.ZfsParam;

/** What one quick read of a NAS found: enough for one row of the fleet page. */
public sealed interface NasGlance {

    /** The {@link FleetEntry#name()} it is about. */
    String name();

    /**
     * The NAS answered.
     *
     * @param devicesUp    devices {@code adf_ctl status} lists as up; empty without adf_ctl
     * @param devicesTotal devices it lists; empty without adf_ctl
     * @param offload      per ZFS parameter that exists, whether ZFS may offload that work (the value is 0)
     * @param counters     the QAT kstat with the NAS's uptime when it was read; empty without the kstat (or tick)
     * @param doctor       the doctor's verdict on the snapshot
     * @param seconds      how long the read took, connecting included
     */
    record Seen(String name, OptionalInt devicesUp, OptionalInt devicesTotal, Map<ZfsParam, Boolean> offload,
                Optional<CounterSample> counters, DoctorVerdict doctor, double seconds) implements NasGlance {
        public Seen {
            Objects.requireNonNull(name, "name");
            offload = Map.copyOf(offload);
            Objects.requireNonNull(counters, "counters");
            Objects.requireNonNull(doctor, "doctor");
        }
    }

    /**
     * The NAS was not read: {@code why} in a word the row can colour, {@code detail} in one line.
     */
    record Unreached(String name, Why why, String detail) implements NasGlance {
        public Unreached {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Why a NAS was not read; the fleet never asks, so some need the user to open the NAS once. */
    enum Why {
        /** known_hosts does not know its key: opening it asks whether to trust it. */
        HOST_KEY_UNKNOWN("host key not trusted"),
        /** The key differs from the one known_hosts holds: maybe an attack, never accepted here. */
        HOST_KEY_CHANGED("host key changed"),
        /** It signs in with a password or a key's passphrase, which only opening it asks for. */
        NEEDS_PASSWORD("needs a password"),
        REFUSED("connection refused"),
        TIMED_OUT("timed out"),
        UNREACHABLE("unreachable"),
        /** Connected, but the read failed (agent failure, connection lost midway). */
        FAILED("read failed");

        private final String words;

        Why(String words) {
            this.words = words;
        }

        /** A few words for the row's chip. */
        public String words() {
            return words;
        }
    }

    /** The kstat as read, on the NAS's uptime clock, for rates between two glances. */
    record CounterSample(long uptimeNanos, QatKstat kstat) {
        public CounterSample {
            Objects.requireNonNull(kstat, "kstat");
        }
    }

    /**
     * The doctor's verdict in a row: how many checks fail and warn, and the first failing link in
     * the doctor's words (empty when none fails).
     */
    record DoctorVerdict(int fails, int warns, Optional<String> firstFailure) {
        public DoctorVerdict {
            Objects.requireNonNull(firstFailure, "firstFailure");
        }
    }
}
