package org.qatwb.model.device;

import java.util.Set;

/**
 * One QAT device family as the driver names it, with the figures the rules need.
 *
 * @param type        the physical-function type, as {@code adf_ctl} prints it and as conf files are named
 * @param vfType      the virtual-function type ({@code type + "vf"})
 * @param vfModule    the VF kernel module, the name the installer blacklists (it differs from the
 *                    type on C62x: {@code qat_c62xvf})
 * @param marketing   what administrators call the hardware
 * @param vfsPerPf    virtual functions each PF can expose
 * @param pfsPerCard  physical functions on one card or chipset
 * @param accelPerPf  accelerators per PF (some SKUs have fewer: adf_ctl prints the real figure)
 * @param enginesPerPf engines per PF
 * @param banksPerPf  ring banks per PF; 0 where the 1.x bank model does not apply (Gen 4)
 * @param kernelApi   whether Intel's 1.x driver offers the kernel QAT API that ZFS uses
 * @param services    the {@code ServicesEnabled} values the driver accepts (profile DEFAULT)
 */
public record DeviceModel(
        String type,
        String vfType,
        String vfModule,
        String marketing,
        int vfsPerPf,
        int pfsPerCard,
        int accelPerPf,
        int enginesPerPf,
        int banksPerPf,
        boolean kernelApi,
        Set<String> services) {

    /** A VF always has one accelerator, one engine and exactly one bank of 16 rings. */
    public static final int VF_BANKS = 1;

    public DeviceModel {
        services = Set.copyOf(services);
    }

    /** Banks of the given function: a VF has one, a PF its model's figure. */
    public int banks(boolean vf) {
        return vf ? VF_BANKS : banksPerPf;
    }
}
