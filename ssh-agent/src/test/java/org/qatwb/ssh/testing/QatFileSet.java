package org.qatwb.ssh.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.qatwb.model.apply.ApplyMode;
import org.qatwb.model.apply.ApplyPaths;
import org.qatwb.model.apply.ApplyPlan;
import org.qatwb.model.apply.FileChange;

/**
 * The files an apply may write, as they are under a NAS's root (the driver's conf files,
 * {@code /etc/default/qat}, the VF blacklist), byte for byte: what the transaction tests compare
 * whole, before and after, so that a mix of old and new files shows. Plans are built from it the
 * way the layout compiler will: from the files as read, with some of them changed.
 *
 * @param files the bytes of each file by its path on the NAS, sorted
 */
public record QatFileSet(Map<String, byte[]> files) {

    public QatFileSet {
        files = new TreeMap<>(files);
    }

    /** Every such file under {@code root} now. */
    public static QatFileSet read(Path root) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> etc = Files.list(root.resolve("etc"))) {
            for (Path p : etc.filter(Files::isRegularFile).toList()) {
                String path = "/etc/" + p.getFileName();
                if (ApplyPaths.isWritable(path)) {
                    files.put(path, Files.readAllBytes(p));
                }
            }
            for (String extra : List.of(ApplyPaths.DEFAULT_QAT, ApplyPaths.BLACKLIST)) {
                Path p = root.resolve(extra.substring(1));
                if (Files.isRegularFile(p)) {
                    files.put(extra, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new QatFileSet(files);
    }

    public byte[] get(String path) {
        return Optional.ofNullable(files.get(path)).orElseThrow(() -> new IllegalArgumentException("no " + path)).clone();
    }

    /** This set with one file's text changed (a file that is not there starts empty). */
    public QatFileSet with(String path, UnaryOperator<String> edit) {
        Map<String, byte[]> m = new TreeMap<>(files);
        String old = files.containsKey(path) ? new String(files.get(path), StandardCharsets.ISO_8859_1) : "";
        m.put(path, edit.apply(old).getBytes(StandardCharsets.ISO_8859_1));
        return new QatFileSet(m);
    }

    /** Whether both hold the same paths with the same bytes. */
    public boolean sameAs(QatFileSet other) {
        return files.keySet().equals(other.files.keySet())
                && files.keySet().stream().allMatch(p -> Arrays.equals(files.get(p), other.files.get(p)));
    }

    /** The paths whose bytes differ (or that only one set has). */
    public List<String> differences(QatFileSet other) {
        List<String> d = new ArrayList<>();
        Set<String> all = new java.util.TreeSet<>(files.keySet());
        all.addAll(other.files.keySet());
        for (String p : all) {
            if (!Arrays.equals(files.get(p), other.files.get(p))) {
                d.add(p);
            }
        }
        return d;
    }

    /** A plan from this set (as read) to {@code target}: every file of the target, with its bytes before. */
    public ApplyPlan planTo(QatFileSet target, ApplyMode mode, Set<String> expectedUp, java.time.Duration confirm) {
        List<FileChange> changes = new ArrayList<>();
        target.files.forEach((p, bytes) -> changes.add(new FileChange(p, Optional.ofNullable(files.get(p)), bytes)));
        return new ApplyPlan(changes, mode, expectedUp, confirm);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QatFileSet s && sameAs(s);
    }

    @Override
    public int hashCode() {
        return files.keySet().hashCode();
    }

    @Override
    public String toString() {
        return "QatFileSet" + files.keySet();
    }
}
