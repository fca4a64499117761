package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.qatwb.app.cli.json.IrqJson;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.app.cli.json.SnapshotJson;
import org.qatwb.model.irq.IrqRateTracker;
import org.qatwb.model.irq.IrqRates;
import org.qatwb.model.kstat.CounterRates;
import org.qatwb.model.kstat.RateTracker;
import org.qatwb.model.snapshot.StreamSample;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.ReconnectingStream;
import org.qatwb.ssh.StreamState;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qatwb watch CONNECTION}: the QAT counters and their rates, one JSON line per interval. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Stream the QAT counters of a NAS, one JSON line per interval, with per-second rates.",
                "Rates are null on the first line and after a counter reset. Reconnects by itself."},
        footer = {"", "Exit status: 0 after --count lines or Ctrl-C, 2 usage error, 3 cannot reach or trust the NAS."})
final class WatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin connection;

    @Option(names = "--interval", defaultValue = "1000", paramLabel = "MS", description = "milliseconds between lines")
    int interval;

    @Option(names = "--count", paramLabel = "N", description = "stop after N lines (default: until Ctrl-C)")
    Integer count;

    @Override
    public Integer call() throws InterruptedException {
        if (interval < AgentCommand.Stream.MIN_INTERVAL_MS || interval > AgentCommand.Stream.MAX_INTERVAL_MS) {
            throw new CliException(ExitCodes.USAGE, "--interval must be " + AgentCommand.Stream.MIN_INTERVAL_MS + ".."
                    + AgentCommand.Stream.MAX_INTERVAL_MS + " ms, not " + interval);
        }
        if (count != null && count < 1) {
            throw new CliException(ExitCodes.USAGE, "--count must be at least 1, not " + count);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CountDownLatch done = new CountDownLatch(1);
        AtomicInteger printed = new AtomicInteger();
        AtomicReference<CliException> failure = new AtomicReference<>();
        RateTracker rates = new RateTracker();
        IrqRateTracker irqRates = new IrqRateTracker();
        try (NasSession session = connection.connect()) {
            AgentClient client = new AgentClient(session, connection.sudo);
            ReconnectingStream stream = client.stream(interval, sample -> {
                synchronized (out) {
                    if (done.getCount() == 0) {
                        return;
                    }
                    Optional<CounterRates> r = rate(rates, sample);
                    String time = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
                    ObjectNode line = SnapshotJson.watchLine(time, sample.kstat(), r, rates.rowRates());
                    line.set("interruptRates", IrqJson.rates(irqRate(irqRates, sample)));
                    JsonOut.printLine(out, line);
                    if (count != null && printed.incrementAndGet() >= count) {
                        done.countDown();
                    }
                }
            }, state -> {
                if (state instanceof StreamState.Lost lost) {
                    err.println("qatwb: connection lost (" + lost.reason() + ")");
                } else if (state instanceof StreamState.Retrying r) {
                    err.println("qatwb: reconnecting in " + r.delay().toMillis() + " ms (attempt " + r.attempt() + ")");
                } else if (state instanceof StreamState.Failed f) {
                    failure.set(NasCommands.unreachable(f.cause()));
                    done.countDown();
                }
                err.flush();
            });
            Runtime.getRuntime().addShutdownHook(new Thread(done::countDown, "qatwb-watch-stop"));
            try {
                done.await();
            } finally {
                stream.close();
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return ExitCodes.OK;
    }

    /** QAT interrupts per second by CPU, on the NAS's clock; a tick without the lines starts afresh. */
    private static Optional<IrqRates> irqRate(IrqRateTracker rates, StreamSample sample) {
        if (sample.interrupts().isEmpty() || sample.uptimeNanos().isEmpty()) {
            rates.reset();
            return Optional.empty();
        }
        return rates.next(sample.uptimeNanos().getAsLong(), sample.interrupts().get());
    }

    /** Rates from the NAS's own clock; a sample without the kstat starts the rates afresh. */
    private static Optional<CounterRates> rate(RateTracker rates, StreamSample sample) {
        if (sample.kstat().isEmpty() || sample.uptimeNanos().isEmpty()) {
            rates.reset();
            return Optional.empty();
        }
        return rates.next(sample.uptimeNanos().getAsLong(), sample.kstat().get());
    }
}
