package org.qatwb.model.persist;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.qatwb.model.zfs.ZfsParam;

/**
 * What keeps ZFS's QAT parameters at 0 after a reboot on a NAS now, as the agent read it.
 */
public sealed interface PersistState {

    /** Where persistence lives on this NAS. */
    PersistTarget target();

    /**
     * What is there now, as a diff shows it: the unit file's text, or the init scripts' fields;
     * empty when there is nothing or it could not be read.
     */
    String text();

    /** The parameters that will be set to 0 at the next boot: those of an enabled unit or script of ours. */
    default Set<ZfsParam> keptAtBoot() {
        return this instanceof Kept k && k.enabled() ? k.params() : Set.of();
    }

    /** No unit or init script of ours: after a reboot the parameters are whatever zfs.ko makes them. */
    record None(PersistTarget target) implements PersistState {
        public None {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public String text() {
            return "";
        }
    }

    /**
     * A unit or init script exactly as QAT Workbench writes it.
     *
     * @param params  the parameters it writes 0 to (never empty)
     * @param enabled whether it runs at boot (a unit enabled, an init script's {@code enabled})
     * @param text    its text, as {@link #text()} says
     * @param ids     the init script's middleware id (TrueNAS); empty for a unit
     */
    record Kept(PersistTarget target, Set<ZfsParam> params, boolean enabled, String text, List<Long> ids)
            implements PersistState {
        public Kept {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(text, "text");
            params = KeepList.copy(params);
            ids = List.copyOf(ids);
        }
    }

    /**
     * Something at our unit's path, or init scripts with our comment, that QAT Workbench did not
     * write as it is (edited by hand, or several scripts). A change replaces it; the diff shows how.
     *
     * @param reason one line: what makes it foreign
     * @param ids    the init scripts' middleware ids (TrueNAS); empty for a unit
     */
    record Foreign(PersistTarget target, String text, String reason, List<Long> ids) implements PersistState {
        public Foreign {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(reason, "reason");
            ids = List.copyOf(ids);
        }
    }

    /** It could not be read (no permission, no midclt, an answer that does not parse): one line saying why. */
    record Unreadable(PersistTarget target, String reason) implements PersistState {
        public Unreadable {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String text() {
            return "";
        }
    }
}
