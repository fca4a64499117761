package org.qatwb.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.lint.DeviceFileName;
import org.qatwb.model.lint.Rule;
import org.qatwb.model.testutil.HostSnapshots;
import org.qatwb.model.testutil.NasOutputs;
import org.qatwb.model.testutil.Samples;

/**
 * The crucial property: compiling the layout a NAS has gives back exactly its files, and an edit
 * that is reverted leaves no trace; an edited layout compiles to files that read back as it.
 */
class LayoutRoundTripTest {

    static Stream<HostSnapshots> hosts() {
        return Stream.of(HostSnapshots.c62x(), HostSnapshots.c62xFromTemplates());
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void anUnchangedLayoutCompilesToNoChangeAtAll(HostSnapshots host) {
        Baseline base = Baseline.of(host.snapshot());
        Compilation c = LayoutCompiler.compile(base, base.layout());
        assertEquals(List.of(), c.files());
        assertEquals("", c.diff());
        assertEquals(List.of(), c.findings(), "the project's C62x hosts are clean");
        assertTrue(c.applicable());
    }

    @Test
    void theCrlfAndPolledHostCompilesToNoChangeAndKeepsItsFinding() {
        Baseline base = Baseline.of(HostSnapshots.read(NasOutputs.c62xHost()));
        Compilation c = LayoutCompiler.compile(base, base.layout());
        assertEquals(List.of(), c.files());
        assertEquals(List.of("zfs.polled", "capacity.exceeded"), c.findings().stream().map(f -> f.finding().rule().id())
                .toList());
        assertFalse(c.applicable());
    }

    @ParameterizedTest
    @MethodSource("hosts")
    void anEditThatIsRevertedLeavesEveryByte(HostSnapshots host) {
        Baseline base = Baseline.of(host.snapshot());
        Layout original = base.layout();
        InstanceRef dc = new InstanceRef(DeviceKey.parse("c6xxvf_dev5"), "KERNEL_QAT", InstanceKind.DC, 0);
        int core = original.instance(dc).orElseThrow().core().getAsInt();
        Layout edited = original.withAffinity(dc, core + 1).withRole(List.of(DeviceKey.parse("c6xxvf_dev9")), Role.UNUSED);
        assertEquals(2, LayoutCompiler.compile(base, edited).files().size());
        Layout reverted = edited.withAffinity(dc, core).withConfig(DeviceKey.parse("c6xxvf_dev9"),
                original.require(DeviceKey.parse("c6xxvf_dev9")).config());
        assertEquals(original, reverted);
        assertEquals(List.of(), LayoutCompiler.compile(base, reverted).files());
    }

    static Stream<Path> sampleConfs() {
        return Samples.files("conf").stream().filter(p -> DeviceFileName.of(p.getFileName().toString()).isPresent());
    }

    /** Every sample conf as the one file of a host: unchanged, edited and read back, reverted. */
    @ParameterizedTest
    @MethodSource("sampleConfs")
    void everySampleConfSurvivesCompileEditAndRevert(Path sample) {
        DeviceFileName name = DeviceFileName.of(sample.getFileName().toString()).orElseThrow();
        DeviceKey key = new DeviceKey(name.device().driverType(), name.instId());
        Baseline base = Baseline.of(HostSnapshots.host().conf(key.id() + ".conf", Samples.bytes(sample)).snapshot());
        Layout original = base.layout();
        assertEquals(List.of(), LayoutCompiler.compile(base, original).files(), "unchanged");

        Device d = original.require(key);
        Layout edited = original.withServices(List.of(key), "dc").withRole(List.of(key), Role.ZFS);
        Compilation c = LayoutCompiler.compile(base, edited);
        if (c.findings().stream().noneMatch(f -> f.finding().rule() == Rule.LAYOUT_CANNOT_WRITE)) {
            Baseline after = Applied.files(base, c);
            Applied.assertSays(edited, after);
            assertEquals(List.of(), LayoutCompiler.compile(after, edited).files(), "compiling again changes nothing");
        }
        Layout reverted = edited.withConfig(key, d.config()).withHost(original.host());
        assertEquals(List.of(), LayoutCompiler.compile(base, reverted).files(), "reverted");
        assertEquals(Optional.of(d.config()), reverted.device(key).map(Device::config));
    }
}
