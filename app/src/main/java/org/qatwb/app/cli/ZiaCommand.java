package org.qatwb.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.qatwb.app.cli.json.JsonOut;
import org.qatwb.app.cli.json.ZiaJson;
import org.qatwb.app.usecase.KeepZia;
import org.qatwb.app.usecase.SetPoolProperty;
import org.qatwb.app.usecase.SudoHint;
import org.qatwb.model.parse.Snippet;
import org.qatwb.model.text.UnifiedDiff;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zia.ZiaChange;
import org.qatwb.model.zia.ZiaDecision;
import org.qatwb.model.zia.ZiaHooks;
import org.qatwb.model.zia.ZiaKeepPlan;
import org.qatwb.model.zia.ZiaKept;
import org.qatwb.model.zia.ZiaProperty;
import org.qatwb.model.zia.ZiaSetOutcome;
import org.qatwb.model.zia.ZpoolRefusal;
import org.qatwb.model.zia.plan.ZiaUseCase;
import org.qatwb.ssh.NasConnectionException;
import org.qatwb.ssh.NasSession;
import org.qatwb.ssh.agent.AgentClient;
import org.qatwb.ssh.agent.AgentFailure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qatwb zia show|set|keep|reapply CONNECTION}: the hpc/zfs fork's Z.I.A. pool properties,
 * decided by {@link ZiaUseCase} as the doctor's Z.I.A. panel decides them.
 */
@Command(name = "zia", mixinStandardHelpOptions = true,
        description = {"Z.I.A. (hpc/zfs fork) pool properties: what is live, what qatwb keeps, and changes.",
                "The fork keeps none of them over an export/import, a reboot or a module reload: 'keep' stores a pool's live"
                + " settings on the NAS and installs hooks that set them again at boot and after each import. Offloads are"
                + " refused on pools with encryption or dedup in use."},
        subcommands = {ZiaCommand.Show.class, ZiaCommand.Set.class, ZiaCommand.Keep.class, ZiaCommand.Reapply.class},
        footer = {"",
                "Exit status: 0 done (show: live and kept agree), 1 refused, failed, not confirmed, or live differs from kept,"
                + " 2 usage error (or keep without a terminal and without --yes), 3 cannot reach or trust the NAS."})
