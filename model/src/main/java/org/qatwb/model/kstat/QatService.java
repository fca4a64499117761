package org.qatwb.model.kstat;

/** The QAT services ZFS offloads, as its kstat counters group them. */
public enum QatService {
    COMPRESSION("Compression"),
    DECOMPRESSION("Decompression"),
    ENCRYPTION("Encryption"),
    DECRYPTION("Decryption"),
    CHECKSUM("Checksum");

    private final String label;

    QatService(String label) {
        this.label = label;
    }

    /** A short human name. */
    public String label() {
        return label;
    }
}
