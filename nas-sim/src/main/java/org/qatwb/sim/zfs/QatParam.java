package org.qatwb.sim.zfs;

import java.util.Optional;
import org.qatwb.model.conf.InstanceKind;

/**
 * The three ZFS module parameters that switch QAT offload off ({@code 1}) or on ({@code 0}), and the
 * instance kind each needs: compression uses Dc instances ({@code qat_dc_init}), checksums and
 * encryption Cy instances ({@code qat_cy_init}).
 */
public enum QatParam {
    COMPRESS("zfs_qat_compress_disable", InstanceKind.DC),
    CHECKSUM("zfs_qat_checksum_disable", InstanceKind.CY),
    ENCRYPT("zfs_qat_encrypt_disable", InstanceKind.CY);

    private final String fileName;
    private final InstanceKind kind;

    QatParam(String fileName, InstanceKind kind) {
        this.fileName = fileName;
        this.kind = kind;
    }

    public String fileName() {
        return fileName;
    }

    public InstanceKind kind() {
        return kind;
    }

    public static Optional<QatParam> byFileName(String name) {
        for (QatParam p : values()) {
            if (p.fileName.equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
