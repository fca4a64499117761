package org.qatwb.app.cli.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.qatwb.model.pci.DriverConflict;
import org.qatwb.model.pci.DriverOwner;
import org.qatwb.model.pci.OwnedFunction;
import org.qatwb.model.pci.QatModule;
import org.qatwb.model.pci.QatPciDevices;

/**
 * {@code qatwb snapshot}'s {@code pci}: every QAT PCI function with its generation, the driver that owns
 * it and what ZFS can use of it; {@code pciModules}, each QAT module (and each module of a driver bound
 * to a QAT function) with its origin, taint, version, srcversion and modules.dep file; and
 * {@code pciConflicts}, in-kernel and out-of-tree drivers in each other's way (issue 16, section 3).
 * All null when the PCI devices were not read.
 */
final class PciJson {

    private PciJson() {
    }

    static void put(ObjectNode doc, Optional<QatPciDevices> pci) {
        if (pci.isEmpty()) {
            doc.putNull("pci");
            doc.putNull("pciModules");
            doc.putNull("pciConflicts");
            return;
        }
        ArrayNode list = doc.putArray("pci");
        for (OwnedFunction o : pci.get().owned()) {
            ObjectNode f = list.addObject();
            f.put("bsf", o.bsf());
            f.put("device", o.function().id().id());
            f.put("type", o.function().id().type());
            f.put("generation", o.function().generation().ordinal() + 1);
            f.put("vf", o.function().vf());
            SnapshotJson.putOrNull(f, "numaNode", o.function().numaNode());
            f.put("driver", o.function().driver().orElse(null));
            f.put("owner", o.owner().wire());
            f.put("module", module(o.owner()));
            f.put("version", version(o.owner()));
            f.put("ownerLabel", o.owner().label());
            ObjectNode zfs = f.putObject("zfs");
            zfs.put("compression", o.zfs().compression());
            zfs.put("checksum", o.zfs().checksum());
            zfs.put("encryption", o.zfs().encryption());
            zfs.put("why", o.zfs().why());
        }
        ArrayNode modules = doc.putArray("pciModules");
        for (QatModule m : pci.get().modules().values()) {
            ObjectNode o = modules.addObject();
            o.put("name", m.name());
            o.put("loaded", m.loaded());
            o.put("origin", m.loaded() ? m.origin().label() : null);
            o.put("taint", m.taint().orElse(null));
            o.put("version", m.version().orElse(null));
            o.put("srcversion", m.srcversion().orElse(null));
            o.put("file", m.file().orElse(null));
        }
        ArrayNode conflicts = doc.putArray("pciConflicts");
        for (DriverConflict k : pci.get().conflicts()) {
            conflicts.addObject().put("kind", k.kind() == DriverConflict.Kind.BOTH_LOADED ? "both-loaded" : "in-kernel-bound")
                    .put("message", k.message());
        }
    }

    private static String module(DriverOwner o) {
        if (o instanceof DriverOwner.Qat1OutOfTree q) {
            return q.module();
        }
        if (o instanceof DriverOwner.Qat2OutOfTree q) {
            return q.module();
        }
        return o instanceof DriverOwner.InKernel k ? k.module() : null;
    }

    private static String version(DriverOwner o) {
        if (o instanceof DriverOwner.Qat1OutOfTree q) {
            return q.version().orElse(null);
        }
        return o instanceof DriverOwner.Qat2OutOfTree q ? q.version().orElse(null) : null;
    }
}
