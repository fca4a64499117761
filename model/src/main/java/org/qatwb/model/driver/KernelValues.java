package org.qatwb.model.driver;

import java.util.OptionalLong;

/**
 * The kernel driver's reading of instance values, for rules outside this package that must judge
 * a value as the driver does rather than by the conf grammar's typing.
 */
public final class KernelValues {

    private KernelValues() {
    }

    /**
     * A count or {@code IsPolled} as {@code adf_cfg_set_value} reads it (kstrtoul base 10, then
     * 16; qat_common/adf_cfg_section.c): {@code +1} is 1, {@code a} is 10; empty when neither reads it.
     */
    public static OptionalLong number(String value) {
        long v = KernelNumber.read(value);
        return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /**
     * A GENERAL key driver 4.8 reads with {@code kstrtoul(val, 0)} to trim the PF's capabilities
     * ({@code PkeServiceDisabled}, {@code StorageEnabled}, {@code RLFirmwareEnabled};
     * {@code adf_cfg_update_pf_accel_cap_mask}, 4.8 qat_common/adf_cfg_device.c); empty when
     * unreadable, which refuses the device.
     */
    public static OptionalLong flag(String value) {
        long v = KernelNumber.readBase0(value);
        return v < 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /**
     * The core a {@code CoreAffinity} value gives process {@code process} (kernel sections: 0), as
     * {@code adf_cfg_set_core_number_for_instance} reads it (qat_common/adf_cfg_section.c: a comma
     * list of kstrtoul numbers and {@code a-b} ranges); empty when the driver refuses it.
     */
    public static OptionalLong core(String value, long process) {
        CoreList.Result r = CoreList.core(value, process);
        return r.ok() ? OptionalLong.of(r.core()) : OptionalLong.empty();
    }
}
