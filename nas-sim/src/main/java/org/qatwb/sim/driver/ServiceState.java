package org.qatwb.sim.driver;

/** {@code qat.service} as {@code systemctl is-active} names its states. */
public enum ServiceState {
    ACTIVE("active"),
    INACTIVE("inactive"),
    FAILED("failed");

    private final String word;

    ServiceState(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
