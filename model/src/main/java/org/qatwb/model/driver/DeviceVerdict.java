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
     * @param why      one line for an administrator: what fails and what to change
     * @param messages the lines the real driver and adf_ctl print, in order, with where they go
     */
    record Refused(String device, Optional<String> section, Optional<String> instance, String why,
            List<DriverMessage> messages) implements DeviceVerdict {
        public Refused {
            messages = List.copyOf(messages);
        }
    }

    /** A device this model does not cover (Gen 4, unknown type): no verdict. */
    record NotModelled(String device, String why) implements DeviceVerdict {
    }
}
