package org.qatwb.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.lint.ConfFile;
import org.qatwb.model.lint.DeviceFileName;
import org.qatwb.model.lint.DeviceSetLinter;
import org.qatwb.model.lint.FileReport;
import org.qatwb.model.lint.Finding;
import org.qatwb.model.lint.LintContext;

/** The generated etc/ as the model's lint sees it, the read-only fault, and the zfs/zpool stand-ins' output. */
class EtcAndToolsTest {

    static SimulatedNas nas;

    @BeforeAll
    static void start() {
        nas = SimulatedNas.start(SimOptions.driven("c62x").withZia(true));
    }

    @AfterAll
    static void stop() {
        nas.close();
    }

    static List<FileReport> lintEtc(SimulatedNas n) throws Exception {
        List<ConfFile> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(n.root().resolve("etc"))) {
            for (Path p : s.filter(f -> DeviceFileName.isDriverFileName(f.getFileName().toString())).sorted().toList()) {
                DeviceFileName name = DeviceFileName.of(p.getFileName().toString()).orElseThrow();
                files.add(new ConfFile(p.getFileName().toString(), ConfDocument.parse(Files.readAllBytes(p)),
                        new LintContext(Optional.of(name.device()), OptionalInt.of(n.profile().cpu().cores())),
                        OptionalInt.of(name.instId())));
            }
        }
        return DeviceSetLinter.lint(files);
    }

    @Test
    void theGeneratedConfFilesLintCleanAsOneDeviceSet() throws Exception {
        List<FileReport> reports = lintEtc(nas);
        assertEquals(51, reports.size());
        List<Finding> findings = reports.stream().flatMap(r -> r.findings().stream()).toList();
        assertEquals(List.of(), findings);
    }

    @Test
    void brokenPlantsExactlyOnePolledKernelInstance() throws Exception {
        try (SimulatedNas broken = SimulatedNas.start(SimOptions.driven("broken"))) {
            List<String> errors = lintEtc(broken).stream().flatMap(r -> r.findings().stream()
                    .filter(f -> f.severity().id().equals("error")).map(f -> r.path() + " " + f.rule().id())).toList();
            assertEquals(List.of("c6xxvf_dev0.conf zfs.polled", "c6xxvf_dev0.conf zfs.polled"), errors);
        }
    }

    @Test
    void readOnlyEtcStopsTheFileToolsEvenForRoot() throws Exception {
        Path conf = nas.root().resolve("etc/c6xx_dev0.conf");
        String before = Files.readString(conf);
        nas.faults().readOnlyEtc(true);
        try {
            Shell.Result tee = Shell.run(nas, "echo x | tee \"$QATWB_ROOT\"/etc/c6xx_dev0.conf", "");
            assertEquals(1, tee.rc());
            assertTrue(tee.err().endsWith("/etc/c6xx_dev0.conf: Read-only file system\n"), tee.err());
            Shell.Result mv = Shell.run(nas, "echo x > /tmp/qatwb-sim-test.$$ && mv /tmp/qatwb-sim-test.$$ \"$QATWB_ROOT\"/etc/c6xx_dev0.conf");
            assertEquals(1, mv.rc());
            assertTrue(mv.err().contains("Read-only file system"), mv.err());
            Shell.Result mktemp = Shell.run(nas, "mktemp \"$QATWB_ROOT\"/etc/.new.XXXXXX");
            assertEquals(1, mktemp.rc());
            assertTrue(mktemp.err().startsWith("mktemp: failed to create file via template"), mktemp.err());
            assertEquals(1, Shell.run(nas, "cd \"$QATWB_ROOT\"/etc && rm c6xx_dev0.conf").rc());
            assertEquals(before, Files.readString(conf));
            // reading is fine, and so is writing elsewhere
            assertEquals(0, Shell.run(nas, "cp \"$QATWB_ROOT\"/etc/c6xx_dev0.conf \"$HOME\"/copy && rm \"$HOME\"/copy").rc());
        } finally {
            nas.faults().readOnlyEtc(false);
        }
        Shell.Result ok = Shell.run(nas, "cp \"$QATWB_ROOT\"/etc/c6xx_dev0.conf \"$QATWB_ROOT\"/etc/c6xx_dev0.conf.bak"
                + " && rm \"$QATWB_ROOT\"/etc/c6xx_dev0.conf.bak");
        assertEquals(0, ok.rc(), ok.err());
    }

    @Test
    void zfsGetPrintsWhatTheAgentAsksFor() {
        Shell.Result r = Shell.run(nas,
                "zfs get -H -p -o name,property,value,source compression,checksum,encryption,recordsize,volblocksize,dedup"
                        + " -t filesystem,volume");
        assertEquals(0, r.rc(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("tank\tcompression\tlz4\tlocal", lines.get(0));
        assertTrue(lines.contains("tank/backup\tcompression\tgzip\tlocal"));
        assertTrue(lines.contains("tank/backup\tchecksum\tsha256\tlocal"));
        assertTrue(lines.contains("tank/backup\tencryption\taes-256-gcm\t-"));
        assertTrue(lines.contains("tank/backup\trecordsize\t131072\tinherited from tank"));
        assertTrue(lines.contains("tank/media\trecordsize\t1048576\tlocal"));
        assertTrue(lines.contains("tank/vm\tcompression\tgzip-1\tlocal"));
        assertTrue(lines.contains("tank/vm\tvolblocksize\t16384\tdefault"));
        assertTrue(lines.contains("tank/vm\trecordsize\t-\t-"), "as zfs: a property named that does not apply is -");
        assertTrue(lines.contains("tank/media\tvolblocksize\t-\t-"));
        assertTrue(lines.contains("tank/media\tdedup\toff\tinherited from tank"));
        assertEquals(7 * 6, lines.size());
        List<String> all = Shell.run(nas, "zfs get -H -o property all tank/vm").out().lines().toList();
        assertTrue(all.contains("volblocksize") && !all.contains("recordsize") && !all.contains("mountpoint"),
                "all lists only what applies: " + all);
    }

    @Test
    void zfsGetWithoutHAlignsColumnsUnderAHeader() {
        Shell.Result r = Shell.run(nas, "zfs get recordsize tank/media");
        assertEquals("NAME        PROPERTY    VALUE  SOURCE\ntank/media  recordsize  1M     local\n", r.out());
        Shell.Result bad = Shell.run(nas, "zfs get recrodsize tank");
        assertEquals(2, bad.rc());
        assertEquals("bad property list: invalid property 'recrodsize'\n", bad.err());
        Shell.Result missing = Shell.run(nas, "zfs get -H compression tank/nope");
        assertEquals(1, missing.rc());
        assertEquals("cannot open 'tank/nope': dataset does not exist\n", missing.err());
        List<String> vbs = Shell.run(nas, "zfs get -Hp volblocksize -r tank").out().lines().toList();
        assertTrue(vbs.contains("tank/vm\tvolblocksize\t16384\tdefault"), vbs.toString());
        assertTrue(vbs.contains("tank\tvolblocksize\t-\t-"), vbs.toString());
    }

    @Test
    void zpoolGetAllShowsTheZiaPropertiesWhenAsked() {
        Shell.Result r = Shell.run(nas, "zpool get -H -p -o name,property,value all");
        assertEquals(0, r.rc(), r.err());
        assertTrue(r.out().contains("tank\tzia_available\tyes\n"));
        assertTrue(r.out().contains("tank\tzia_raidz3_rec\toff\n"));
        assertTrue(r.out().contains("tank\tsize\t17592186044416\n"));
        assertTrue(r.out().contains("tank\tfragmentation\t3\n"));
        try (SimulatedNas plain = SimulatedNas.start(SimOptions.driven("no-qat"))) {
            assertFalse(Shell.run(plain, "zpool get -H -p -o name,property,value all").out().contains("zia_"));
        }
    }
}
