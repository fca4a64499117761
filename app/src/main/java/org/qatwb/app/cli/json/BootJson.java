package org.qatwb.app.cli.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.qatwb.model.apply.BootCheck;
import org.qatwb.model.apply.PendingLayout;

/**
 * JSON of what the boot check has to do and what it did (CLI.md): {@code pendingLayout} (null, or
 * {@code {"transactions": [...], "state": "staged", "files": [...]}}) and {@code lastBootCheck}
 * (null, or {@code {"outcome": "verified", "transactions": [...], "message": "...", "bootId": "..."}}).
 */
public final class BootJson {

    private BootJson() {
    }

    public static JsonNode pendingLayout(Optional<PendingLayout> pending) {
        if (pending.isEmpty()) {
            return NullNode.getInstance();
        }
        ObjectNode o = JsonOut.object();
        pending.get().transactions().forEach(o.putArray("transactions")::add);
        o.put("state", pending.get().state());
        pending.get().files().forEach(o.putArray("files")::add);
        return o;
    }

    public static JsonNode lastBootCheck(Optional<BootCheck> check) {
        if (check.isEmpty()) {
            return NullNode.getInstance();
        }
        BootCheck c = check.get();
        ObjectNode o = JsonOut.object();
        o.put("outcome", c.outcome().wire());
        c.transactions().forEach(o.putArray("transactions")::add);
        o.put("message", c.message());
        o.put("bootId", c.bootId().orElse(null));
        return o;
    }
}