final class ZiaCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give a subcommand: show, set, keep or reapply");
    }

    /** Prints the show document of a fresh snapshot; 0 when live agrees with kept. */
    static int printShow(CommandSpec spec, AgentClient client, ObjectNode doc) throws NasConnectionException, AgentFailure {
        NasSnapshot after = client.snapshot();
        NasCommands.warnings(after, spec.commandLine().getErr());
        ObjectNode show = ZiaJson.show(after);
        doc.setAll(show);
        JsonOut.print(spec.commandLine().getOut(), doc);
        return show.get("inSync").asBoolean() ? ExitCodes.OK : ExitCodes.INPUT;
    }

    static void say(CommandSpec spec, String line) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("qatwb: " + line);
        err.flush();
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "The pools' live Z.I.A. settings, the kept ones, where they differ, the dpusm module and the hooks.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConnectionMixin connection;

        @Override
        public Integer call() {
            try (NasSession session = connection.connect()) {
                int rc = printShow(spec, new AgentClient(session, connection.sudo), JsonOut.object());
                if (rc != ExitCodes.OK) {
                    say(spec, "live Z.I.A. settings differ from the kept ones: qatwb zia reapply sets them again");
                }
                return rc;
            } catch (NasConnectionException e) {
                throw NasCommands.unreachable(e);
            } catch (AgentFailure e) {
                throw NasCommands.agent(e);
            }
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = {"Set one property: zia_provider=NAME|off, or an offload such as zia_compress=on|off.",
                    "Refused on a pool with encryption or dedup in use; 'none' is not a way to unset the provider."})
    static final class Set implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConnectionMixin connection;
        @Parameters(index = "0", paramLabel = "POOL")
        String pool;
        @Parameters(index = "1", paramLabel = "PROPERTY=VALUE")
        String setting;

        @Override
        public Integer call() {
            ZiaChange change = parse(spec, pool, setting);
            try (NasSession session = connection.connect()) {
                AgentClient client = new AgentClient(session, connection.sudo);
                NasSnapshot s = client.snapshot();
                ZiaDecision d = SetPoolProperty.check(s, change);
                ObjectNode doc = JsonOut.object();
                doc.put("pool", change.pool());
                doc.put("property", change.property().wire());
                doc.put("value", change.value());
                if (d instanceof ZiaDecision.Refused r) {
                    doc.put("refused", r.reason());
                    JsonOut.print(spec.commandLine().getOut(), doc);
                    say(spec, SetPoolProperty.refused(r).line());
                    return ExitCodes.INPUT;
                }
                doc.putNull("refused");
                ZiaDecision.Allowed a = (ZiaDecision.Allowed) d;
                a.consequences().forEach(c -> say(spec, "note: " + c));
                a.consequences().forEach(doc.putArray("consequences")::add);
                SetPoolProperty.Result set = new SetPoolProperty(client, SudoHint.CLI).set(a);
                ZiaSetOutcome o = set.outcome();
                doc.put("status", o.status().wire());
                doc.put("message", ZpoolRefusal.explain(o.message()));
                JsonOut.print(spec.commandLine().getOut(), doc);
                if (!set.ok()) {
                    say(spec, set.message().line());
                    return ExitCodes.INPUT;
                }
                if (!change.value().equals("off")) {
                    say(spec, "the fork loses this at the next export/import or reboot: qatwb zia keep " + change.pool()
                            + " keeps it");
                }
                return ExitCodes.OK;
            } catch (NasConnectionException e) {
                throw NasCommands.unreachable(e);
            } catch (AgentFailure e) {
                throw NasCommands.agent(e);
            }
        }
    }

    /** POOL and PROPERTY=VALUE as a validated change, or a usage error in one line. */
    static ZiaChange parse(CommandSpec spec, String pool, String setting) {
        int eq = setting.indexOf('=');
        Optional<ZiaProperty> p = eq <= 0 ? Optional.empty() : ZiaProperty.ofWire(setting.substring(0, eq));
        if (p.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), Snippet.quote(setting)
                    + ": give PROPERTY=VALUE with one of zia_provider, zia_compress, ... (zia_available is read-only)");
        }
        String value = setting.substring(eq + 1);
        Optional<String> problem = ZiaChange.problem(pool, p.get(), value);
        if (problem.isPresent()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), problem.get());
        }
        return new ZiaChange(pool, p.get(), value);
    }

    @Command(name = "keep", mixinStandardHelpOptions = true,
            description = {"Keep POOL's live Z.I.A. settings on the NAS, with hooks that set them again at boot and after each import.",
                    "All off: the pool is forgotten. The kept settings' diff and the hooks are printed on stderr first, then"
                    + " confirmed on a terminal; without one only --yes writes."})
    static final class Keep implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConnectionMixin connection;
        @Parameters(index = "0", paramLabel = "POOL")
        String pool;
        @picocli.CommandLine.Option(names = "--yes", description = "write without asking (the diff is still printed)")
        boolean yes;

        @Override
        public Integer call() {
            if (!ZiaChange.poolNameOk(pool)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        ZiaChange.problem(pool, ZiaProperty.COMPRESS, "off").orElseThrow());
            }
            try (NasSession session = connection.connect()) {
                AgentClient client = new AgentClient(session, connection.sudo);
                NasSnapshot s = client.snapshot();
                ZiaKeepPlan plan = ZiaUseCase.keep(s, s.zia().kept(), pool);
                ObjectNode doc = JsonOut.object();
                doc.put("pool", pool);
                if (plan.refusal().isPresent()) {
                    doc.put("refused", plan.refusal().get());
                    JsonOut.print(spec.commandLine().getOut(), doc);
                    say(spec, plan.refusal().get());
                    return ExitCodes.INPUT;
                }
                doc.putNull("refused");
                confirm(s, plan, session, spec, yes);
                KeepZia.Result kept = new KeepZia(client, SudoHint.CLI).keep(plan);
                doc.set("steps", ZiaJson.steps(kept.outcome()));
                int rc = printShow(spec, client, doc);
                return failed(spec, kept) ? ExitCodes.INPUT : rc;
            } catch (NasConnectionException e) {
                throw NasCommands.unreachable(e);
            } catch (AgentFailure e) {
                throw NasCommands.agent(e);
            }
        }
    }

    /**
     * The kept settings before and after, as the kept file's POOL PROPERTY VALUE lines (the agent
     * writes them under its own two comment lines), and the hooks it writes with them; then the
     * user's yes on a terminal, or --yes.
     */
    private static void confirm(NasSnapshot s, ZiaKeepPlan plan, NasSession session, CommandSpec spec, boolean yes) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("qatwb: keep " + (plan.words().isEmpty() ? "nothing for pool " + plan.pool() : plan.pool() + ": "
                + String.join(" ", plan.words())) + "; the kept settings (" + ZiaKept.PATH + "):");
        String diff = UnifiedDiff.of(ZiaKept.PATH, ZiaKept.PATH, lines(s.zia().kept()), lines(plan.after()));
        err.print(diff.isEmpty() ? "  (unchanged)\n" : diff);
        err.println("qatwb: will write " + ZiaHooks.SCRIPT + ", " + ZiaHooks.ZEDLET + " and the boot unit "
                + ZiaHooks.UNIT + " (enabled), as qatwb writes them");
        err.flush();
        Optional<DiffConfirmation.Refusal> no = DiffConfirmation.ask("Keep these Z.I.A. settings on "
                + Snippet.oneLine(session.spec().host()) + "? [y/N] ", "the kept Z.I.A. settings", yes);
        if (no.isPresent()) {
            throw new CliException(no.get().exitCode(), no.get().message());
        }
    }

    private static String lines(ZiaKept kept) {
        StringBuilder out = new StringBuilder();
        kept.settings().forEach(c -> out.append(c.pool()).append(' ').append(c.property().wire()).append(' ')
                .append(c.value()).append('\n'));
        return out.toString();
    }

    /** Says the failed step, if one failed. */
    static boolean failed(CommandSpec spec, KeepZia.Result r) {
        if (!r.ok()) {
            say(spec, r.message().line());
        }
        return !r.ok();
    }

    @Command(name = "reapply", mixinStandardHelpOptions = true,
            description = "Set the kept Z.I.A. settings again now (of POOL, or of every kept pool), as the hooks do.")
    static final class Reapply implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ConnectionMixin connection;
        @Parameters(index = "0", paramLabel = "POOL", arity = "0..1")
        String pool;

        @Override
        public Integer call() {
            if (pool != null && !ZiaChange.poolNameOk(pool)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        ZiaChange.problem(pool, ZiaProperty.COMPRESS, "off").orElseThrow());
            }
            try (NasSession session = connection.connect()) {
                AgentClient client = new AgentClient(session, connection.sudo);
                KeepZia.Result again = new KeepZia(client, SudoHint.CLI).reapply(Optional.ofNullable(pool));
                ObjectNode doc = JsonOut.object();
                doc.set("steps", ZiaJson.steps(again.outcome()));
                int rc = printShow(spec, client, doc);
                return failed(spec, again) ? ExitCodes.INPUT : rc;
            } catch (NasConnectionException e) {
                throw NasCommands.unreachable(e);
            } catch (AgentFailure e) {
                throw NasCommands.agent(e);
            }
        }
    }
}
