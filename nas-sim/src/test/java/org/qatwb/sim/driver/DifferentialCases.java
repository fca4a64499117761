package org.qatwb.sim.driver;

/** The conf files both differential tests build their named cases from. */
final class DifferentialCases {

    /** A PF that only hosts VFs, on cy;dc: its VFs may ask for any service. */
    static final String PF_HOST = "[GENERAL]\nServicesEnabled = cy;dc\nConfigVersion = 2\n[KERNEL_QAT]\n"
            + "NumberCyInstances = 0\nNumberDcInstances = 0\n";

    /** A VF for ZFS as the templates write it: one interrupt-mode Cy and Dc, both on core 5. */
    static final String VF_ZFS = """
            [GENERAL]
            ServicesEnabled = cy;dc
            ConfigVersion = 2
            [KERNEL_QAT]
            NumberCyInstances = 1
            NumberDcInstances = 1
            Cy0Name = "ZFS_CY0"
            Cy0IsPolled = 0
            Cy0CoreAffinity = 5
            Dc0Name = "ZFS_DC0"
            Dc0IsPolled = 0
            Dc0CoreAffinity = 5
            """;

    private DifferentialCases() {
    }
}
