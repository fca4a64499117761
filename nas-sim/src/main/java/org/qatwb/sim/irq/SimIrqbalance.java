package org.qatwb.sim.irq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.qatwb.sim.request.Response;
import org.qatwb.sim.tree.AtomicFiles;

/**
 * A stand-in for the irqbalance daemon, as far as QAT's VF interrupts see it (irqbalance's own
 * source, github.com/Irqbalance/irqbalance): every {@link #INTERVAL_NANOS} of simulated time it
 * moves each QAT VF interrupt it has not banned to another CPU (the real one moves by load across
 * cache domains; here each moves one CPU on, so a test sees that it moved). At start it reads
 * {@code IRQBALANCE_ARGS} from {@code etc/default/irqbalance}, as the upstream unit passes it
 * ({@code ExecStart=/usr/sbin/irqbalance $IRQBALANCE_ARGS}), and for each IRQ it finds runs the
 * {@code --policyscript} as {@code SCRIPT DEVPATH IRQ} with the real {@code /bin/sh}, banning an IRQ
 * whose script printed {@code ban=true} (classify.c: add_new_irq, get_irq_user_policy,
 * run_script_for_policy, parse_user_policy_key: a non-zero exit discards the policy). An IRQ is
 * classified once, when first seen (irqbalance adds it to its database once); a restart forgets
 * everything, which is why a changed script needs one. Written independently of the product's
 * reading of the file ({@code model.etc.IrqbalanceArgs}). Not thread-safe: the machine calls it
 * under its lock.
 */
public final class SimIrqbalance {

    /** irqbalance's default interval, 10 s (irqbalance.c, sleep_interval). */
    public static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    static final String ENV_FILE = "etc/default/irqbalance";
    static final String DEFAULT_ENV = "# irqbalance's environment file (simulated NAS)\nIRQBALANCE_ARGS=\"\"\n";

    private final Path root;
    private final Path stateFile;
    private final Map<String, String> env;
    private final SimInterrupts irqs;
    private final int cpus;
    private final Map<Integer, Boolean> banned = new HashMap<>();
    private boolean active;
    private long sinceLast;
    private Optional<String> policyScript = Optional.empty();

    /**
     * @param root      the NAS's root
     * @param stateFile where {@code systemctl is-active irqbalance} reads the state word
     * @param env       the exec environment, for the policy script ({@code QATWB_ROOT})
     * @param irqs      the kernel's QAT interrupts
     * @param cpus      online CPUs
     */
    public SimIrqbalance(Path root, Path stateFile, Map<String, String> env, SimInterrupts irqs, int cpus) {
        this.root = root;
        this.stateFile = stateFile;
        this.env = Map.copyOf(env);
        this.irqs = irqs;
        this.cpus = cpus;
    }

    /** Installs it (its environment file, as a package would, when missing) and starts it. */
    public void install() {
        Path file = root.resolve(ENV_FILE);
        if (!Files.exists(file)) {
            AtomicFiles.write(file, DEFAULT_ENV);
        }
        start();
    }

    /** {@code systemctl start|stop|restart irqbalance}. */
    public Response systemctl(String verb) {
        switch (verb) {
            case "stop" -> stop();
            case "start" -> {
                if (!active) {
                    start();
                }
            }
            default -> {
                stop();
                start();
            }
        }
        return Response.ok("");
    }

    public boolean active() {
        return active;
    }

    private void start() {
        active = true;
        banned.clear();
        sinceLast = 0;
        policyScript = readPolicyScript();
        AtomicFiles.write(stateFile, "active\n");
    }

    private void stop() {
        active = false;
        banned.clear();
        AtomicFiles.write(stateFile, "inactive\n");
    }

    /** Time passes: a rebalance at every interval. */
    public void step(long nanos) {
        if (!active) {
            return;
        }
        sinceLast += nanos;
        while (sinceLast >= INTERVAL_NANOS) {
            sinceLast -= INTERVAL_NANOS;
            rebalance();
        }
    }

    /** The machine powered off: the daemon starts again with the next boot, forgetting its database. */
    public void reboot() {
        if (active) {
            start();
        }
    }

    private void rebalance() {
        List<SimIrq> vfs = irqs.irqs().stream().filter(i -> i.name().startsWith("qat_")).toList();
        banned.keySet().retainAll(irqs.irqs().stream().map(SimIrq::number).toList());
        for (SimIrq i : vfs) {
            if (banned.computeIfAbsent(i.number(), this::bannedByPolicy)) {
                continue;
            }
            irqs.writeAffinity(i.number(), Integer.toString((i.effective() + 1) % cpus));
        }
    }

    /** The last IRQBALANCE_ARGS line's {@code --policyscript=PATH} (or {@code -l PATH}), read the simple way. */
    private Optional<String> readPolicyScript() {
        Path file = root.resolve(ENV_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String args = null;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("IRQBALANCE_ARGS=")) {
                    args = line.substring("IRQBALANCE_ARGS=".length()).replace("\"", "").replace("'", "");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (args == null) {
            return Optional.empty();
        }
        String[] words = args.trim().split("\\s+");
        Optional<String> script = Optional.empty();
        for (int k = 0; k < words.length; k++) {
            if (words[k].startsWith("--policyscript=")) {
                script = Optional.of(words[k].substring("--policyscript=".length()));
            } else if (words[k].equals("-l") && k + 1 < words.length) {
                script = Optional.of(words[++k]);
            }
        }
        return script;
    }

    private boolean bannedByPolicy(int irq) {
        if (policyScript.isEmpty()) {
            return false;
        }
        Path script = root.resolve(policyScript.get().replaceFirst("^/+", ""));
        if (!Files.isRegularFile(script)) {
            return false;
        }
        try {
            ProcessBuilder pb = new ProcessBuilder("/bin/sh", script.toString(), "/sys", Integer.toString(irq))
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            if (p.exitValue() != 0) {
                return false;
            }
            return out.lines().anyMatch(l -> l.toLowerCase(Locale.ROOT).equals("ban=true"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
