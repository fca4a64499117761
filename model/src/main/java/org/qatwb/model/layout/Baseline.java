package org.qatwb.model.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.qatwb.model.adf.QatDevice;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.conf.ConfDocument;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.etc.QatDefaults;
import org.qatwb.model.etc.VfBlacklist;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.snapshot.NasSnapshotReader;

/**
 * The files a layout is compiled against, and the layout they hold: one snapshot's conf
 * documents (byte-exact), {@code /etc/default/qat} and the VF blacklist. Built once per snapshot;
 * every compilation of an edited layout starts from it again, so that undo, redo and reverted
 * edits always give back exactly these bytes.
 */
public final class Baseline {

    private static final Comparator<DeviceKey> BY_TYPE_AND_ID =
            Comparator.comparing(DeviceKey::type).thenComparingInt(DeviceKey::instId);

    private final Layout layout;
    private final Map<DeviceKey, ConfDocument> docs;
    private final Optional<String> confProblem;
    private final BaseFile defaultQat;
    private final BaseFile blacklist;

    private Baseline(Layout layout, Map<DeviceKey, ConfDocument> docs, Optional<String> confProblem,
            BaseFile defaultQat, BaseFile blacklist) {
        this.layout = layout;
        this.docs = Collections.unmodifiableMap(docs);
        this.confProblem = confProblem;
        this.defaultQat = defaultQat;
        this.blacklist = blacklist;
    }

    /**
     * Devices read from a snapshot at most, before each PF's VF slots are added: far above any QAT
     * host (a c4xxx host has 131 conf files), and a bound on what a NAS's lists can make here.
     */
    static final int MAX_DEVICES = 1024;

    /** Derives the layout a NAS has from its snapshot. */
    public static Baseline of(NasSnapshot s) {
        Map<DeviceKey, ConfDocument> docs = new LinkedHashMap<>();
        s.confFiles().forEach((path, doc) -> DeviceKey.ofConfPath(path).ifPresent(k -> docs.putIfAbsent(k, doc)));
        Map<DeviceKey, QatDevice> listed = new LinkedHashMap<>();
        s.devices().ifPresent(a -> a.devices().stream().filter(d -> d.type() != null && d.type().matches("[a-z0-9]{1,32}")
                        && d.instId() >= 0 && d.instId() <= DeviceKey.MAX_INST_ID)
                .limit(MAX_DEVICES).forEach(d -> listed.putIfAbsent(new DeviceKey(d.type(), d.instId()), d)));
        TreeSet<DeviceKey> keys = new TreeSet<>(BY_TYPE_AND_ID);
        keys.addAll(docs.keySet());
        keys.addAll(listed.keySet());
        while (keys.size() > MAX_DEVICES) {
            keys.pollLast(); // a NAS listing more is not a QAT host; its VF slots would multiply them
        }
        for (DeviceKey k : List.copyOf(keys)) {
            keys.addAll(vfSlots(k));
        }
        List<Device> devices = new ArrayList<>();
        for (DeviceKey k : ordered(keys)) {
            Optional<DeviceKey> pf = pfOf(k).filter(keys::contains);
            Optional<QatDevice> d = Optional.ofNullable(listed.get(k));
            OptionalInt node = node(d);
            if (node.isEmpty() && pf.isPresent()) {
                node = node(Optional.ofNullable(listed.get(pf.get())));
            }
            DeviceInfo info = new DeviceInfo(k, pf, d.map(QatDevice::bsf), node,
                    d.map(q -> q.state().name().toLowerCase(Locale.ROOT)), docs.containsKey(k));
            ConfDocument doc = docs.get(k);
            devices.add(new Device(info, doc == null ? DeviceConfig.NONE : DeviceConfigs.read(doc)));
        }
        HostSettings host = new HostSettings(s.qatDefaults().map(QatDefaults::sriovEnabled).orElse(false),
                s.qatDefaults().map(QatDefaults::kapiEnabled).orElse(false),
                s.blacklist().map(b -> b.blockedModels().stream().map(DeviceModel::vfModule).toList()).orElse(List.of()));
        return new Baseline(new Layout(devices, host, s.cpu()), docs, confProblem(s),
                baseFile(s, "default_qat", QatDefaults.PATH, s.qatDefaults().map(QatDefaults::text)),
                baseFile(s, "blacklist", VfBlacklist.PATH, s.blacklist().map(VfBlacklist::text)));
    }

