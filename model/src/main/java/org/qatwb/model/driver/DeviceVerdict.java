package org.qatwb.model.driver;

import java.util.List;
import java.util.Optional;

/** What the driver does with one device's conf file: places all of it, refuses it, or is not modelled. */
public sealed interface DeviceVerdict {

    /** The device's {@link DeviceConf#name()}. */
    String device();

    /**
     * Every instance placed; the device comes up.
     *
     * @param placements the instances in the order the driver placed them
     * @param banks      the banks that hold any instance, by number
     * @param firstUserBank {@code FirstUserBundle}: the first bank a user section may take
     */
    record Placed(String device, List<InstancePlacement> placements, List<BankUse> banks, int firstUserBank)
            implements DeviceVerdict {
        public Placed {
            placements = List.copyOf(placements);
            banks = List.copyOf(banks);
        }
    }

    /**
     * The driver refuses the device: nothing of it is configured (the verdict is all or nothing).
     *
     * @param section  the section being processed when it failed, if any
     * @param instance the {@code Name} of the instance that failed, if the failure is about one
     * @param key      the instance's key prefix ({@code Cy0}, {@code Dc1}) where one instance fails
     * @param cause    what kind of refusal it is, for callers that report some kinds elsewhere
     * @param why      one line for an administrator: what fails and what to change
     * @param messages the lines the real driver and adf_ctl print, in order, with where they go
     */
    record Refused(String device, Optional<String> section, Optional<String> instance, Optional<String> key,
            Cause cause, String why, List<DriverMessage> messages) implements DeviceVerdict {
        public Refused {
            messages = List.copyOf(messages);
        }
    }

    /** Why a device is refused: the file itself, or where the placement of one instance failed (step D4/D5). */
    enum Cause {
        /**
         * Before any bank is looked at: adf_ctl's or the driver's reading of the file (no
         * {@code [GENERAL]}, ServicesEnabled, a missing or unreadable count, Name, IsPolled or
         * CoreAffinity, the 4.24 cross-check of counts against the file's own services).
         */
        FILE,
        /** A user instance in interrupt mode ({@code adf_cfg_get_ring_pairs_from_bundle}). */
        USER_POLLING,
        /**
         * A VF's only bank is held by another section: kernel against user, or another section
         * in interrupt mode ({@code adf_cfg_can_be_shared}, rules 3 and 5).
         */
        SECTIONS_SHARE_BANK,
        /** A VF's only bank is bound to another core by an interrupt-mode instance (the mask test of path K). */
        BANK_CORE,
        /** A VF's only bank was opened with another IsPolled ({@code adf_cfg_can_be_shared}, rule 2). */
        BANK_POLLING,
        /** No position of the instance's type left, and no free bank ({@code adf_cfg_get_ring_pairs}). */
        NO_RINGS
    }

    /** A device this model does not cover (Gen 4, unknown type): no verdict. */
    record NotModelled(String device, String why) implements DeviceVerdict {
    }
}
