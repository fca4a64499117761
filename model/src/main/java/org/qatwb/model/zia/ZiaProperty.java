package org.qatwb.model.zia;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Z.I.A. pool properties an administrator sets (DOMAIN.md section 10): the provider, and the
 * on/off offloads. {@code zia_available} is read-only and so not one of them.
 */
public enum ZiaProperty {
    PROVIDER("zia_provider", "provider", Kind.PROVIDER),
    COMPRESS("zia_compress", "compression", Kind.DATA),
    DECOMPRESS("zia_decompress", "decompression", Kind.DATA),
    CHECKSUM("zia_checksum", "checksums", Kind.DATA),
    RAIDZ1_GEN("zia_raidz1_gen", "RAID-Z1 parity", Kind.PARITY),
    RAIDZ2_GEN("zia_raidz2_gen", "RAID-Z2 parity", Kind.PARITY),
    RAIDZ3_GEN("zia_raidz3_gen", "RAID-Z3 parity", Kind.PARITY),
    RAIDZ1_REC("zia_raidz1_rec", "RAID-Z1 reconstruction", Kind.RECONSTRUCTION),
    RAIDZ2_REC("zia_raidz2_rec", "RAID-Z2 reconstruction", Kind.RECONSTRUCTION),
    RAIDZ3_REC("zia_raidz3_rec", "RAID-Z3 reconstruction", Kind.RECONSTRUCTION),
    FILE_WRITE("zia_file_write", "file writes", Kind.WRITE),
    DISK_WRITE("zia_disk_write", "disk writes", Kind.WRITE);

    /** What a property offloads. */
    public enum Kind {
        PROVIDER, DATA, PARITY, RECONSTRUCTION, WRITE
    }

    /**
     * Read-only: {@code yes} when zpool was built with Z.I.A. (zpool_prop.c registers it with a
     * compile-time default); it never says whether the dpusm module is loaded ({@link ZiaHost#dpusm}).
     */
    public static final String AVAILABLE = "zia_available";

    private final String wire;
    private final String label;
    private final Kind kind;

    ZiaProperty(String wire, String label, Kind kind) {
        this.wire = wire;
        this.label = label;
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The property's name, as {@code zpool} prints and takes it. */
    public String wire() {
        return wire;
    }

    /** What it offloads, in a few words. */
    public String label() {
        return label;
    }

    /** An on/off offload (every property but the provider). */
    public boolean onOff() {
        return this != PROVIDER;
    }

    /** A RAID-Z reconstruction: offloaded only together with checksums, so turning one on turns those on. */
    public boolean reconstruction() {
        return kind == Kind.RECONSTRUCTION;
    }

    /** The on/off offloads, in {@code zpool get}'s order. */
    public static List<ZiaProperty> switches() {
        return Arrays.stream(values()).filter(ZiaProperty::onOff).toList();
    }

    public static Optional<ZiaProperty> ofWire(String name) {
        return Arrays.stream(values()).filter(p -> p.wire.equals(name)).findFirst();
    }
}
