package org.qatwb.model.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.parse.Warnings;

/**
 * Reads the agent's kernel items into {@link KernelBuilds} (docs/agent-protocol.md, item
 * {@code kernels}: one fact per line, {@code KIND KERNEL ...}). Never fails: a line it cannot read
 * is a warning and is left out, a kind it does not know is skipped (a newer agent may send more).
 */
public final class KernelsParser {

    /** More lines than the agent ever sends (16 kernels of about 70 lines, 32 DKMS modules). */
    static final int MAX_LINES = 8192;
    static final int MAX_KERNELS = 16;
    private static final String RELEASE = "[A-Za-z0-9._+~-]{1,128}";
    private static final String PATH = "[A-Za-z0-9/._+~-]{1,512}";

    private KernelsParser() {
    }

    /**
     * @param kernels    the {@code kernels} item's text
     * @param grubEnv    {@code grub_env}: /boot/grub/grubenv
     * @param grubCfg    {@code grub_cfg}: the lines of grub.cfg that decide the default
     * @param loaderConf {@code loader_conf}: systemd-boot's loader.conf
     */
    public static KernelBuilds parse(String kernels, Optional<String> grubEnv, Optional<String> grubCfg,
            Optional<String> loaderConf) {
        Warnings<String> warnings = new Warnings<>();
        Optional<String> running = Optional.empty();
        Optional<String> srcversion = Optional.empty();
        Map<String, KernelBuilder> byRelease = new LinkedHashMap<>();
        List<String> hooks = new ArrayList<>();
        List<DkmsEntry> dkms = new ArrayList<>();
        Optional<String> link = Optional.empty();
        List<String> lines = kernels.lines().limit(MAX_LINES + 1L).toList();
        if (lines.size() > MAX_LINES) {
            warnings.add("line " + (MAX_LINES + 1) + ": more than " + MAX_LINES + " lines; the rest is not read");
            lines = lines.subList(0, MAX_LINES);
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            String[] w = l.strip().split(" +");
            String kind = w[0];
            String bad = null;
            switch (kind) {
                case "running" -> {
                    if (w.length == 2 && w[1].matches(RELEASE)) {
                        running = Optional.of(w[1]);
                    } else {
                        bad = "expected 'running RELEASE'";
                    }
                }
                case "loaded" -> {
                    if (w.length == 2 && w[1].matches("srcversion=[A-Za-z0-9]{1,64}")) {
                        srcversion = Optional.of(w[1].substring("srcversion=".length()));
                    } else {
                        bad = "expected 'loaded srcversion=HEX'";
                    }
                }
                case "kernel" -> {
                    if (w.length != 2 || !w[1].matches(RELEASE)) {
                        bad = "expected 'kernel RELEASE'";
                    } else if (byRelease.size() >= MAX_KERNELS && !byRelease.containsKey(w[1])) {
                        bad = "more than " + MAX_KERNELS + " kernels; this one is not read";
                    } else {
                        byRelease.putIfAbsent(w[1], new KernelBuilder(w[1]));
                    }
                }
                case "vmlinuz", "dep", "modinfo", "initrd", "newer" -> bad = kernelFact(kind, w, l, byRelease);
                case "link" -> {
                    if (w.length == 2 && w[1].matches(RELEASE)) {
                        link = Optional.of(w[1]);
                    } else {
                        bad = "expected 'link RELEASE'";
                    }
                }
                case "hook" -> {
                    if (w.length == 3 && w[1].matches("initramfs-tools|dracut") && w[2].matches(PATH)) {
                        hooks.add(w[1]);
                    } else {
                        bad = "expected 'hook initramfs-tools|dracut PATH'";
                    }
                }
                case "dkms" -> {
                    Optional<DkmsEntry> d = dkms(w);
                    if (d.isPresent()) {
                        dkms.add(d.get());
                    } else {
                        bad = "expected 'dkms MODULE VERSION KERNEL ARCH added|built|installed'";
                    }
                }
                default -> {
                    // a kind a newer agent sends: not ours to judge
                }
            }
            if (bad != null) {
                warnings.add("line " + (i + 1) + ": " + bad + ": " + Snippet.quote(l));
            }
        }
        List<InstalledKernel> installed = byRelease.values().stream().map(KernelBuilder::build).toList();
        Optional<GrubMenu> menu = grubCfg.map(GrubMenu::parse);
        Optional<NextBoot> next = nextBoot(installed, grubEnv, menu, loaderConf, link);
        Map<String, String> entries = new HashMap<>();
        menu.ifPresent(m -> installed.forEach(k -> m.pathTo(k.release())
                .ifPresent(p -> entries.put(k.release(), Snippet.oneLine(p)))));
        return new KernelBuilds(running, srcversion, installed, next, hooks.stream().distinct().toList(), dkms,
                entries, warnings.lines(s -> s));
    }

