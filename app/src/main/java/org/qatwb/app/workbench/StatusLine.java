package org.qatwb.app.workbench;

import java.util.Objects;

/**
 * One line of the dashboard's host summary.
 *
 * @param id     stable, for tests and node ids ({@code qat.service}, {@code zfs.qat}, ...)
 * @param label  what it is about
 * @param value  its state, in a few words
 * @param tone   how that reads
 * @param detail one sentence more (what it means, what to check); empty when nothing to add
 */
public record StatusLine(String id, String label, String value, Tone tone, String detail) {

    public StatusLine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(detail, "detail");
    }
}
