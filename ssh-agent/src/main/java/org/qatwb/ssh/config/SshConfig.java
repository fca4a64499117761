package org.qatwb.ssh.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.qatwb.model.parse.Snippet;

/**
 * An OpenSSH client configuration file ({@code ~/.ssh/config}) read for the keywords qatwb uses;
 * see the package documentation for what is supported and how {@code Match} is treated.
 */
public final class SshConfig {

    /** OpenSSH's own limit on nested {@code Include}s. */
    private static final int MAX_INCLUDE_DEPTH = 16;

    private final List<ConfigEntry> entries;
    private final List<String> warnings;

    private SshConfig(List<ConfigEntry> entries, List<String> warnings) {
        this.entries = List.copyOf(entries);
        this.warnings = List.copyOf(warnings);
    }

    /** A configuration that sets nothing. */
    public static SshConfig empty() {
        return new SshConfig(List.of(), List.of());
    }

    /**
     * Reads {@code file} and what it includes; a missing file is an empty configuration, as for ssh.
     *
     * @param sshDir where relative {@code Include} paths point ({@code ~/.ssh})
     * @param home what {@code ~} means in {@code Include} paths
     */
    public static SshConfig read(Path file, Path sshDir, Path home) throws SshConfigException {
        List<ConfigEntry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        new Reader(sshDir, home, entries, warnings).readFile(file, List.of(), 0);
        return new SshConfig(entries, warnings);
    }

    /** Reads the user's own configuration, {@code ~/.ssh/config}. */
    public static SshConfig read(SshEnvironment env) throws SshConfigException {
        return read(env.sshDir().resolve("config"), env.sshDir(), env.home());
    }

    /** Things ssh would do that qatwb does not (skipped {@code Match} blocks), one line each. */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The host names a user can pick from: every literal pattern of a {@code Host} line (no
     * wildcard, not negated), in file order, each once. What a Connect dialog offers.
     */
    public List<String> hostAliases() {
        LinkedHashSet<String> aliases = new LinkedHashSet<>();
        for (ConfigEntry e : entries) {
            for (BlockCondition c : e.conditions()) {
                if (c instanceof BlockCondition.HostBlock h) {
                    for (String p : h.patterns()) {
                        if (!p.isEmpty() && p.chars().noneMatch(ch -> ch == '*' || ch == '?' || ch == '!')) {
                            aliases.add(p);
                        }
                    }
                }
            }
        }
        return List.copyOf(aliases);
    }

    /**
     * The settings for {@code host}, the name given on the command line (an alias or a real name):
     * the first value of each keyword among the lines whose blocks match it.
     */
    public HostSettings settingsFor(String host) {
        Optional<ConfigValue> hostName = Optional.empty();
        Optional<ConfigValue> port = Optional.empty();
        Optional<ConfigValue> user = Optional.empty();
        List<ConfigValue> identities = new ArrayList<>();
        for (ConfigEntry e : entries) {
            if (!e.appliesTo(host)) {
                continue;
            }
            switch (e.keyword()) {
                case "hostname" -> hostName = hostName.or(() -> Optional.of(e.firstArg()));
                case "port" -> port = port.or(() -> Optional.of(e.firstArg()));
                case "user" -> user = user.or(() -> Optional.of(e.firstArg()));
                case "identityfile" -> identities.add(e.firstArg());
                default -> {
                    // read for completeness, not used by qatwb
                }
            }
        }
        return new HostSettings(hostName, port, user, identities);
    }

    /** Reads files into flat entries, each carrying the blocks it depends on. */
    private record Reader(Path sshDir, Path home, List<ConfigEntry> entries, List<String> warnings) {

        void readFile(Path file, List<BlockCondition> outer, int depth) throws SshConfigException {
            List<String> lines;
            try {
                lines = List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1));
            } catch (NoSuchFileException e) {
                // no ~/.ssh/config is an empty one; an included file that vanished after the glob matched
                // it is as if it had never matched
                return;
            } catch (IOException e) {
                throw new SshConfigException(file, "cannot read: " + Snippet.failure(e), e);
            }
            BlockCondition block = null;
            for (int i = 0; i < lines.size(); i++) {
                int lineNo = i + 1;
                List<String> words;
                try {
                    words = ConfigLineSplitter.split(lines.get(i));
                } catch (IllegalArgumentException e) {
                    throw new SshConfigException(file, lineNo, e.getMessage());
                }
                if (words.isEmpty()) {
                    continue;
                }
                String keyword = words.get(0).toLowerCase(Locale.ROOT);
                List<String> args = words.subList(1, words.size());
                switch (keyword) {
                    case "host" -> {
                        if (args.isEmpty()) {
                            throw new SshConfigException(file, lineNo, "Host needs at least one pattern");
                        }
                        block = new BlockCondition.HostBlock(args);
                    }
                    case "match" -> {
                        block = new BlockCondition.MatchBlock(String.join(" ", args));
                        warnings.add(file + ":" + lineNo + ": Match blocks are not evaluated by qatwb;"
                                + " the settings in this block are ignored");
                    }
                    case "include" -> {
                        if (args.isEmpty()) {
                            throw new SshConfigException(file, lineNo, "Include needs a file name");
                        }
                        if (depth + 1 > MAX_INCLUDE_DEPTH) {
                            throw new SshConfigException(file, lineNo,
                                    "Include nested deeper than " + MAX_INCLUDE_DEPTH + " (a loop?)");
                        }
                        List<BlockCondition> inner = new ArrayList<>(outer);
                        if (block != null) {
                            inner.add(block);
                        }
                        for (String arg : args) {
                            for (Path included : includedFiles(arg, file, lineNo)) {
                                readFile(included, inner, depth + 1);
                            }
                        }
                    }
                    default -> {
                        if (args.isEmpty()) {
                            throw new SshConfigException(file, lineNo, words.get(0) + " needs a value");
                        }
                        if (keyword.equals("port")) {
                            checkPort(args.get(0), file, lineNo);
                        }
                        List<BlockCondition> conditions = new ArrayList<>(outer);
                        if (block != null) {
                            conditions.add(block);
                        }
                        entries.add(new ConfigEntry(keyword, args, file, lineNo, conditions));
                    }
                }
            }
        }

        private List<Path> includedFiles(String arg, Path file, int lineNo) throws SshConfigException {
            String expanded;
            try {
                expanded = ConfigTokens.expandTilde(arg, home);
            } catch (IllegalArgumentException e) {
                throw new SshConfigException(file, lineNo, e.getMessage());
            }
            Path pattern = Path.of(expanded);
            if (!pattern.isAbsolute()) {
                pattern = sshDir.resolve(pattern);
            }
            try {
                return IncludeGlob.expand(pattern);
            } catch (IOException e) {
                throw new SshConfigException(file, lineNo, "cannot expand Include " + arg + ": " + Snippet.failure(e));
            }
        }

        private static void checkPort(String value, Path file, int lineNo) throws SshConfigException {
            if (ConnectionSpec.parsePort(value) < 0) {
                throw new SshConfigException(file, lineNo, "bad port '" + value + "' (1..65535)");
            }
        }
    }
}
