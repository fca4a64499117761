package org.qatwb.sim.driver;

/**
 * A PF's firmware counters (debugfs {@code fw_counters}): requests and responses per acceleration
 * engine. The simulation completes every request, so responses equal requests; requests are spread
 * over the engines round-robin.
 */
final class FwCounters {

    private static final String RULE = "+------------------------------------------------+\n";

    private final long[] requests;
    private int cursor;

    FwCounters(int engines) {
        this.requests = new long[engines];
    }

    void add(long n) {
        long each = n / requests.length;
        long rest = n % requests.length;
        for (int i = 0; i < requests.length; i++) {
            requests[i] += each;
        }
        for (long i = 0; i < rest; i++) {
            requests[cursor]++;
            cursor = (cursor + 1) % requests.length;
        }
    }

    void reset() {
        java.util.Arrays.fill(requests, 0);
        cursor = 0;
    }

    long total() {
        long t = 0;
        for (long r : requests) {
            t += r;
        }
        return t;
    }

    /** The out-of-tree QAT 1.7 driver's boxed table (samples/debugfs). */
    String render() {
        StringBuilder out = new StringBuilder(RULE.length() * (2 + 3 * requests.length));
        out.append(RULE).append("| FW Statistics for Qat Device                   |\n").append(RULE);
        for (int ae = 0; ae < requests.length; ae++) {
            out.append(String.format("| Firmware Requests [AE %2d]:%20s |\n", ae, Long.toUnsignedString(requests[ae])));
            out.append(String.format("| Firmware Responses[AE %2d]:%20s |\n", ae, Long.toUnsignedString(requests[ae])));
            out.append(RULE);
        }
        return out.toString();
    }
}
