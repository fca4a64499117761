package org.qatwb.model.driver;

/**
 * What a service slot of a ring map holds (allocator.md section 1). The declaration order is the
 * order in which a section's instances are placed (step C), so it must not change.
 */
public enum ServiceType {
    NA, CRYPTO, COMP, SYM, ASYM;

    /** Whether a Cy instance takes positions of this type (Dc instances take COMP). */
    public boolean isCrypto() {
        return this == CRYPTO || this == SYM || this == ASYM;
    }
}
