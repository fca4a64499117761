package org.qatwb.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.qatwb.app.workbench.QatCards;
import org.qatwb.app.workbench.Tone;
import org.qatwb.model.snapshot.NasSnapshot;

/**
 * The dashboard's QAT cards, each with its generation and owner, read over real SSH from the simulator
 * through the view model a NAS tab uses.
 */
class QatCardsTest {

    @RegisterExtension
    final TestNas sims = TestNas.demo();

    private NasSnapshot read(String profile) {
        NasViewModel vm = sims.connect(profile);
        assertEquals(LinkState.CONNECTED, vm.linkProperty().get(), vm.linkDetailProperty().get());
        return vm.snapshotProperty().get();
    }

    @Test
    void theC62xCardsEachShowGenerationAndIntelsDriverWithTheirVfs() {
        QatCards.Cards cards = QatCards.of(read("c62x"));
        assertEquals(List.of("0000:3d:00.0", "0000:3f:00.0", "0000:41:00.0"),
                cards.lines().stream().map(QatCards.Line::bsf).toList());
        QatCards.Line first = cards.lines().get(0);
        assertEquals("c6xx, Gen 2 (Intel C62x chipset, QuickAssist 8960/8970)", first.title());
        assertEquals("Intel QAT 1.x out-of-tree 4.24.0 (qat_c62x)", first.owner());
        assertEquals("ZFS: compression, checksums, encryption", first.zfs());
        assertEquals(Tone.GOOD, first.tone());
        assertTrue(first.detail().endsWith("; 16 VF(s): 16 Intel QAT 1.x out-of-tree 4.24.0 (qat_c62xvf)"), first.detail());
        assertEquals(List.of(), cards.conflicts());
    }

    @Test
    void aStockTrueNasShowsItsCpusGen4EndpointOnTheKernelsDriverThatZfsCannotUse() {
        QatCards.Cards cards = QatCards.of(read("no-qat"));
        assertEquals(1, cards.lines().size());
        QatCards.Line gen4 = cards.lines().get(0);
        assertEquals("0000:6b:00.0", gen4.bsf());
        assertTrue(gen4.title().startsWith("4xxx, Gen 4"), gen4.title());
        assertEquals("in-kernel qat_4xxx", gen4.owner());
        assertEquals("ZFS: nothing", gen4.zfs());
        assertEquals(Tone.WARN, gen4.tone());
    }

    @Test
    void theBrokenBoxsVfsHaveNoDriver() {
        QatCards.Line first = QatCards.of(read("broken")).lines().get(0);
        assertEquals("Intel QAT 1.x out-of-tree 4.8.0 (qat_c62x)", first.owner());
        assertTrue(first.detail().endsWith("; 16 VF(s): 16 no driver"), first.detail());
    }
}
