package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qatwb.app.tasks.SteppedTasks;
import org.qatwb.app.workbench.BuiltInSimulator;
import org.qatwb.app.workbench.NasTarget;
import org.qatwb.model.zfs.ZfsParam;

/**
 * Issue 14: a read of the NAS that started before a change but finished after it must not show
 * the NAS as it was before the change. Background works here finish in the order the test picks
 * ({@link SteppedTasks}), the newest first, as two threads of a pool may.
 */
class StaleSnapshotTest {

    private final BuiltInSimulator sims = TestNas.simulators();
    private final SteppedTasks tasks = new SteppedTasks();
    private NasViewModel vm;

    @AfterEach
    void tearDown() {
        if (vm != null) {
            vm.close();
            tasks.drainNewestFirst();
        }
        sims.close();
    }

    @Test
    void aReadStartedBeforeASwitchAndFinishedAfterItDoesNotShowTheOldState() {
        vm = TestNas.viewModel(new NasTarget.Simulated("c62x"), sims, tasks);
        vm.connect();
        tasks.drainNewestFirst();
        assertEquals(LinkState.CONNECTED, vm.linkProperty().get(), vm.linkDetailProperty().get());
        assertEquals(ParamState.ON, vm.offload().paramSwitch(ZfsParam.COMPRESS).getState());

        vm.refresh();                 // a read asked for first (the doctor's "Run again", a reconnect)...
        tasks.startAll();             // ...has read the NAS while compression was still offloaded
        vm.offload().paramSwitch(ZfsParam.COMPRESS).request(false);   // then the switch turns it off and reads again
        tasks.drainNewestFirst();     // what is still to finish finishes the newest first

        assertEquals(1, vm.snapshotProperty().get().param(ZfsParam.COMPRESS).getAsInt(),
                "the snapshot shown is the one read after the switch");
        assertEquals(ParamState.OFF, vm.offload().paramSwitch(ZfsParam.COMPRESS).getState());
    }

    @Test
    void requestsOfOneNasRunOneAtATimeInTheOrderAsked() {
        vm = TestNas.viewModel(new NasTarget.Simulated("c62x"), sims, tasks);
        vm.connect();
        tasks.drainNewestFirst();

        vm.refresh();
        vm.offload().paramSwitch(ZfsParam.COMPRESS).request(false);
        vm.offload().paramSwitch(ZfsParam.CHECKSUM).request(false);
        assertEquals(3, vm.runningProperty().get(), "three asked");
        assertEquals(1, tasks.unfinished(), "one handed to the executor, the others wait behind it");
        assertEquals("Reading the NAS", vm.activityProperty().get());

        tasks.drainNewestFirst();

        assertEquals(0, vm.runningProperty().get());
        assertEquals("", vm.activityProperty().get());
        assertEquals(ParamState.OFF, vm.offload().paramSwitch(ZfsParam.COMPRESS).getState());
        assertEquals(ParamState.OFF, vm.offload().paramSwitch(ZfsParam.CHECKSUM).getState());
        java.util.List<String> marks = vm.charts().history().events().stream().map(e -> e.label())
                .filter(l -> l.endsWith("offload off")).toList();
        assertEquals(java.util.List.of("Compression offload off", "Checksum offload off"), marks, "in the order asked");
    }
}
