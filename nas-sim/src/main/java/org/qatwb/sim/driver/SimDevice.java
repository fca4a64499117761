package org.qatwb.sim.driver;

/**
 * One QAT function the driver sees.
 *
 * @param index   the N of {@code qat_devN}: PFs first, then VFs, as the driver enumerates them
 * @param type    {@code c6xx} or {@code c6xxvf}
 * @param vf      a virtual function
 * @param instId  the index within the type, which names the conf file
 * @param pfInst  the inst_id of the PF it belongs to (its own for a PF)
 * @param nodeId  NUMA node
 * @param bsf     PCI address {@code DDDD:BB:DD.F}
 * @param accel   accelerators ({@code #accel})
 * @param engines engines ({@code #engines})
 */
public record SimDevice(int index, String type, boolean vf, int instId, int pfInst, int nodeId, String bsf,
                        int accel, int engines) {

    public String name() {
        return "qat_dev" + index;
    }

    /** The conf file the driver reads for this device, under {@code /etc}. */
    public String confFile() {
        return type + "_dev" + instId + ".conf";
    }

    /** The device's line in {@code adf_ctl status}, exactly as QAT 1.7 prints it. */
    public String statusLine(boolean up) {
        return " " + name() + " - type: " + type + ",  inst_id: " + instId + ",  node_id: " + nodeId + ",  bsf: " + bsf
                + ",  #accel: " + accel + " #engines: " + engines + " state: " + (up ? "up" : "down");
    }

    /** The prefix the kernel puts on the device's messages ({@code c6xx 0000:3d:00.0: }). */
    public String kernelPrefix() {
        return type + " " + bsf + ": ";
    }
}