    private static String kernelFact(String kind, String[] w, String line, Map<String, KernelBuilder> byRelease) {
        if (w.length < 3) {
            return "expected '" + kind + " RELEASE ...'";
        }
        KernelBuilder k = byRelease.get(w[1]);
        if (k == null) {
            return "a fact of a kernel not listed before it";
        }
        switch (kind) {
            case "vmlinuz" -> {
                if (w.length != 3 || !w[2].matches(PATH)) {
                    return "expected 'vmlinuz RELEASE PATH'";
                }
                k.image = Optional.of(w[2]);
            }
            case "initrd" -> {
                if (w.length != 3 || !w[2].matches(PATH)) {
                    return "expected 'initrd RELEASE PATH'";
                }
                k.initramfs = Optional.of(w[2]);
            }
            case "newer" -> {
                if (w.length != 3 || !w[2].matches(PATH)) {
                    return "expected 'newer RELEASE FILE'";
                }
                k.newer.add(w[2]);
            }
            case "dep" -> {
                // "dep RELEASE PATH: DEP..." as depmod writes the line
                String rest = line.strip().substring(("dep " + w[1]).length()).strip();
                int colon = rest.indexOf(':');
                if (colon <= 0) {
                    return "expected 'dep RELEASE PATH: [DEP...]'";
                }
                String path = rest.substring(0, colon);
                List<String> deps = Arrays.stream(rest.substring(colon + 1).strip().split(" +"))
                        .filter(s -> !s.isEmpty()).toList();
                if (!path.matches(PATH) || deps.size() > 64 || !deps.stream().allMatch(d -> d.matches(PATH))) {
                    return "not a modules.dep line";
                }
                if (k.deps.size() < 64) {
                    k.deps.add(new ModuleDep(path, deps));
                }
            }
            case "modinfo" -> {
                String field = line.strip().substring(("modinfo " + w[1]).length()).strip();
                int eq = field.indexOf('=');
                if (eq <= 0) {
                    return "expected 'modinfo RELEASE KEY=VALUE'";
                }
                k.modinfo.putIfAbsent(field.substring(0, eq), field.substring(eq + 1).strip());
            }
            default -> throw new IllegalStateException(kind);
        }
        return null;
    }

    private static Optional<DkmsEntry> dkms(String[] w) {
        if (w.length != 6 || !w[1].matches(RELEASE) || !w[2].matches(RELEASE)) {
            return Optional.empty();
        }
        DkmsEntry.State state = switch (w[5]) {
            case "added" -> DkmsEntry.State.ADDED;
            case "built" -> DkmsEntry.State.BUILT;
            case "installed" -> DkmsEntry.State.INSTALLED;
            default -> null;
        };
        if (state == null) {
            return Optional.empty();
        }
        boolean added = state == DkmsEntry.State.ADDED;
        if (added != w[3].equals("-") || (!added && !(w[3].matches(RELEASE) && w[4].matches(RELEASE)))) {
            return Optional.empty();
        }
        return Optional.of(new DkmsEntry(w[1], w[2], added ? Optional.empty() : Optional.of(w[3]), state));
    }

    /** GRUB first, then systemd-boot's loader.conf, then Debian's /boot/vmlinuz link. */
    private static Optional<NextBoot> nextBoot(List<InstalledKernel> installed, Optional<String> grubEnv,
            Optional<GrubMenu> menu, Optional<String> loaderConf, Optional<String> link) {
        if (menu.isPresent()) {
            Optional<GrubMenu.Chosen> chosen = menu.get().chosen(grubEnv(grubEnv.orElse("")));
            if (chosen.isPresent() && chosen.get().entry().kernel().isPresent()) {
                GrubMenu.Chosen c = chosen.get();
                return Optional.of(new NextBoot(c.entry().kernel().get(),
                        c.once() ? NextBoot.Source.GRUB_NEXT_ENTRY : NextBoot.Source.GRUB_DEFAULT,
                        Snippet.oneLine(c.entry().title())));
            }
        }
        if (loaderConf.isPresent()) {
            for (String l : (Iterable<String>) loaderConf.get().lines().limit(256)::iterator) {
                String[] w = l.strip().split("\\s+", 2);
                if (w.length == 2 && w[0].equals("default")) {
                    // an entry id or glob: it names a kernel only where a release is part of it
                    for (InstalledKernel k : installed) {
                        if (w[1].contains(k.release())) {
                            return Optional.of(new NextBoot(k.release(), NextBoot.Source.SYSTEMD_BOOT,
                                    Snippet.oneLine(w[1])));
                        }
                    }
                }
            }
        }
        return link.map(k -> new NextBoot(k, NextBoot.Source.VMLINUZ_LINK, "/boot/vmlinuz"));
    }

    /**
     * grubenv as GRUB writes it (grub-core/lib/envblk.c): {@code NAME=VALUE} lines in a 1024-byte block
     * padded with {@code #}; a backslash escapes the next character.
     */
    static Map<String, String> grubEnv(String text) {
        Map<String, String> env = new HashMap<>();
        for (String l : (Iterable<String>) text.lines().limit(256)::iterator) {
            int eq = l.indexOf('=');
            if (l.startsWith("#") || eq <= 0) {
                continue;
            }
            StringBuilder v = new StringBuilder();
            String raw = l.substring(eq + 1);
            for (int i = 0; i < raw.length() && v.length() < 1024; i++) {
                char c = raw.charAt(i);
                if (c == '\\' && i + 1 < raw.length()) {
                    c = raw.charAt(++i);
                }
                v.append(c);
            }
            env.putIfAbsent(l.substring(0, eq), v.toString());
        }
        return env;
    }

    private static final class KernelBuilder {
        final String release;
        Optional<String> image = Optional.empty();
        Optional<String> initramfs = Optional.empty();
        final List<ModuleDep> deps = new ArrayList<>();
        final Map<String, String> modinfo = new LinkedHashMap<>();
        final List<String> newer = new ArrayList<>();

        KernelBuilder(String release) {
            this.release = release;
        }

        InstalledKernel build() {
            Optional<ModInfo> info = Optional.empty();
            if (modinfo.containsKey("depends") || modinfo.containsKey("vermagic")) {
                List<String> depends = Arrays.stream(modinfo.getOrDefault("depends", "").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList();
                Optional<String> vermagic = Optional.ofNullable(modinfo.get("vermagic"))
                        .map(v -> v.strip().split(" +")[0]).filter(v -> !v.isEmpty());
                info = Optional.of(new ModInfo(depends, vermagic, Optional.ofNullable(modinfo.get("srcversion"))));
            }
            return new InstalledKernel(release, image, deps, info, initramfs, newer.stream().distinct().toList());
        }
    }
}
