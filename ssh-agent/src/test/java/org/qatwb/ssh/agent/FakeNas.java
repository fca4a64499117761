package org.qatwb.ssh.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A NAS faked in a temporary directory, as docs/agent-protocol.md says a simulated NAS must look:
 * a root tree for {@code QATWB_ROOT}, and a directory of stand-in tools (tiny sh scripts) ahead of
 * a directory that holds only the basic utilities the agent needs, so that every tool this NAS
 * lacks is really absent.
 */
final class FakeNas {

    /**
     * What the agent itself runs besides the stand-ins (item_run's tee it takes from the system's
     * default path); persist-params writes its unit with mktemp, tee, chmod and mv (rm on failure).
     */
    private static final List<String> BASICS = List.of("cat", "head", "wc", "grep", "tail", "sleep", "id", "find", "ls", "sh",
            "true", "mktemp", "tee", "chmod", "mv", "rm",
            // a transaction's: decode and check the files, back them up, sync, detach the worker, df
            "base64", "sha256sum", "cp", "mkdir", "sync", "setsid", "df", "tr", "ln", "sort", "rmdir",
            // (ln also makes the boot check unit's link, as 'systemctl enable' does)
            // the QAT lines of /proc/interrupts
            "awk",
            // the kernels: zfs.ko's .modinfo strings (tr, cut), the /boot/vmlinuz link, modinfo's fields
            "cut", "readlink", "sed");

    final Path root;
    final Path tools;
    final Path basics;
    final Path tmp;

    FakeNas(Path dir) {
        root = dir.resolve("root");
        tools = dir.resolve("tools");
        basics = dir.resolve("basics");
        tmp = dir.resolve("tmp");
        try {
            Files.createDirectories(root);
            Files.createDirectories(tools);
            Files.createDirectories(basics);
            Files.createDirectories(tmp);
            for (String b : BASICS) {
                Files.createSymbolicLink(basics.resolve(b), which(b));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path which(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException(program + " is not installed: the agent tests need it");
    }

    /**
     * Replaces the basic utilities with busybox's applets (a NAS without coreutils): busybox's
     * {@code head} reads ahead, its {@code sleep} must take fractions, its {@code find} must know
     * {@code -maxdepth}. {@code sh} stays the system's.
     */
    FakeNas withBusyboxUtilities(Path busybox) {
        try {
            for (String b : BASICS) {
                if (!b.equals("sh")) {
                    Files.delete(basics.resolve(b));
                    Files.createSymbolicLink(basics.resolve(b), busybox);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * {@code sh} on this NAS's PATH is {@code shell}: a transaction's worker and timer run under the
     * shell found there, as on a NAS they run under the one the client's {@code sh -s} found.
     */
    FakeNas withShell(Shell shell) {
        try {
            // a link named sh: busybox runs the applet its name says, bash runs as a POSIX sh
            Files.delete(basics.resolve("sh"));
            Files.createSymbolicLink(basics.resolve("sh"), shell.assumeInstalled());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A file under the root, e.g. {@code etc/c6xx_dev0.conf}. */
    FakeNas file(String path, byte[] content) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    FakeNas file(String path, String content) {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A symbolic link under the root, e.g. the one {@code systemctl enable} makes (it may dangle). */
    FakeNas link(String path, String target) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.createSymbolicLink(p, Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path path(String path) {
        return root.resolve(path);
    }

    /** A stand-in tool: {@code body} runs under /bin/sh with the tool's arguments. */
    FakeNas tool(String name, String body) {
        try {
            Path p = tools.resolve(name);
            Files.writeString(p, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A stand-in that prints {@code output} (stored beside it) when called with exactly {@code args}. */
    FakeNas toolPrinting(String name, String args, String output) {
        try {
            Path data = tools.resolve("." + name + ".out");
            Files.writeString(data, output);
            return tool(name, "[ \"$*\" = " + ShellQuote.quote(args) + " ] || { echo \"" + name
                    + ": unexpected arguments: $*\" >&2; exit 64; }\nexec cat " + ShellQuote.quote(data.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PATH for the agent: the stand-ins, then the basics; nothing else of the system. */
    String path() {
        return tools + ":" + basics;
    }
}
