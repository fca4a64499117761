package org.qatwb.model.doctor;

import java.util.List;
import org.qatwb.model.snapshot.NasSnapshot;

/** The restart that makes the driver read a changed file, with DOMAIN.md section 8's caution where it applies. */
final class Restart {

    static final String COMMAND = "systemctl restart qat";

    private Restart() {
    }

    /** Restart qat.service; when ZFS has offload on, stop new offloads first (restarting under ZFS is risky). */
    static Fix.CommandFix qat(NasSnapshot s, String reason) {
        boolean zfsUsesQat = s.params().values().stream().anyMatch(v -> v == 0);
        String why = reason + (zfsUsesQat ? "; ZFS has QAT offload on: turn it off first (qatwb params --compress off"
                + " --checksum off --encrypt off), on again after, or stage the change for the next reboot" : "");
        return new Fix.CommandFix(List.of(COMMAND), why);
    }
}
