package org.qatwb.model.driver;

import java.util.List;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.parse.Snippet;

/** Says, in an administrator's words, why no bank could take an instance (step D4's refusal). */
final class Explain {

    private Explain() {
    }

    /** A refusal's cause and its line for an administrator. */
    record Why(DeviceVerdict.Cause cause, String text) {
    }

    static Why noBank(DeviceRun.Candidate c, List<Bank> banks, int maxKernelBank, DeviceConf device, RingMap map) {
        String key = c.kind().prefix() + c.index();
        boolean sameName = banks.size() == 1 && c.name().equals(banks.get(0).firstInstance);
        // two instances may share a Name (Intel's own files do it): then the keys tell them apart
        String name = Snippet.excerpt(c.name()) + (sameName ? " (" + key + ")" : "");
        String section = "[" + Snippet.excerpt(c.section()) + "]";
        if (banks.size() == 1) {
            Bank b = banks.get(0);
            String firstName = Snippet.excerpt(b.firstInstance) + (sameName ? " (" + b.firstKey + ")" : "");
            String first = firstName + " of [" + Snippet.excerpt(b.firstProcess) + "]";
            String only = "this VF's only bank";
            if ((b.type == Bank.Type.KERNEL) != c.kernel()) {
                return new Why(DeviceVerdict.Cause.SECTIONS_SHARE_BANK, name + " of " + section + " cannot use " + only + ": " + first + " holds it for "
                        + (b.type == Bank.Type.KERNEL ? "the kernel" : "a user process")
                        + " and the driver never shares a bank between kernel and user sections;"
                        + " keep this VF's instances in kernel sections only or in user sections only");
            }
            if (b.polling != c.polling()) {
                return new Why(DeviceVerdict.Cause.BANK_POLLING, name + " has IsPolled " + c.polling() + " but " + only + " was opened with IsPolled " + b.polling
                        + " by " + first + ": the driver shares a bank only between instances polled the same way;"
                        + " give them the same IsPolled");
            }
            if (b.coreSet && b.core != c.core()) {
                return new Why(DeviceVerdict.Cause.BANK_CORE, name + " is on core " + Long.toUnsignedString(c.core()) + " but " + only
                        + " is already bound to core " + Long.toUnsignedString(b.core) + " by "
                        + firstName + ": give both the same core");
            }
            if (b.interrupt() && !c.process().equals(b.firstProcess)) {
                // another process of the same user section is a matter of counts, not of sections
                DeviceVerdict.Cause cause = c.section().equals(b.firstSection) ? DeviceVerdict.Cause.NO_RINGS
                        : DeviceVerdict.Cause.SECTIONS_SHARE_BANK;
                return new Why(cause, name + " of " + section + " cannot join " + only + ": " + first
                        + " holds it in interrupt mode and the driver shares an interrupt-mode bank only within one section;"
                        + " put all interrupt-mode instances of this VF in one section");
            }
            return new Why(DeviceVerdict.Cause.NO_RINGS, name + " finds no free " + c.kind().prefix() + " position: " + only + " has "
                    + b.positionsOf(c.type()) + " with ring map " + map.services()
                    + (device.device().vf() ? " (the PF's)" : "") + ", all taken; declare fewer "
                    + c.kind().prefix() + " instances");
        }
        long kernel = banks.stream().filter(b -> b.type == Bank.Type.KERNEL).count();
        long user = banks.stream().filter(b -> b.type == Bank.Type.USER).count();
        String mode = c.polling() == 1 ? "polled" : "interrupt-mode";
        return new Why(DeviceVerdict.Cause.NO_RINGS, name + " (" + mode + ", core " + Long.toUnsignedString(c.core()) + ", " + section + ") finds no bank: none of the " + banks.size()
                + " banks can take it and none is free (" + kernel + " kernel, " + user + " user); every interrupt-mode"
                + " bank serves one section on one core, so use fewer distinct cores or sections"
                + (c.kind() == InstanceKind.CY || c.kind() == InstanceKind.DC ? ", or fewer instances" : ""));
    }
}
