package org.qatwb.model.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Hostile inputs from valid seeds, for the property suite and the fuzz benchmark alike (one copy,
 * so that a reproducer found by one is one the other can make): a few mutations of a seed, or a
 * new input assembled from the seeds' lines, the format's own words and hostile tokens. Pure
 * function of the {@link Random}: a run is reproduced by its RNG seed.
 */
public final class Mutator {

    /** No input grows beyond this, so that an allocation bound in proportion to input size means something. */
    public static final int MAX_INPUT = 256 * 1024;

    /** What a hostile NAS or file would put anywhere: controls, escapes, bidi, numbers at every edge. */
    static final List<byte[]> HOSTILE = utf8(
            "\0", "\u001b", "\u001b[2J\u001b[H", "\u001b]0;owned\u0007", "\u001b]8;;http://x/\u001b\\", "\r", "\n", "\r\n",
            "\t", "\u0007", "\b", "\u007f", "\u0085", "\u009b31m", "\u202e", "\u2066", "\u200f", "\u2028", "\u2029",
            "\ufeff", "\ufffd", "-1", "-0", "0", "2147483647", "2147483648", "-2147483649", "4294967296",
            "9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616",
            "99999999999999999999999999999999", "1e309", "-1e309", "NaN", "Infinity", "0x7fffffff", "0xffffffffffffffff",
            "0-4294967295", "0-2147483647", "1-0", "=", "==", "[", "]", "[]", "#", ";", ",", ":", "\"", "'", "\\",
            "{", "}", "-", "null", "true", " ", "    ", "\\u0000", "\\ud800", "\\u001b");
    static final byte[] LONE_BYTES = {(byte) 0x80, (byte) 0xc3, (byte) 0xe2, (byte) 0xff, (byte) 0xfe, (byte) 0xed};

    private Mutator() {
    }

