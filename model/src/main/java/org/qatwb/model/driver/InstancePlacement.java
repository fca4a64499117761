package org.qatwb.model.driver;

import org.qatwb.model.conf.InstanceKind;

/**
 * Where the driver put one instance.
 *
 * @param section  the conf section
 * @param process  the process name the driver used ({@code KERNEL_QAT}, {@code SSL_INT_0})
 * @param kind     Cy or Dc
 * @param index    n of {@code Cy<n>}
 * @param name     the {@code Cy<n>Name} value, as written
 * @param type     the position type it took (CRYPTO, SYM, ASYM or COMP)
 * @param core     the core its {@code CoreAffinity} gave
 * @param polling  its {@code IsPolled} value
 * @param bank     the bank it took
 * @param position its position within the bank, 0-based
 */
public record InstancePlacement(String section, String process, InstanceKind kind, int index, String name,
        ServiceType type, long core, long polling, int bank, int position) {
}
