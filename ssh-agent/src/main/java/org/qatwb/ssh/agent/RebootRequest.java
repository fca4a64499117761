package org.qatwb.ssh.agent;

import java.util.List;
import java.util.Objects;
import org.qatwb.model.agent.ItemStatus;

/**
 * What the agent's {@code reboot} answered before the NAS went down.
 *
 * @param status  ok when the reboot was started; absent (no systemctl or reboot), denied (sudo), error
 * @param command what it runs ({@code /usr/bin/systemctl reboot in 2 s}), or why it does not
 * @param pending the transactions the next boot's check will verify, oldest first
 */
public record RebootRequest(ItemStatus status, String command, List<String> pending) {

    public RebootRequest {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(command, "command");
        pending = List.copyOf(pending);
    }

    public boolean started() {
        return status == ItemStatus.OK;
    }
}