    /** One to four mutations of {@code seed}. */
    public static byte[] mutate(byte[] seed, List<byte[]> words, Random rnd) {
        byte[] b = seed;
        int n = 1 + rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            b = once(b, words, rnd);
        }
        return b.length > MAX_INPUT ? Arrays.copyOf(b, MAX_INPUT) : b;
    }

    /**
     * For agent output: mutations of one item's content only, the frames around it intact, so that
     * the reader of that item sees them (a broken frame is refused before any item is read). The
     * seed unchanged when it has no item.
     */
    public static byte[] mutateItem(byte[] seed, List<byte[]> words, Random rnd) {
        List<int[]> items = items(seed);
        if (items.isEmpty()) {
            return mutate(seed, words, rnd);
        }
        int[] item = items.get(rnd.nextInt(items.size()));
        byte[] content = mutate(Arrays.copyOfRange(seed, item[0], item[1]), words, rnd);
        return splice(seed, item[0], item[1], content);
    }

    /** Each item's content as [start, end]: after its {@code @@B begin NAME} line, up to the newline before its end line. */
    static List<int[]> items(byte[] b) {
        List<int[]> out = new ArrayList<>();
        String text = new String(b, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int begin = text.indexOf(" begin ", at);
            if (begin < 0) {
                return out;
            }
            int lineStart = text.lastIndexOf('\n', begin) + 1;
            int space = text.indexOf(' ', lineStart);
            int eol = text.indexOf('\n', begin);
            if (!text.startsWith("@@", lineStart) || space != begin || eol < 0) {
                at = begin + 1;
                continue;
            }
            int end = text.indexOf("\n" + text.substring(lineStart, space) + " end ", eol);
            if (end < 0) {
                return out;
            }
            out.add(new int[] {eol + 1, end});
            at = end + 1;
        }
    }

    /** A new input from the seeds' lines, the format's words, hostile tokens and noise. */
    public static byte[] generate(List<byte[]> seeds, List<byte[]> words, Random rnd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pieces = rnd.nextInt(60);
        for (int i = 0; i < pieces; i++) {
            switch (rnd.nextInt(6)) {
                case 0, 1 -> out.writeBytes(randomLine(seeds.get(rnd.nextInt(seeds.size())), rnd));
                case 2 -> out.writeBytes(words.isEmpty() ? pick(HOSTILE, rnd) : pick(words, rnd));
                case 3 -> out.writeBytes(pick(HOSTILE, rnd));
                case 4 -> out.write('\n');
                default -> {
                    byte[] noise = new byte[rnd.nextInt(12)];
                    rnd.nextBytes(noise);
                    out.writeBytes(noise);
                }
            }
        }
        return out.toByteArray();
    }

    private static byte[] once(byte[] b, List<byte[]> words, Random rnd) {
        int at = rnd.nextInt(b.length + 1);
        // the costly ones (inputs of up to MAX_INPUT) one time in 128, so that a million inputs take minutes
        boolean big = rnd.nextInt(128) == 0;
        switch (rnd.nextInt(14)) {
            case 0: { // a bit flipped
                if (b.length == 0) {
                    return b;
                }
                byte[] c = b.clone();
                int i = rnd.nextInt(c.length);
                c[i] ^= (byte) (1 << rnd.nextInt(8));
                return c;
            }
            case 1: { // a byte replaced, often by one that is not UTF-8 on its own
                if (b.length == 0) {
                    return b;
                }
                byte[] c = b.clone();
                c[rnd.nextInt(c.length)] = rnd.nextBoolean() ? LONE_BYTES[rnd.nextInt(LONE_BYTES.length)] : (byte) rnd.nextInt(256);
                return c;
            }
            case 2:
                return insert(b, at, pick(HOSTILE, rnd));
            case 3:
                return words.isEmpty() ? insert(b, at, pick(HOSTILE, rnd)) : insert(b, at, pick(words, rnd));
            case 4:
                return replaceNumber(b, rnd);
            case 5: // truncated
                return Arrays.copyOf(b, at);
            case 6: { // a slice deleted
                int to = Math.min(b.length, at + 1 + rnd.nextInt(64));
                return splice(b, at, to, new byte[0]);
            }
            case 7: { // a slice duplicated in place
                int to = Math.min(b.length, at + 1 + rnd.nextInt(256));
                return insert(b, to, repeat(Arrays.copyOfRange(b, at, to), big ? 1 + rnd.nextInt(4096) : 1));
            }
            case 8: // a run of lines (a section, a frame) duplicated, perhaps many times
                return duplicateLines(b, big, rnd);
            case 9: // a very long line or value
                return insert(b, at, repeat(pick(utf8("A", "9", " ", "\t", "-", "0", "[", "\u00e9"), rnd),
                        1 + rnd.nextInt(big ? 65_536 : 100)));
            case 10: // nesting, for the readers that recurse
                return insert(b, at, repeat(pick(utf8("[", "{\"a\":", "[{\"b\":", "("), rnd), 1 + rnd.nextInt(big ? 20_000 : 50)));
            case 11:
                return swapLines(b, rnd);
            case 12: { // a line cut out
                List<int[]> lines = lines(b);
                int[] l = lines.get(rnd.nextInt(lines.size()));
                return splice(b, l[0], l[1], new byte[0]);
            }
            default: { // a word repeated: "x x x"
                byte[] w = words.isEmpty() ? pick(HOSTILE, rnd) : pick(words, rnd);
                return insert(b, at, repeat(w, 1 + rnd.nextInt(big ? 4096 : 8)));
            }
        }
    }

    /** The first run of digits after a random point, replaced by a number at some edge. */
    private static byte[] replaceNumber(byte[] b, Random rnd) {
        int from = b.length == 0 ? 0 : rnd.nextInt(b.length);
        int start = -1;
        for (int i = from; i < b.length; i++) {
            if (b[i] >= '0' && b[i] <= '9') {
                start = i;
                break;
            }
        }
        if (start < 0) {
            return insert(b, from, pick(HOSTILE, rnd));
        }
        int end = start;
        while (end < b.length && b[end] >= '0' && b[end] <= '9') {
            end++;
        }
        byte[] number = pick(utf8("-1", "0", "2147483648", "4294967296", "9223372036854775808", "18446744073709551616",
                "99999999999999999999999999", "65536", "1000000", "100000000", "255", "256", "1e309", "007", "0x10"), rnd);
        return splice(b, start, end, number);
    }

    private static byte[] duplicateLines(byte[] b, boolean big, Random rnd) {
        List<int[]> lines = lines(b);
        int first = rnd.nextInt(lines.size());
        int last = Math.min(lines.size() - 1, first + rnd.nextInt(12));
        byte[] run = Arrays.copyOfRange(b, lines.get(first)[0], lines.get(last)[1]);
        int times = big ? 1 + rnd.nextInt(Math.max(1, MAX_INPUT / Math.max(1, run.length))) : 1;
        return insert(b, lines.get(last)[1], repeat(run, Math.min(times, 4096)));
    }

    private static byte[] swapLines(byte[] b, Random rnd) {
        List<int[]> lines = lines(b);
        if (lines.size() < 2) {
            return b;
        }
        int i = rnd.nextInt(lines.size() - 1);
        int[] x = lines.get(i);
        int[] y = lines.get(i + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
        out.write(b, 0, x[0]);
        out.write(b, y[0], y[1] - y[0]);
        out.write(b, x[0], x[1] - x[0]);
        out.write(b, y[1], b.length - y[1]);
        return out.toByteArray();
    }

    /** Each line as [start, end after its newline]; an empty input is one empty line. */
    private static List<int[]> lines(byte[] b) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                out.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        if (start < b.length || out.isEmpty()) {
            out.add(new int[] {start, b.length});
        }
        return out;
    }

    private static byte[] randomLine(byte[] seed, Random rnd) {
        List<int[]> lines = lines(seed);
        int[] l = lines.get(rnd.nextInt(lines.size()));
        return Arrays.copyOfRange(seed, l[0], l[1]);
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        return splice(b, at, at, what);
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] what) {
        int len = Math.min(MAX_INPUT, b.length - (to - from) + what.length);
        byte[] out = new byte[len];
        System.arraycopy(b, 0, out, 0, Math.min(from, len));
        int w = Math.min(what.length, len - from);
        if (w > 0) {
            System.arraycopy(what, 0, out, from, w);
        }
        int rest = Math.min(b.length - to, len - from - Math.max(w, 0));
        if (rest > 0) {
            System.arraycopy(b, to, out, from + w, rest);
        }
        return out;
    }

    private static byte[] repeat(byte[] w, int times) {
        int n = Math.min(times, MAX_INPUT / Math.max(1, w.length));
        byte[] out = new byte[w.length * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(w, 0, out, i * w.length, w.length);
        }
        return out;
    }

    private static byte[] pick(List<byte[]> from, Random rnd) {
        return from.get(rnd.nextInt(from.size()));
    }

    /** Words as UTF-8 bytes. */
    public static List<byte[]> utf8(String... words) {
        return Arrays.stream(words).map(w -> w.getBytes(StandardCharsets.UTF_8)).toList();
    }
}