    /** The layout the NAS has now. */
    public Layout layout() {
        return layout;
    }

    /** The conf document a device has now. */
    public Optional<ConfDocument> doc(DeviceKey key) {
        return Optional.ofNullable(docs.get(key));
    }

    /** Conf documents of devices, in the snapshot's order (PFs first). */
    Map<DeviceKey, ConfDocument> docs() {
        return docs;
    }

    /** Why the set of conf files is not known to be complete, so that no file may be created. */
    Optional<String> confProblem() {
        return confProblem;
    }

    public BaseFile defaultQat() {
        return defaultQat;
    }

    public BaseFile blacklist() {
        return blacklist;
    }

    /** The VFs a PF can host, by the driver's numbering (inst_id / VFs per PF), for QAT 1.x devices. */
    private static List<DeviceKey> vfSlots(DeviceKey k) {
        Optional<DeviceModel> m = k.device().model();
        if (k.vf() || m.isEmpty() || !m.get().kernelApi() || m.get().vfsPerPf() <= 0 || !k.type().equals(m.get().type())) {
            return List.of();
        }
        List<DeviceKey> out = new ArrayList<>();
        for (int i = 0; i < m.get().vfsPerPf(); i++) {
            long id = (long) k.instId() * m.get().vfsPerPf() + i;
            if (id <= DeviceKey.MAX_INST_ID) {
                out.add(new DeviceKey(m.get().vfType(), (int) id));
            }
        }
        return out;
    }

    private static Optional<DeviceKey> pfOf(DeviceKey k) {
        Optional<DeviceModel> m = k.device().model();
        if (!k.vf() || m.isEmpty() || m.get().vfsPerPf() <= 0) {
            return Optional.empty();
        }
        return Optional.of(new DeviceKey(m.get().type(), k.instId() / m.get().vfsPerPf()));
    }

    /** PF by PF, each followed by its VFs; then every device without a listed PF. */
    private static List<DeviceKey> ordered(TreeSet<DeviceKey> keys) {
        Map<DeviceKey, List<DeviceKey>> vfsOf = new HashMap<>();
        for (DeviceKey v : keys) {
            pfOf(v).filter(keys::contains).ifPresent(pf -> vfsOf.computeIfAbsent(pf, p -> new ArrayList<>()).add(v));
        }
        Set<DeviceKey> out = new LinkedHashSet<>();
        for (DeviceKey k : keys) {
            if (!k.vf()) {
                out.add(k);
                out.addAll(vfsOf.getOrDefault(k, List.of()));
            }
        }
        out.addAll(keys);
        return List.copyOf(out);
    }

    private static OptionalInt node(Optional<QatDevice> d) {
        return d.map(QatDevice::nodeId).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /**
     * The conf files were read as one set; when that set was refused (a file changed while it was
     * read) or an item failed, a device without a document may still have a file on the NAS.
     */
    private static Optional<String> confProblem(NasSnapshot s) {
        for (Map.Entry<String, ItemStatus> e : s.itemStatus().entrySet()) {
            if (NasSnapshotReader.isConfItem(e.getKey()) && e.getValue() != ItemStatus.OK && e.getValue() != ItemStatus.ABSENT) {
                return Optional.of("the conf files were not all read (" + e.getKey() + ": " + e.getValue().wire() + ")");
            }
        }
        return s.confIssues().stream().findFirst().map(i -> "the conf files were not all read (" + i.line() + ")");
    }

    private static BaseFile baseFile(NasSnapshot s, String item, String path, Optional<String> text) {
        ItemStatus status = s.itemStatus().get(item);
        if (status == null) {
            return new BaseFile(path, Optional.empty(), Optional.of(path + " was not read (the agent sent no " + item + ")"));
        }
        if (status == ItemStatus.ABSENT) {
            return new BaseFile(path, Optional.empty(), Optional.empty());
        }
        if (status != ItemStatus.OK || text.isEmpty()) {
            return new BaseFile(path, Optional.empty(), Optional.of(path + " could not be read (" + status.wire() + ")"));
        }
        if (text.get().indexOf('\uFFFD') >= 0) {
            // the snapshot reads these files as UTF-8: bytes that are not cannot be written back as they were
            return new BaseFile(path, Optional.empty(), Optional.of(path + " is not valid UTF-8, so it cannot be edited"
                    + " without changing bytes the edit does not mean to change"));
        }
        return new BaseFile(path, text, Optional.empty());
    }
}
