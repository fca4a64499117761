package org.qatwb.app.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.pci.DriverConflict;
import org.qatwb.model.pci.OwnedFunction;
import org.qatwb.model.pci.QatPciDevices;
import org.qatwb.model.snapshot.NasSnapshot;

/**
 * The dashboard's QAT cards (issue 16, section 3): each card (a PF: a card, a chipset's or a CPU's
 * endpoint) with its generation, the driver that owns it and what ZFS can use of it, and any
 * conflict between in-kernel and out-of-tree drivers. A pure function of the snapshot; the view draws it.
 */
public final class QatCards {

    /**
     * One card as the dashboard shows it.
     *
     * @param bsf    its PCI address
     * @param title  type and generation ({@code c6xx, Gen 2}), with what it is ({@code Intel C62x chipset...})
     * @param owner  the driver that owns it
     * @param zfs    what ZFS can use of it ({@code compression, checksums, encryption}, {@code nothing})
     * @param tone   good where ZFS can use all of it, a warning where part or nothing, bad on a conflict
     * @param detail why, and its VFs' owners
     */
    public record Line(String bsf, String title, String owner, String zfs, Tone tone, String detail) {
        public Line {
            Objects.requireNonNull(bsf, "bsf");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(zfs, "zfs");
            Objects.requireNonNull(tone, "tone");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * What the card list says.
     *
     * @param lines     one per card, in the bus's order
     * @param empty     why there is no line (not read, none on the bus); empty when there are lines
     * @param conflicts in-kernel and out-of-tree drivers in each other's way, one line each
     */
    public record Cards(List<Line> lines, String empty, List<String> conflicts) {
        public Cards {
            lines = List.copyOf(lines);
            Objects.requireNonNull(empty, "empty");
            conflicts = List.copyOf(conflicts);
        }
    }

    private QatCards() {
    }

    public static Cards of(NasSnapshot s) {
        if (s.qatPci().isEmpty()) {
            return new Cards(List.of(), s.itemStatus().get("qat_pci") == ItemStatus.ABSENT || !s.itemStatus().containsKey("qat_pci")
                    ? "The PCI devices were not read" : "The PCI devices could not be read", List.of());
        }
        QatPciDevices pci = s.qatPci().get();
        List<DriverConflict> conflicts = pci.conflicts();
        List<Line> lines = new ArrayList<>();
        for (OwnedFunction card : pci.cards()) {
            boolean conflicted = conflicts.stream().anyMatch(k -> k.functions().contains(card));
            Tone tone = conflicted ? Tone.BAD : card.zfs().compression() && card.zfs().checksum() && card.zfs().encryption()
                    ? Tone.GOOD : Tone.WARN;
            lines.add(new Line(card.bsf(), card.function().id().type() + ", " + card.function().generation().label()
                    + " (" + card.function().id().marketing() + ")", card.owner().label(), "ZFS: " + card.zfs().summary(),
                    tone, card.zfs().why() + vfs(pci, card)));
        }
        String empty = lines.isEmpty() ? pci.functions().isEmpty() ? "No QAT device on the PCI bus"
                : "Only QAT VFs on the PCI bus (a guest's view)" : "";
        return new Cards(lines, empty, conflicts.stream().map(DriverConflict::message).toList());
    }

    /** {@code ; 16 VFs: 16 Intel QAT 1.x out-of-tree 4.24.0 (qat_c62xvf)}: the owners of the card's VFs, by bus. */
    private static String vfs(QatPciDevices pci, OwnedFunction card) {
        String bus = card.bsf().substring(0, card.bsf().lastIndexOf(':'));
        List<OwnedFunction> vfs = pci.owned().stream().filter(o -> o.function().vf() && o.bsf().startsWith(bus + ":")).toList();
        if (vfs.isEmpty()) {
            return "";
        }
        return "; " + vfs.size() + " VF(s): " + vfs.stream().collect(Collectors.groupingBy(o -> o.owner().label(),
                java.util.LinkedHashMap::new, Collectors.counting())).entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }
}
