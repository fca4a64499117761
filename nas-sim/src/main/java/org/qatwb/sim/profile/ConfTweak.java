package org.qatwb.sim.profile;

/**
 * One value a profile sets in a generated conf file after the template, to plant a problem
 * ({@code broken}: a polled kernel instance).
 *
 * @param file    the file name under {@code etc/} ({@code c6xxvf_dev0.conf})
 * @param section the section
 * @param key     the key
 * @param value   the value written with the model's ConfEditor
 */
public record ConfTweak(String file, String section, String key, String value) {
}
