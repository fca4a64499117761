package org.qatwb.app.workbench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.qatwb.app.settings.AuthMethod;
import org.qatwb.app.settings.SavedConnection;
import org.qatwb.app.usecase.apply.ApplyProgress;
import org.qatwb.app.usecase.apply.ApplyRequest;
import org.qatwb.app.usecase.apply.ApplyResult;
import org.qatwb.app.usecase.apply.ApplyUseCase;
import org.qatwb.model.apply.TxRecord;
import org.qatwb.model.irq.IrqPin;
import org.qatwb.model.irq.IrqPinOutcome;
import org.qatwb.model.persist.PersistOutcome;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.StreamSample;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaSetOutcome;
import org.qatwb.sim.SimEndpoint;
import org.qatwb.ssh.Credentials;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.ReconnectingStream;
import org.qatwb.ssh.SessionSettings;
import org.qatwb.ssh.StreamStateListener;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;
import org.qatwb.ssh.agent.SetParamOutcome;
import org.qatwb.ssh.config.ConnectionOptions;
import org.qatwb.ssh.config.ConnectionSpec;
import org.qatwb.ssh.config.SshConfigException;

/**
 * One open NAS: its SSH session and the agent requests the workbench makes over it. Every
 * method blocks; the view models call them through {@code BackgroundTasks}.
 */
public final class NasLink implements AutoCloseable {

    private final NasTarget target;
    private final AgentClient agent;

    private NasLink(NasTarget target, AgentClient agent) {
        this.target = target;
        this.agent = agent;
    }

    /** Connects, asking {@code prompts} what the connection needs to know. */
    public static NasLink open(NasTarget target, Prompts prompts, BuiltInSimulator simulators)
            throws NasConnectionException, SshConfigException {
        ConnectionOptions options;
        Credentials credentials = prompts.credentials();
        boolean sudo;
        if (target instanceof NasTarget.Simulated s) {
            SimEndpoint e = simulators.get(s).endpoint();
            options = new ConnectionOptions(e.host(), e.port(), e.user(), e.identity(), e.knownHosts(), false, false);
            credentials = Credentials.none();
            sudo = false;
        } else {
            SavedConnection c = ((NasTarget.Ssh) target).connection();
            Path identity = c.auth() == AuthMethod.KEY && c.identity() != null && !c.identity().isBlank()
                    ? Path.of(c.identity()) : null;
            Path knownHosts = c.knownHosts() == null || c.knownHosts().isBlank() ? null : Path.of(c.knownHosts());
            options = new ConnectionOptions(c.host(), c.port(), blankToNull(c.user()), identity, knownHosts, false, c.sudo());
            sudo = c.sudo();
        }
        ConnectionSpec spec = ConnectionSpec.resolve(options);
        NasSession session = NasSession.connect(spec, SessionSettings.defaults().withLog(org.qatwb.app.logging.AppLogging.sshLog()), Optional.of(prompts.hostKeys()), credentials);
        return new NasLink(target, new AgentClient(session, sudo));
    }

    public NasTarget target() {
        return target;
    }

    /**
     * The agent over this link's session, for the use cases ({@code org.qatwb.app.usecase}) the
     * window runs as the CLI does; blocking, like every request here.
     */
    public AgentClient agent() {
        return agent;
    }

    /** {@code user@host:port} as connected. */
    public String destination() {
        return agent.session().spec().destination();
    }

    public NasSnapshot snapshot() throws NasConnectionException, AgentFailure {
        return agent.snapshot();
    }

    /** Turns one offload on ({@code on}: the parameter is written 0) or off. */
    public SetParamOutcome setParam(ZfsParam param, boolean on) throws NasConnectionException, AgentFailure {
        return agent.setParam(param, !on);
    }

    /** Installs (or removes, for none) what writes these parameters' 0 at every boot. */
    public PersistOutcome persistParams(Set<ZfsParam> keep) throws NasConnectionException, AgentFailure {
        return agent.persistParams(keep);
    }

    /** Pins VFs' interrupts now and keeps exactly {@code pins} after every boot ({@code IrqPinPlan.pins()}). */
    public IrqPinOutcome pinIrqs(List<IrqPin> pins) throws NasConnectionException, AgentFailure {
        return agent.pinIrqs(pins);
    }

    /** The same, with irqbalance's ban where it runs ({@code IrqPinPlan.irqbalance()}). */
    public IrqPinOutcome pinIrqs(List<IrqPin> pins, java.util.Optional<org.qatwb.model.irq.IrqbalanceBan> irqbalance)
            throws NasConnectionException, AgentFailure {
        return agent.pinIrqs(pins, irqbalance);
    }

    /** Sets one Z.I.A. pool property and reads the pool back. */
    public ZiaSetOutcome setPoolProperty(ZiaChange change) throws NasConnectionException, AgentFailure {
        return agent.setPoolProperty(change);
    }

    /** Keeps one pool's Z.I.A. settings on the NAS, with the hooks that set them again at boot and import. */
    public org.qatwb.model.zia.ZiaHookOutcome keepZia(org.qatwb.model.zia.ZiaKeepPlan plan)
            throws NasConnectionException, AgentFailure {
        return agent.keepZia(plan);
    }

    /** Sets the kept Z.I.A. settings again now (one pool, or every kept pool). */
    public org.qatwb.model.zia.ZiaHookOutcome reapplyZia(Optional<String> pool) throws NasConnectionException, AgentFailure {
        return agent.reapplyZia(pool);
    }

    /**
     * One apply through the use case the CLI runs too: the transaction, the confirm of a restart,
     * and for a reboot the wait for the NAS and its boot check ({@code progress} hears about each,
     * on the calling thread). The window asked before a reboot, so the use case does not ask again.
     * After a reboot this link's connection is made again: the next request finds the NAS as it is now.
     */
    public ApplyResult apply(ApplyRequest request, Consumer<ApplyProgress> progress) throws NasConnectionException, AgentFailure {
        ApplyResult r = new ApplyUseCase(agent, progress).run(request, () -> true);
        if (r.rebooted()) {
            agent.session().ensureConnected();
        }
        return r;
    }

    /** The transactions the NAS keeps (with their backups). */
    public List<TxRecord> history() throws NasConnectionException, AgentFailure {
        return agent.history();
    }

    public ReconnectingStream stream(int intervalMs, Consumer<StreamSample> samples, StreamStateListener states) {
        return agent.stream(intervalMs, samples, states);
    }

    @Override
    public void close() {
        agent.session().close();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
