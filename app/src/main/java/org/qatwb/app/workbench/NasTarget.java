package org.qatwb.app.workbench;

import java.util.Objects;
import org.qatwb.app.settings.SavedConnection;

/** What a workbench tab is connected to: the built-in simulated NAS, or a real host over SSH. */
public sealed interface NasTarget {

    /** What the tab says. */
    String title();

    /** A simulated NAS, which the window labels as such. */
    boolean simulated();

    /**
     * The simulated NAS the workbench starts itself, on 127.0.0.1.
     *
     * @param zia its pools know the Z.I.A. properties of the hpc/zfs fork
     */
    record Simulated(String profile, boolean zia) implements NasTarget {
        public Simulated {
            Objects.requireNonNull(profile, "profile");
        }

        public Simulated(String profile) {
            this(profile, false);
        }

        @Override
        public String title() {
            return "Simulated " + profile + (zia ? " (Z.I.A.)" : "");
        }

        @Override
        public boolean simulated() {
            return true;
        }
    }

    /** A NAS over SSH, as saved (or typed into the Connect dialog). */
    record Ssh(SavedConnection connection) implements NasTarget {
        public Ssh {
            Objects.requireNonNull(connection, "connection");
        }

        @Override
        public String title() {
            return connection.name();
        }

        @Override
        public boolean simulated() {
            return false;
        }
    }
}
