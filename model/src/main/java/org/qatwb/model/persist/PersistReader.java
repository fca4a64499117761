package org.qatwb.model.persist;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.qatwb.model.agent.AgentFrame;
import org.qatwb.model.agent.AgentOutput;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * Reads the persistence items that {@code snapshot} and {@code persist-params} print
 * (docs/agent-protocol.md) into a {@link PersistState}. Never throws for what the NAS sent.
 */
public final class PersistReader {

    /** {@code /etc/systemd/system/qatwb-zfs-qat.service}; absent when there is none. */
    public static final String UNIT_ITEM = "persist_unit";
    /** The agent's word {@code enabled} or {@code disabled} for that unit; absent without the unit. */
    public static final String UNIT_STATE_ITEM = "persist_unit_state";
    /** {@code midclt call initshutdownscript.query} for our comment; absent without midclt. */
    public static final String INIT_ITEM = "persist_init";
    /** The items, in the order the agent prints them. */
    public static final List<String> ITEMS = List.of(UNIT_ITEM, UNIT_STATE_ITEM, INIT_ITEM);

    private PersistReader() {
    }

    /** The state on a NAS whose persistence lives at {@code target}. */
    public static PersistState read(AgentOutput out, PersistTarget target) {
        return switch (target) {
            case SYSTEMD_UNIT -> unit(out.frame(UNIT_ITEM), out.frame(UNIT_STATE_ITEM));
            case TRUENAS_INIT_SCRIPT -> initScripts(out.frame(INIT_ITEM));
        };
    }

    private static PersistState unit(Optional<AgentFrame> unit, Optional<AgentFrame> state) {
        PersistTarget t = PersistTarget.SYSTEMD_UNIT;
        Optional<PersistState> notRead = notRead(unit, UNIT_ITEM, new PersistState.None(t));
        if (notRead.isPresent()) {
            return notRead.get();
        }
        String text = unit.get().text();
        boolean enabled = state.filter(s -> s.status() == ItemStatus.OK).map(s -> s.text().strip().equals("enabled"))
                .orElse(false);
        return ZfsQatUnit.recognise(text)
                .<PersistState>map(p -> new PersistState.Kept(t, p, enabled, text, List.of()))
                .orElseGet(() -> new PersistState.Foreign(t, text, ZfsQatUnit.PATH
                        + " is not as QAT Workbench writes it (changed by hand?)", List.of()));
    }

    /** Empty when the item was read whole; else the state that makes: {@code whenAbsent}, or unreadable. */
    private static Optional<PersistState> notRead(Optional<AgentFrame> frame, String item, PersistState whenAbsent) {
        PersistTarget t = whenAbsent.target();
        if (frame.isEmpty()) {
            return Optional.of(new PersistState.Unreadable(t, item + ": missing from the agent's output"));
        }
        return switch (frame.get().status()) {
            case OK -> Optional.empty();
            case ABSENT -> Optional.of(whenAbsent);
            default -> Optional.of(new PersistState.Unreadable(t, frame.get().problem()));
        };
    }

    private static PersistState initScripts(Optional<AgentFrame> init) {
        PersistTarget t = PersistTarget.TRUENAS_INIT_SCRIPT;
        Optional<PersistState> notRead = notRead(init, INIT_ITEM,
                new PersistState.Unreadable(t, "midclt is not installed: TrueNAS's init scripts cannot be read"));
        if (notRead.isPresent()) {
            return notRead.get();
        }
        List<InitScript> scripts;
        try {
            scripts = InitScript.parseQuery(init.get().text());
        } catch (ParseException e) {
            return new PersistState.Unreadable(t, INIT_ITEM + ": midclt's answer: " + Snippet.oneLine(e.getMessage()));
        }
        if (scripts.isEmpty()) {
            return new PersistState.None(t);
        }
        List<Long> ids = scripts.stream().filter(s -> s.id().isPresent()).map(s -> s.id().getAsLong()).toList();
        String text = scripts.stream().map(InitScript::display).collect(Collectors.joining("\n"));
        if (scripts.size() > 1) {
            return new PersistState.Foreign(t, text, scripts.size() + " init scripts carry the comment \""
                    + InitScript.COMMENT + "\"", ids);
        }
        InitScript s = scripts.get(0);
        return s.keeps()
                .<PersistState>map(p -> new PersistState.Kept(t, p, s.enabled(), text, ids))
                .orElseGet(() -> new PersistState.Foreign(t, text, "the init script with the comment \""
                        + InitScript.COMMENT + "\" is not as QAT Workbench writes it (changed by hand?)", ids));
    }
}
