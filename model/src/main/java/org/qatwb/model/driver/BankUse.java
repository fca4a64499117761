package org.qatwb.model.driver;

import java.util.List;
import java.util.OptionalLong;

/**
 * One bank after placement (step E).
 *
 * @param bank       its number
 * @param kernel     whether a kernel section took it (else a user section)
 * @param interrupt  whether it is in interrupt mode (its CPU mask is one core)
 * @param core       that core; empty when the mask is all CPUs ({@code Bank<N>CoreAffinity} 255)
 * @param instances  what it holds, in placement order
 */
public record BankUse(int bank, boolean kernel, boolean interrupt, OptionalLong core, List<InstancePlacement> instances) {

    public BankUse {
        instances = List.copyOf(instances);
    }
}
