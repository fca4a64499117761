package org.qatwb.model.driver;

/** The driver releases whose allocator differs (allocator.md section 5); 4.28 behaves as 4.24. */
public enum DriverRelease {
    /** QAT1.7.L.4.8: no user-bundle distribution, no Cy/Dc cross-check, older message wording. */
    R4_8,
    /** QAT.L.4.24 and 4.28. */
    R4_24;

    boolean distributesUserBanks() {
        return this != R4_8;
    }

    boolean crossChecksServices() {
        return this != R4_8;
    }
}
