package org.qatwb.model.driver;

/**
 * A line the real driver stack prints, and where it lands (allocator.md section 6): the
 * kernel's lines go to the kernel log only, adf_ctl's to its own stderr (the journal of
 * qat.service when the service runs it). Lines the kernel prefixes with the driver and PCI
 * address ({@code dev_err}) say so, since the model does not know the address.
 *
 * @param where         kernel log or adf_ctl's stderr
 * @param devicePrefixed whether the kernel puts {@code <driver> <bdf>: } in front of it
 * @param text          the line without that prefix
 */
public record DriverMessage(Where where, boolean devicePrefixed, String text) {

    /** Where a message is written. */
    public enum Where { KERNEL_LOG, ADF_CTL_STDERR }

    static DriverMessage kernel(String text) {
        return new DriverMessage(Where.KERNEL_LOG, true, text);
    }

    static DriverMessage kernelBare(String text) {
        return new DriverMessage(Where.KERNEL_LOG, false, text);
    }

    static DriverMessage adfCtl(String text) {
        return new DriverMessage(Where.ADF_CTL_STDERR, false, text);
    }
}
