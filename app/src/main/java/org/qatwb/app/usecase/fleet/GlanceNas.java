package org.qatwb.app.usecase.fleet;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.qatwb.app.settings.AuthMethod;
import org.qatwb.app.usecase.Diagnose;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.app.workbench.EmptyStates;
import org.qatwb.app.workbench.NasLink;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.app.workbench.Prompts;
import org.qatwb.model.adf.AdfStatus;
import org.qatwb.model.adf.DeviceState;
import org.qatwb.model.doctor.CheckResult;
import org.qatwb.model.doctor.CheckStatus;
import org.qatwb.model.doctor.DoctorReport;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.StreamSample;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.ssh.AuthenticationFailed;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.HostKeyChanged;
import org.qatwb.ssh.HostKeyRevoked;
import org.qatwb.ssh.HostKeyUnknown;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.ReconnectingStream;
import org.qatwb.ssh.StreamState;
import org.qatwb.ssh.Unreachable;
import org.qatwb.ssh.hostkey.HostKeyDecision;

/**
 * One quick look at one NAS for the fleet page: connect, read the snapshot and one tick of the
 * counters (for their uptime clock), close. It never asks anything: keys and the agent only, and
 * an unknown host key is refused, never written to known_hosts (the fleet runs unattended; trust
 * is given where the user opens the NAS). Blocks; never throws for the NAS, whose failure is a
 * {@link NasGlance.Unreached}.
 */
public final class GlanceNas {

    /** The agent's stream interval; its first tick comes at once, and the NAS-side loop ends within one interval of the close. */
    private static final int TICK_INTERVAL_MS = 1000;
    /** How long the counters' tick may take after the snapshot was read. */
    public static final Duration TICK_WAIT = Duration.ofSeconds(10);

    /** Refuses every host key question and answers no secret: the fleet never prompts. */
    private static final Prompts NEVER_ASK = new Prompts(key -> HostKeyDecision.REFUSE, Credentials.none());

    private final BuiltInSimulator simulators;
    private final Duration tickWait;

    public GlanceNas(BuiltInSimulator simulators) {
        this(simulators, TICK_WAIT);
    }

    public GlanceNas(BuiltInSimulator simulators, Duration tickWait) {
        this.simulators = Objects.requireNonNull(simulators, "simulators");
        this.tickWait = Objects.requireNonNull(tickWait, "tickWait");
    }

    public NasGlance glance(FleetEntry entry) {
        if (entry.target() instanceof NasTarget.Ssh ssh && ssh.connection().auth() == AuthMethod.PASSWORD) {
            // trying keys on an account that signs in with a password only adds failed logins to its log
            return new NasGlance.Unreached(entry.name(), NasGlance.Why.NEEDS_PASSWORD,
                    "signs in with a password, which the fleet never asks for: open it to sign in");
        }
        long start = System.nanoTime();
        try (NasLink link = NasLink.open(entry.target(), NEVER_ASK, simulators)) {
            NasSnapshot snapshot = link.snapshot();
            Optional<NasGlance.CounterSample> counters = tick(link);
            return seen(entry.name(), snapshot, counters, (System.nanoTime() - start) / 1e9);
        } catch (NasConnectionException e) {
            return unreached(entry.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NasGlance.Unreached(entry.name(), NasGlance.Why.FAILED, "the read was stopped");
        } catch (Exception e) {
            // an agent failure, a bad ssh_config entry, a simulator that did not start: one line, never a prompt
            return new NasGlance.Unreached(entry.name(), NasGlance.Why.FAILED, Snippet.failure(e));
        }
    }

    /** The first tick of the agent's stream: the kstat with the NAS's uptime, the clock of rates. */
    private Optional<NasGlance.CounterSample> tick(NasLink link) throws InterruptedException {
        BlockingQueue<StreamSample> samples = new LinkedBlockingQueue<>();
        AtomicReference<StreamState.Failed> failed = new AtomicReference<>();
        ReconnectingStream stream = link.stream(TICK_INTERVAL_MS, samples::add, state -> {
            if (state instanceof StreamState.Failed f) {
                failed.set(f);
            }
        });
        try {
            long deadline = System.nanoTime() + tickWait.toNanos();
            while (failed.get() == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                StreamSample s = samples.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
                if (s != null) {
                    return s.kstat().isPresent() && s.uptimeNanos().isPresent()
                            ? Optional.of(new NasGlance.CounterSample(s.uptimeNanos().getAsLong(), s.kstat().get()))
                            : Optional.empty();
                }
            }
            return Optional.empty();
        } finally {
            stream.close();
        }
    }

    static NasGlance.Seen seen(String name, NasSnapshot s, Optional<NasGlance.CounterSample> counters, double seconds) {
        OptionalInt up = s.devices().map(a -> OptionalInt.of(countUp(a))).orElse(OptionalInt.empty());
        OptionalInt total = s.devices().map(a -> OptionalInt.of(a.devices().size())).orElse(OptionalInt.empty());
        Map<ZfsParam, Boolean> offload = new EnumMap<>(ZfsParam.class);
        for (ZfsParam p : ZfsParam.values()) {
            s.param(p).ifPresent(v -> offload.put(p, v == 0));
        }
        return new NasGlance.Seen(name, up, total, offload, counters, verdict(Diagnose.examine(s)), seconds);
    }

    static NasGlance.DoctorVerdict verdict(DoctorReport report) {
        Map<CheckStatus, Integer> n = report.counts();
        return new NasGlance.DoctorVerdict(n.get(CheckStatus.FAIL), n.get(CheckStatus.WARN),
                EmptyStates.firstFailure(report).map(GlanceNas::failureLine));
    }

    /** "2. QAT kernel instances: message", numbered as the Doctor tab numbers its links. */
    private static String failureLine(CheckResult c) {
        return Snippet.oneLine(c.check().link().heading() + ": " + c.message());
    }

    private static int countUp(AdfStatus a) {
        return (int) a.devices().stream().filter(d -> d.state() == DeviceState.UP).count();
    }

    static NasGlance.Unreached unreached(String name, NasConnectionException e) {
        if (e instanceof HostKeyUnknown u) {
            String fp = u.key() == null ? "" : " (" + u.key().keyType() + " " + u.key().fingerprint() + ")";
            return new NasGlance.Unreached(name, NasGlance.Why.HOST_KEY_UNKNOWN,
                    "its host key" + fp + " is not in known_hosts: open it to check the fingerprint and trust it");
        }
        if (e instanceof HostKeyChanged || e instanceof HostKeyRevoked) {
            return new NasGlance.Unreached(name, NasGlance.Why.HOST_KEY_CHANGED, Snippet.failure(e));
        }
        if (e instanceof AuthenticationFailed) {
            return new NasGlance.Unreached(name, NasGlance.Why.NEEDS_PASSWORD,
                    "no key of the agent or the key file was accepted: open it to enter a password or passphrase ("
                            + Snippet.failure(e) + ")");
        }
        if (e instanceof Unreachable u) {
            NasGlance.Why why = switch (u.reason()) {
                case REFUSED -> NasGlance.Why.REFUSED;
                case TIMED_OUT, HANDSHAKE_TIMED_OUT -> NasGlance.Why.TIMED_OUT;
                default -> NasGlance.Why.UNREACHABLE;
            };
            return new NasGlance.Unreached(name, why, Snippet.failure(e));
        }
        return new NasGlance.Unreached(name, NasGlance.Why.FAILED, Snippet.failure(e));
    }
}
