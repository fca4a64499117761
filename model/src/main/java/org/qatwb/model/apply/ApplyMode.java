package org.qatwb.model.apply;

/** When a new layout takes effect (DOMAIN.md section 8). */
public enum ApplyMode {
    /**
     * Write the files now; the driver reads them at the next boot (or the next restart someone
     * else makes). The default while ZFS uses QAT: no session is disturbed.
     */
    STAGE,
    /**
     * Write the files, set the ZFS parameters to 1 (no new offloads), restart qat.service, verify
     * the devices and the kstat, restore the parameters; roll back by itself on any failure or
     * when the workbench does not confirm in time.
     */
    RESTART
}
