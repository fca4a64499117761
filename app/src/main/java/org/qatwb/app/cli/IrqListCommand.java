package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.qatwb.app.cli.json.IrqJson;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code qatwb irq list CONNECTION}: the QAT interrupts and the pins kept after a reboot. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"Print the QAT interrupts ({\"interrupts\": [...] or null when /proc/interrupts was not read) and the VF pins"
                + " qatwb's boot unit keeps ({\"pins\": [{\"bsf\", \"irq\", \"cpu\"}], \"pinUnit\")."},
        footer = {"", "Exit status: 0 done, 2 usage error, 3 cannot reach or trust the NAS."})
final class IrqListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionMixin connection;

    @Override
    public Integer call() {
        try (NasSession session = connection.connect()) {
            NasSnapshot s = new AgentClient(session, connection.sudo).snapshot();
            ObjectNode doc = JsonOut.object();
            doc.set("interrupts", IrqJson.interrupts(s.interrupts()));
            IrqJson.irqbalance(doc, s.interrupts());
            IrqJson.kept(doc, s.irqPins());
            JsonOut.print(spec.commandLine().getOut(), doc);
        } catch (NasConnectionException e) {
            throw NasCommands.unreachable(e);
        } catch (AgentFailure e) {
            throw NasCommands.agent(e);
        }
        return ExitCodes.OK;
    }
}
