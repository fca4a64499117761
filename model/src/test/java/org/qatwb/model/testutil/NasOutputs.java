package org.qatwb.model.testutil;

import java.util.Map;

/**
 * Whole {@code snapshot} outputs of two NAS boxes, written in the project (no capture exists):
 * a C62x host set up for ZFS, and a host whose ZFS was built without QAT and has no QAT driver.
 */
public final class NasOutputs {

    /** 17 counters, each value distinct. */
    public static final String KSTAT = """
            19 1 0x01 17 4624 1645575508916183 3447141868397572
            name                            type data
            comp_requests                   4    218485057
            comp_total_in_bytes             4    214690002502144
            comp_total_out_bytes            4    71563334167381
            decomp_requests                 4    1000
            decomp_total_in_bytes           4    2000
            decomp_total_out_bytes          4    3000
            dc_fails                        4    0
            encrypt_requests                4    4000
            encrypt_total_in_bytes          4    5000
            encrypt_total_out_bytes         4    5000
            decrypt_requests                4    6000
            decrypt_total_in_bytes          4    7000
            decrypt_total_out_bytes         4    7000
            crypt_fails                     4    0
            cksum_requests                  4    8000
            cksum_total_in_bytes            4    9000
            cksum_fails                     4    0
            """;

    public static final String ZFS_GET = "tank\tcompression\tlz4\tlocal\n"
            + "tank\tchecksum\ton\tdefault\n"
            + "tank\tencryption\toff\tdefault\n"
            + "tank\trecordsize\t131072\tdefault\n"
            + "tank/backup\tcompression\tgzip-6\tlocal\n"
            + "tank/backup\tchecksum\tsha256\tlocal\n"
            + "tank/backup\tencryption\taes-256-gcm\t-\n"
            + "tank/backup\trecordsize\t1048576\tlocal\n"
            + "tank/my vol\tcompression\tgzip\tinherited from tank\n"
            + "tank/my vol\tchecksum\ton\tdefault\n"
            + "tank/my vol\tencryption\toff\tdefault\n"
            + "tank/my vol\trecordsize\t-\t-\n";

    public static final String ZPOOL_GET = "tank\tsize\t47781511626752\t-\n"
            + "tank\thealth\tONLINE\t-\n"
            + "tank\tzia_available\tyes\t-\n"
            + "tank\tzia_provider\tqat\tlocal\n"
            + "tank\tzia_compress\ton\tlocal\n"
            + "boot-pool\tsize\t31138512896\t-\n"
            + "boot-pool\thealth\tONLINE\t-\n";

    public static final String OS_RELEASE = """
            PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
            NAME="Debian GNU/Linux"
            VERSION_ID="12"
            ID=debian
            """;

    /** The conf file of VF 7, written on Windows: CRLF, no final newline, and polled (a lint error). */
    public static final String VF7_CRLF = C62xFixture.vf(14).replace("Cy0IsPolled = 0", "Cy0IsPolled = 1")
            .strip().replace("\n", "\r\n");

    private NasOutputs() {
    }

    /** A C62x host (3 PFs, 48 VFs, 56 CPUs on 2 nodes) with ZFS using QAT, read as root. */
    public static AgentOutputWriter c62xHost() {
        AgentOutputWriter w = AgentOutputWriter.snapshot()
                .ok("id", "0\nroot\n")
                .ok("adf_status", C62xFixture.adfStatus());
        for (Map.Entry<String, String> f : C62xFixture.confFiles().entrySet()) {
            String content = f.getKey().equals("c6xxvf_dev7.conf") ? VF7_CRLF : f.getValue();
            w.ok("conf:/etc/" + f.getKey(), content);
        }
        return w.ok("default_qat", "SRIOV_ENABLE=1\nENABLE_KAPI=1\n")
                .absent("blacklist")
                .ok("param:zfs_qat_compress_disable", "0\n")
                .ok("param:zfs_qat_checksum_disable", "1\n")
                .ok("param:zfs_qat_encrypt_disable", "1\n")
                .ok("kstat_qat", KSTAT)
                .ok("cpu_online", "0-55\n")
                .ok("node_online", "0-1\n")
                .ok("cpu_nodes", "0 0-13,28-41\n1 14-27,42-55\n")
                .ok("zfs_get", ZFS_GET)
                .ok("zpool_get", ZPOOL_GET)
                .ok("kernel_log", "[   12.000000] QAT: qat_dev0 started 5 acceleration engines\n"
                        + "[  815.123456] cpaCySymRemoveSession() - : There are 1 requests pending\n")
                .ok("debugfs", "qat_c6xx_0000:3d:00.0\nqat_c6xx_0000:3f:00.0\nqat_c6xx_0000:41:00.0\n")
                .ok("fw_counters:qat_c6xx_0000:3d:00.0", "AE          Requests        Responses\n 0:  17  17\n")
                .ok("fw_counters:qat_c6xx_0000:3f:00.0", "AE          Requests        Responses\n 0:  18  18\n")
                .item("fw_counters:qat_c6xx_0000:41:00.0", "error", 1, "cat: fw_counters: Input/output error\n")
                .ok("qat_service", "active\n")
                .ok("os_release", OS_RELEASE)
                .ok("truenas_version", "25.04.0\n")
                .absent("persist_unit")
                .absent("persist_unit_state")
                .ok("persist_init", "[]\n")
                .done();
    }

    /** A host with ZFS built without QAT and no QAT driver, read by a user without root. */
    public static AgentOutputWriter noQatHost() {
        return AgentOutputWriter.snapshot()
                .ok("id", "1000\nadmin\n")
                .absent("adf_status")
                .absent("default_qat")
                .absent("blacklist")
                .absent("param:zfs_qat_compress_disable")
                .absent("param:zfs_qat_checksum_disable")
                .absent("param:zfs_qat_encrypt_disable")
                .absent("kstat_qat")
                .ok("cpu_online", "0-7\n")
                .ok("node_online", "0\n")
                .ok("cpu_nodes", "0 0-7\n")
                .ok("zfs_get", "tank\tcompression\tlz4\tlocal\ntank\tchecksum\ton\tdefault\n"
                        + "tank\tencryption\toff\tdefault\ntank\trecordsize\t131072\tdefault\n")
                .ok("zpool_get", "tank\tsize\t1000\t-\n")
                .ok("kernel_log", "")
                .item("debugfs", "denied", 0, "permission denied: /sys/kernel/debug\n")
                .ok("qat_service", "inactive\n")
                .ok("os_release", OS_RELEASE)
                .absent("truenas_version")
                .absent("persist_unit")
                .absent("persist_unit_state")
                .absent("persist_init")
                .done();
    }
}
