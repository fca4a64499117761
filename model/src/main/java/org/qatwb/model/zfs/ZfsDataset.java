package org.qatwb.model.zfs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A dataset (filesystem or volume) with the properties that decide whether QAT can help it
 * (DOMAIN.md section 7): compression, checksum, encryption, the block size (recordsize, or a
 * volume's volblocksize) and dedup (its checksums are SHA-256 whatever {@code checksum} says).
 *
 * @param name       {@code pool/path}
 * @param properties property to value as {@code zfs get -p} printed them
 */
public record ZfsDataset(String name, Map<String, String> properties) {

    public ZfsDataset {
        Objects.requireNonNull(name, "name");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** {@code gzip}, {@code lz4}, {@code off}... */
    public Optional<String> compression() {
        return value("compression");
    }

    /** {@code sha256}, {@code on}, {@code fletcher4}... */
    public Optional<String> checksum() {
        return value("checksum");
    }

    /** {@code off}, {@code aes-256-gcm}... */
    public Optional<String> encryption() {
        return value("encryption");
    }

    /** {@code off}, {@code on}, {@code verify}, {@code sha256,verify}, {@code skein}... */
    public Optional<String> dedup() {
        return value("dedup");
    }

    /** The record size in bytes; empty for a volume ("-") or when not reported. */
    public OptionalLong recordsize() {
        return bytes("recordsize");
    }

    /** A volume's block size in bytes; empty for a filesystem ("-") or when not reported. */
    public OptionalLong volblocksize() {
        return bytes("volblocksize");
    }

    /** The largest block ZFS writes: the record size, or for a volume its volblocksize. */
    public OptionalLong blockSize() {
        OptionalLong rs = recordsize();
        return rs.isPresent() ? rs : volblocksize();
    }

    private OptionalLong bytes(String property) {
        String v = properties.get(property);
        if (v == null || v.isEmpty() || v.length() > 18 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(v));
    }

    private Optional<String> value(String property) {
        return Optional.ofNullable(properties.get(property)).filter(v -> !v.equals("-"));
    }
}
