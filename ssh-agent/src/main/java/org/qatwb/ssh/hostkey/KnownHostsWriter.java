package org.qatwb.ssh.hostkey;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Appends accepted host keys to a {@code known_hosts} file the way ssh does: a missing file is
 * created {@code 0600} (and missing directories {@code 0700}); existing lines are never rewritten.
 *
 * <p>Plain or hashed? A new line is hashed ({@code |1|salt|hash}, as OpenSSH's
 * {@code HashKnownHosts yes} writes) when the file already holds hashed entries: whoever hashed
 * the file did not want host names readable in it, and one plain line would give away what the
 * others hide. Otherwise it is plain {@code [host]:port}: OpenSSH's own default, and readable and
 * greppable by the administrator who has to check it. Either form is understood by ssh,
 * {@code ssh-keygen -F/-R} and this package.
 */
public final class KnownHostsWriter {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KnownHostsWriter() {
    }

    /**
     * Appends {@code name key} to {@code file}, hashed when the file already has hashed entries.
     *
     * @return the 1-based line number of the new entry
     */
    public static synchronized int append(Path file, String name, HostPublicKey key) throws IOException {
        boolean hashed = KnownHostsFile.read(file).hasHashedEntries();
        return append(file, name, key, hashed);
    }

    /** Appends {@code name key}, hashed or plain as asked; returns the new entry's line number. */
    public static synchronized int append(Path file, String name, HostPublicKey key, boolean hashed)
            throws IOException {
        createParents(file.toAbsolutePath().getParent());
        String host;
        if (hashed) {
            byte[] salt = new byte[20];
            RANDOM.nextBytes(salt);
            host = HostField.Hashed.format(salt, name);
        } else {
            host = name;
        }
        String line = host + " " + key.type() + " " + key.base64() + "\n";
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(file)) {
            try {
                if (posix) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // another writer created it first: append to theirs
            }
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = ch.lock()) {
            // the lock (advisory, held until the end of this block) keeps two qatwb processes that accept
            // at the same moment from interleaving their lines; ssh itself does not lock
            assert lock.isValid();
            long size = ch.size();
            byte[] existing = new byte[(int) Math.min(size, Integer.MAX_VALUE)];
            ch.read(ByteBuffer.wrap(existing), 0);
            String text = new String(existing, StandardCharsets.UTF_8);
            String prefix = !text.isEmpty() && !text.endsWith("\n") ? "\n" : "";
            ch.write(ByteBuffer.wrap((prefix + line).getBytes(StandardCharsets.UTF_8)), size);
            ch.force(false);
            return (int) (text + prefix).chars().filter(c -> c == '\n').count() + 1;
        }
    }

    private static void createParents(Path dir) throws IOException {
        if (dir == null || Files.isDirectory(dir)) {
            return;
        }
        List<Path> missing = new ArrayList<>();
        for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) {
            missing.add(0, d);
        }
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<Set<java.nio.file.attribute.PosixFilePermission>> rwx =
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        for (Path d : missing) {
            if (posix) {
                Files.createDirectory(d, rwx);
            } else {
                Files.createDirectory(d);
            }
        }
    }
}
