package org.qatwb.ssh.agent;

import java.util.OptionalInt;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.zfs.ZfsParam;

/**
 * What a parameter write did.
 *
 * @param param   the parameter written
 * @param status  {@code OK}; {@code EPERM} when the kernel refused ("QAT initialisation failed",
 *                never a permissions problem); {@code DENIED} when sudo or the account refused;
 *                {@code ABSENT} when ZFS has no such parameter (built without QAT); {@code ERROR}
 * @param value   the value read back afterwards, if readable
 * @param message what the NAS said, one line, empty when all went well
 */
public record SetParamOutcome(ZfsParam param, ItemStatus status, OptionalInt value, String message) {
}
