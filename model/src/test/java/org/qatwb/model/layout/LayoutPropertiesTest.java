package org.qatwb.model.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.qatwb.model.apply.FileChange;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.lint.Rule;
import org.qatwb.model.testutil.HostSnapshots;
import org.qatwb.model.testutil.NasOutputs;

/** Random edits of whole C62x layouts: compiled files read back as the layout, and reverted edits leave no trace. */
class LayoutPropertiesTest {

    private static final List<Baseline> BASES = List.of(Baseline.of(HostSnapshots.c62x().snapshot()),
            Baseline.of(HostSnapshots.c62xFromTemplates().snapshot()), Baseline.of(HostSnapshots.read(NasOutputs.c62xHost())));
    private static final List<String> SERVICES = List.of("cy;dc", "dc", "cy", "dc;sym", "asym;dc");

    /** An edit, and how to undo it on the layout it produced (as an editor's undo would). */
    record Edit(String what, UnaryOperator<Layout> apply) {
    }

    private static DeviceKey vf(int i) {
        return DeviceKey.parse("c6xxvf_dev" + i);
    }

    @Provide
    Arbitrary<Edit> edits() {
        Arbitrary<Integer> vfs = Arbitraries.integers().between(0, 47);
        Arbitrary<Integer> cores = Arbitraries.integers().between(0, 60);
        Arbitrary<InstanceKind> kinds = Arbitraries.of(InstanceKind.class);
        return Arbitraries.oneOf(
                Combinators.combine(vfs, kinds, cores).as((v, k, c) -> new Edit("affinity " + v + k + c, l -> {
                    InstanceRef ref = firstInstance(l, vf(v), k);
                    return ref == null ? l : l.withAffinity(ref, c);
                })),
                Combinators.combine(vfs, Arbitraries.of(Role.ZFS, Role.USER, Role.UNUSED))
                        .as((v, r) -> new Edit("role " + v + r, l -> l.withRole(List.of(vf(v)), r))),
                Combinators.combine(vfs, Arbitraries.of(SERVICES))
                        .as((v, s) -> new Edit("services " + v + s, l -> l.withServices(List.of(vf(v), vf((v + 16) % 48)), s))),
                Combinators.combine(vfs, kinds, cores).as((v, k, c) -> new Edit("add " + v + k + c, l -> {
                    String section = l.require(vf(v)).config().sections().stream().findFirst()
                            .map(InstanceSection::name).orElse("KERNEL_QAT");
                    return l.withInstanceAdded(vf(v), section, k, Instance.of("Q" + c, 0, c));
                })),
                Combinators.combine(vfs, kinds).as((v, k) -> new Edit("remove " + v + k, l -> {
                    InstanceRef ref = firstInstance(l, vf(v), k);
                    return ref == null ? l : l.withInstanceRemoved(ref);
                })),
                Arbitraries.of(true, false).map(b -> new Edit("sriov " + b, l -> l.withHost(l.host().withSriov(b)))),
                Arbitraries.of(true, false).map(b -> new Edit("blacklist " + b,
                        l -> l.withHost(l.host().withVfDriverBlocked("qat_c62xvf", b)))));
    }

    private static InstanceRef firstInstance(Layout l, DeviceKey key, InstanceKind kind) {
        for (InstanceSection s : l.require(key).config().sections()) {
            if (!s.instances(kind).isEmpty()) {
                return new InstanceRef(key, s.name(), kind, 0);
            }
        }
        return null;
    }

    private static Layout applyAll(Layout l, List<Edit> edits) {
        Layout out = l;
        for (Edit e : edits) {
            out = e.apply().apply(out);
        }
        return out;
    }

    /** What the compiled files say is the edited layout, and compiling it again over them changes nothing. */
    @Property(tries = 150)
    void compiledFilesReadBackAsTheLayoutAndCompilingAgainIsANoOp(@ForAll @Size(min = 1, max = 8) List<@From("edits") Edit> edits,
            @ForAll @IntRange(min = 0, max = 2) int which) {
        Baseline base = BASES.get(which);
        Layout edited = applyAll(base.layout(), edits);
        Compilation c = LayoutCompiler.compile(base, edited);
        assertEquals(List.of(), c.findings().stream().filter(f -> f.finding().rule() == Rule.LAYOUT_CANNOT_WRITE).toList());
        Baseline after = Applied.files(base, c);
        Applied.assertSays(edited, after);
        assertEquals(List.of(), LayoutCompiler.compile(after, edited).files());
    }

    /** Undo back to the start (the editor's list of layouts) gives the very bytes that were read. */
    @Property(tries = 100)
    void editsUndoneCompileToTheOriginalBytes(@ForAll @Size(min = 1, max = 8) List<@From("edits") Edit> edits) {
        Baseline base = BASES.get(0);
        List<Layout> history = new ArrayList<>(List.of(base.layout()));
        for (Edit e : edits) {
            history.add(e.apply().apply(history.get(history.size() - 1)));
        }
        while (history.size() > 1) {
            history.remove(history.size() - 1);
        }
        assertEquals(List.of(), LayoutCompiler.compile(base, history.get(0)).files());
    }

    /**
     * Value edits (affinity, services, host switches) written to the files and then set back are
     * undone in the files themselves: compiling the original layout over the edited files gives
     * back every original byte.
     */
    @Property(tries = 100)
    void valueEditsSetBackThroughTheFilesRestoreEveryByte(@ForAll @Size(min = 1, max = 6) List<@From("valueEdits") Edit> edits) {
        Baseline base = BASES.get(1);
        Compilation forth = LayoutCompiler.compile(base, applyAll(base.layout(), edits));
        Baseline edited = Applied.files(base, forth);
        Compilation back = LayoutCompiler.compile(edited, base.layout());
        Baseline restored = Applied.files(edited, back);
        for (FileChange f : forth.changes()) {
            byte[] original = f.before().orElseThrow();
            byte[] now = f.path().startsWith("/etc/c6xx")
                    ? restored.doc(DeviceKey.ofConfPath(f.path()).orElseThrow()).orElseThrow().toBytes()
                    : restored.defaultQat().text().orElseThrow().getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(original, now, f.path());
        }
    }

    @Provide
    Arbitrary<Edit> valueEdits() {
        Arbitrary<Integer> vfs = Arbitraries.integers().between(0, 47);
        return Arbitraries.oneOf(
                Combinators.combine(vfs, Arbitraries.of(InstanceKind.class), Arbitraries.integers().between(0, 55))
                        .as((v, k, c) -> new Edit("affinity", l -> l.withAffinity(firstInstance(l, vf(v), k), c))),
                Combinators.combine(vfs, Arbitraries.of("cy;dc", "dc;cy")).as((v, s) -> new Edit("services",
                        l -> l.withConfig(vf(v), l.require(vf(v)).config().withServices(s)))),
                Arbitraries.of(true, false).map(b -> new Edit("kapi", l -> l.withHost(l.host().withKapi(b)))),
                Arbitraries.of(true, false).map(b -> new Edit("sriov", l -> l.withHost(l.host().withSriov(b)))));
    }
}
