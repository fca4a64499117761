package org.qatwb.model.apply;

import java.util.Objects;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.parse.Snippet;

/**
 * One step of a transaction as the NAS ran it ({@code check_before}, {@code commit}, {@code restart},
 * {@code verify_devices}, {@code rollback_files}...).
 *
 * @param name   the agent's step name
 * @param status {@code OK}, or why not: {@code ERROR}, {@code DENIED} (no permission, or sudo wants a
 *               password), {@code ABSENT} (a tool is missing)
 * @param rc     the tool's exit status
 * @param text   what the tool said, whole (a failed restart's messages, the devices' states)
 */
public record TxStep(String name, ItemStatus status, int rc, String text) {

    public TxStep {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(text, "text");
    }

    public boolean ok() {
        return status == ItemStatus.OK;
    }

    /** Whether the step belongs to a rollback (the NAS putting things back). */
    public boolean rollback() {
        return name.startsWith("rollback_") || name.equals("expired");
    }

    /** One line for a terminal: the step, its status and its first words. */
    public String line() {
        String first = text.strip().lines().findFirst().orElse("");
        return name + " " + status.wire() + (rc != 0 ? " (exit status " + rc + ")" : "")
                + (first.isEmpty() ? "" : ": " + Snippet.excerpt(first));
    }
}
