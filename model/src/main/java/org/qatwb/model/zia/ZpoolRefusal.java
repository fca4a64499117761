package org.qatwb.model.zia;

/**
 * zpool's refusal of a Z.I.A. property as the fork words it, with what it means where the words
 * alone mislead. It sits with the outcomes that read zpool's answer back ({@link ZiaSetOutcome},
 * {@link ZiaHookOutcome}), below the snapshot, so that reading an outcome needs no use case.
 */
public final class ZpoolRefusal {

    /** zpool's answer to a provider name dpusm does not know (libzfs_util.c, EZFS_ZIA_NONEXISTENT_PROVIDER). */
    public static final String NO_SUCH_PROVIDER = "given provider does not exist";

    private ZpoolRefusal() {
    }

    /**
     * zpool's message, with what it means when dpusm does not know the name: the name is the
     * provider module's exact name, and dpusm must have been loaded before zfs.ko
     * (module/zfs/zia.c {@code zia_init}, called once from dmu.c {@code dmu_init} at module load,
     * finds dpusm or never looks again: {@code zia_get_provider} then answers no provider for every name).
     */
    public static String explain(String zpoolMessage) {
        if (zpoolMessage.contains(NO_SUCH_PROVIDER)) {
            return zpoolMessage + " (the name must be the provider module's exact name, loaded and registered"
                    + " with dpusm; if dpusm was not loaded when zfs.ko loaded, every name fails this way until zfs.ko"
                    + " is reloaded)";
        }
        return zpoolMessage;
    }
}
