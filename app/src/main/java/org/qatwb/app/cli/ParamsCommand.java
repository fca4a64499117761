package org.qatwb.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.app.cli.json.SnapshotJson;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.snapshot.ZfsParam;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;
import org.qatwb.ssh.agent.SetParamOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qatwb params CONNECTION [--compress on|off] ...}: ZFS's use of QAT, per kind of work. */
@Command(name = "params", mixinStandardHelpOptions = true,
        description = {"Show or set ZFS's QAT parameters (on: ZFS offloads that work to QAT, writes 0 to",
                "zfs_qat_*_disable). Prints the resulting values; null where ZFS has no such parameter."},
        footer = {"", "Exit status: 0 done, 1 the kernel or the NAS refused (EPERM: QAT initialisation failed),",
                "2 usage error, 3 cannot reach or trust the NAS.",
                "Checksum and encryption offload can trigger OpenZFS issue #14463 (requests pending,",
                "use-after-free under load); compression is not affected."})
final class ParamsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin connection;

    @Option(names = "--compress", paramLabel = "on|off", description = "QAT for gzip compression")
    String compress;

    @Option(names = "--checksum", paramLabel = "on|off", description = "QAT for SHA-256 checksums")
    String checksum;

    @Option(names = "--encrypt", paramLabel = "on|off", description = "QAT for AES-GCM encryption")
    String encrypt;

    @Override
    public Integer call() {
        Map<ZfsParam, Boolean> wanted = new LinkedHashMap<>();
        put(wanted, ZfsParam.COMPRESS, compress);
        put(wanted, ZfsParam.CHECKSUM, checksum);
        put(wanted, ZfsParam.ENCRYPT, encrypt);
        List<String> refusals = new ArrayList<>();
        try (NasSession session = connection.connect()) {
            AgentClient client = new AgentClient(session, connection.sudo);
            for (Map.Entry<ZfsParam, Boolean> w : wanted.entrySet()) {
                SetParamOutcome o = client.setParam(w.getKey(), !w.getValue());
                if (o.status() != ItemStatus.OK) {
                    refusals.add(explain(o));
                }
            }
            JsonOut.print(spec.commandLine().getOut(), SnapshotJson.params(client.snapshot().params()));
        } catch (NasConnectionException e) {
            throw NasCommands.unreachable(e);
        } catch (AgentFailure e) {
            throw NasCommands.agent(e);
        }
        for (String r : refusals) {
            spec.commandLine().getErr().println("qatwb: " + r);
        }
        return refusals.isEmpty() ? ExitCodes.OK : ExitCodes.INPUT;
    }

    private static void put(Map<ZfsParam, Boolean> wanted, ZfsParam p, String value) {
        if (value == null) {
            return;
        }
        switch (value) {
            case "on" -> wanted.put(p, true);
            case "off" -> wanted.put(p, false);
            default -> throw new CliException(ExitCodes.USAGE, "--" + p.shortName() + " takes on or off, not '"
                    + value + "'");
        }
    }

    /** One line per refusal, saying what the kernel or the NAS meant and what to check. */
    static String explain(SetParamOutcome o) {
        String name = o.param().sysfsName();
        return switch (o.status()) {
            case EPERM -> name + ": the kernel refused (EPERM): QAT initialisation failed. Check that qat.service is"
                    + " up with its devices (adf_ctl status), that ENABLE_KAPI=1 is in /etc/default/qat, and that the"
                    + " conf files have [KERNEL_QAT] instances with IsPolled = 0";
            case ABSENT -> name + ": no such parameter: this ZFS is built without QAT (zfs.ko needs --with-qat)";
            case DENIED -> name + ": not allowed: " + (o.message().isEmpty() ? "run as root or with --sudo" : o.message());
            default -> name + ": the write failed: " + o.message();
        };
    }
}
