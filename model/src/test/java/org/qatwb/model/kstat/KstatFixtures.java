package org.qatwb.model.kstat;

/**
 * Kstat files written for the tests (not copies of the sample corpus): the layout is SPL's,
 * the values are made up so that each one is distinct and easy to assert.
 */
final class KstatFixtures {

    private KstatFixtures() {
    }

    /** Current ZFS, all 17 counters, every one non-zero except cksum_fails. */
    static final String QAT_FULL = """
            23 1 0x01 17 4624 8123456789012 9876543210987654
            name                            type data
            comp_requests                   4    1048576
            comp_total_in_bytes             4    137438953472
            comp_total_out_bytes            4    45812984490
            decomp_requests                 4    524288
            decomp_total_in_bytes           4    22906492245
            decomp_total_out_bytes          4    68719476736
            dc_fails                        4    3
            encrypt_requests                4    4096
            encrypt_total_in_bytes          4    536870912
            encrypt_total_out_bytes         4    536870912
            decrypt_requests                4    2048
            decrypt_total_in_bytes          4    268435456
            decrypt_total_out_bytes         4    268435456
            crypt_fails                     4    1
            cksum_requests                  4    65536
            cksum_total_in_bytes            4    8589934592
            cksum_fails                     4    0
            """;

    /** ZFS 0.7: seven compression rows, two of them misspelled. 7 * 272 bytes = 1904. */
    static final String QAT_ZFS_0_7 = """
            11 1 0x01 7 1904 4400000000 5500000000
            name                            type data
            comp_reqests                    4    40960
            comp_total_in_bytes             4    5368709120
            comp_total_out_bytes            4    1789569706
            decomp_reqests                  4    81920
            decomp_total_in_bytes           4    3579139413
            decomp_total_out_bytes          4    10737418240
            dc_fails                        4    2
            """;

    /** A fork that interleaves its own rows with ZFS's. */
    static final String QAT_WITH_FOREIGN_ROWS = """
            31 1 0x01 6 1632 100 200
            name                            type data
            init_failed                     4    0
            comp_requests                   4    7
            zia_offloads                    4    99
            comp_total_in_bytes             4    28672
            hw_resets                       2    1
            provider                        7    hpc dpusm
            """;

    /** Every SPL data type once, extremes included; arcstats-like names. */
    static final String ALL_TYPES = """
            40 1 0x01 9 2448 1 2
            name                            type data
            int32_min                       1    -2147483648
            uint32_max                      2    4294967295
            memory_available_bytes          3    -9223372036854775808
            uint64_max                      4    18446744073709551615
            long_value                      5    -42
            ulong_value                     6    18446744073709551614
            char_value                      0    abc
            string_value                    7    QAT c6xx, 3 PFs  (host)
            empty_string                    7
            """;
}
