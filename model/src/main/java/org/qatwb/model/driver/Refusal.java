package org.qatwb.model.driver;

/** Thrown inside one device's run to stop it at the first refusal; never leaves the package. */
final class Refusal extends Exception {

    final transient DeviceVerdict.Refused verdict;

    Refusal(DeviceVerdict.Refused verdict) {
        super(null, null, false, false);
        this.verdict = verdict;
    }
}
