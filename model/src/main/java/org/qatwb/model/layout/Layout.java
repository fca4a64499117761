package org.qatwb.model.layout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.qatwb.model.conf.ConfValues;
import org.qatwb.model.conf.InstanceKind;
import org.qatwb.model.cpu.CpuTopology;
import org.qatwb.model.device.DeviceModel;
import org.qatwb.model.lint.SectionKind;
import org.qatwb.model.lint.Services;

/**
 * How a NAS's QAT functions are used: for every PF and VF its role, services and instances, and
 * the host-wide switches. Immutable; every edit returns a new layout and leaves this one as it
 * was, so an editor keeps its undo history as a list of layouts.
 *
 * <p>{@link Baseline#of} derives the layout the NAS has; {@link LayoutCompiler} turns a layout
 * into files. Devices are listed PF by PF, each followed by the VFs it hosts.
 *
 * @param devices every PF and VF, including the VFs SR-IOV would create
 * @param host    {@code SRIOV_ENABLE}, {@code ENABLE_KAPI} and the blocked VF drivers
 * @param cpu     the NAS's cores and NUMA nodes, which affinities refer to (not changed by edits)
 */
public record Layout(List<Device> devices, HostSettings host, CpuTopology cpu) {

    /** The version of the JSON form (docs/layout-json.md). */
    public static final int FORMAT_VERSION = 1;

    public Layout {
        devices = List.copyOf(devices);
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(cpu, "cpu");
        Set<DeviceKey> seen = new HashSet<>();
        for (Device d : devices) {
            if (!seen.add(d.key())) {
                throw new IllegalArgumentException("device " + d.key() + " is listed twice");
            }
        }
    }

    public Optional<Device> device(DeviceKey key) {
        for (Device d : devices) {
            if (d.key().equals(key)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The device, or a one-line refusal naming it. */
    public Device require(DeviceKey key) {
        return device(key).orElseThrow(() -> new IllegalArgumentException("the layout has no device " + key));
    }

    public Optional<Instance> instance(InstanceRef ref) {
        return device(ref.device()).flatMap(d -> d.config().section(ref.section()))
                .map(s -> s.instances(ref.kind()))
                .filter(l -> ref.index() < l.size())
                .map(l -> l.get(ref.index()));
    }

    /** The VFs a PF hosts, in inst_id order. */
    public List<Device> vfsOf(DeviceKey pf) {
        return devices.stream().filter(d -> d.info().pf().filter(pf::equals).isPresent()).toList();
    }

    /**
     * The {@code [KERNEL_QAT]} instances of a kind over every device whose model has the kernel API:
     * what ZFS would use, up to its cap of 48 (DeviceSetLinter.ZFS_INSTANCE_CAP).
     */
    public int kernelInstances(InstanceKind kind) {
        int n = 0;
        for (Device d : devices) {
            boolean kernelApi = d.key().device().model().map(DeviceModel::kernelApi).orElse(true);
            if (kernelApi) {
                n += d.config().section(SectionKind.KERNEL_QAT_NAME).map(s -> s.instances(kind).size()).orElse(0);
            }
        }
        return n;
    }

    public Layout withConfig(DeviceKey key, DeviceConfig config) {
        Objects.requireNonNull(config, "config");
        List<Device> out = new ArrayList<>(devices);
        Device d = require(key);
        out.set(out.indexOf(d), d.withConfig(config));
        return new Layout(out, host, cpu);
    }

    public Layout withHost(HostSettings newHost) {
        return new Layout(devices, newHost, cpu);
    }

    /**
     * Gives every listed device a role: its instances move to {@code [KERNEL_QAT]} (interrupt mode)
     * for ZFS or to a user section (polled) for user space, or go for unused; a device without
     * instances gets one per service it offers, each on the least used core of its NUMA node.
     * The host switches the new role needs are turned on (never off).
     */
    public Layout withRole(Collection<DeviceKey> keys, Role role) {
        return RoleChange.apply(this, keys, role);
    }

    /**
     * Sets {@code ServicesEnabled} on every listed device. Instances of a service that is no longer
     * enabled are removed, so that the layout does not ask the driver for what it refuses.
     */
    public Layout withServices(Collection<DeviceKey> keys, String services) {
        ConfValues.checkValue("ServicesEnabled", services);
        Layout out = this;
        for (DeviceKey key : keys) {
            DeviceConfig c = out.require(key).config();
            List<InstanceSection> sections = new ArrayList<>();
            for (InstanceSection s : c.sections()) {
                sections.add(new InstanceSection(s.name(), Services.allowsCy(services) ? s.cy() : List.of(),
                        Services.allowsDc(services) ? s.dc() : List.of()));
            }
            out = out.withConfig(key, new DeviceConfig(services, sections));
        }
        return out;
    }

    /** Replaces one instance. */
    public Layout withInstance(InstanceRef ref, Instance instance) {
        Objects.requireNonNull(instance, "instance");
        List<Instance> list = new ArrayList<>(instances(ref));
        list.set(ref.index(), instance);
        return withInstances(ref.device(), ref.section(), ref.kind(), list);
    }

    /** Sets one instance's {@code CoreAffinity}, and only that one (see {@link #withCore} for what an editor wants). */
    public Layout withAffinity(InstanceRef ref, int core) {
        return withInstance(ref, instances(ref).get(ref.index()).withCore(core));
    }

    /**
     * Moves an instance to {@code core}, as an editor should: on a VF, an interrupt-mode instance
     * takes every interrupt-mode instance of its section along, since the driver binds the VF's one
     * bank to the core of its first interrupt-mode instance and refuses any other core there
     * (qat_common/adf_cfg_device.c adf_cfg_get_ring_pairs, allocator.md section 4). Elsewhere (a
     * PF, a polled instance) it is {@link #withAffinity}.
     */
    public Layout withCore(InstanceRef ref, int core) {
        Device d = require(ref.device());
        InstanceSection s = d.config().section(ref.section()).orElseThrow(
                () -> new IllegalArgumentException("the layout has no instance " + ref));
        if (!d.vf() || !interruptMode(s, instances(ref).get(ref.index()))) {
            return withAffinity(ref, core);
        }
        Layout out = this;
        for (InstanceKind kind : InstanceKind.values()) {
            List<Instance> list = new ArrayList<>(s.instances(kind));
            for (int i = 0; i < list.size(); i++) {
                if (interruptMode(s, list.get(i))) {
                    list.set(i, list.get(i).withCore(core));
                }
            }
            out = out.withInstances(ref.device(), ref.section(), kind, list);
        }
        return out;
    }

    /**
     * Whether the driver runs the instance's bank in interrupt mode ({@code adf_cfg_is_interrupt_mode}):
     * epoll (2), or a kernel section's instance not polled (1). An unreadable IsPolled counts as not.
     */
    public static boolean interruptMode(InstanceSection s, Instance i) {
        if (i.polled().isEmpty()) {
            return false;
        }
        int p = i.polled().getAsInt();
        return p == 2 || (s.kind().kernel() && p != Instance.POLLED);
    }

    /** Appends an instance to a section (which is created when missing); turns on what it needs. */
    public Layout withInstanceAdded(DeviceKey key, String section, InstanceKind kind, Instance instance) {
        Objects.requireNonNull(instance, "instance");
        Device d = require(key);
        List<Instance> list = new ArrayList<>(d.config().section(section)
                .map(s -> s.instances(kind)).orElse(List.of()));
        list.add(instance);
        Layout out = withInstances(key, section, kind, list);
        return out.withHost(HostNeeds.of(out.host(), List.of(out.require(key))));
    }

    /** Removes one instance; the instances above it move down one index, as the driver numbers them. */
    public Layout withInstanceRemoved(InstanceRef ref) {
        List<Instance> list = new ArrayList<>(instances(ref));
        list.remove(ref.index());
        return withInstances(ref.device(), ref.section(), ref.kind(), list);
    }

    /**
     * This NAS's layout with the choices of another one (a layout file written earlier or for
     * another box): its devices' configs and its host switches. Devices the other layout does not
     * name keep theirs; the facts (addresses, nodes, cores) stay this layout's, as read now.
     *
     * @throws IllegalArgumentException naming a device this NAS does not have
     */
    public Layout withChoicesOf(Layout wanted) {
        Layout out = this;
        for (Device d : wanted.devices()) {
            if (device(d.key()).isEmpty()) {
                throw new IllegalArgumentException("the layout names " + d.key() + ", which this NAS has neither as a device"
                        + " nor as a conf file");
            }
            out = out.withConfig(d.key(), d.config());
        }
        return out.withHost(wanted.host());
    }

    /** Turns on every host switch that the devices' instances need (SR-IOV, the kernel API, VF drivers). */
    public Layout withHostNeeds() {
        return withHost(HostNeeds.of(host, devices));
    }

    private List<Instance> instances(InstanceRef ref) {
        List<Instance> list = require(ref.device()).config().section(ref.section())
                .map(s -> s.instances(ref.kind())).orElse(List.of());
        if (ref.index() >= list.size()) {
            throw new IllegalArgumentException("the layout has no instance " + ref);
        }
        return list;
    }

    private Layout withInstances(DeviceKey key, String section, InstanceKind kind, List<Instance> list) {
        DeviceConfig c = require(key).config();
        InstanceSection s = c.section(section).orElse(InstanceSection.empty(section));
        return withConfig(key, c.withSection(s.withInstances(kind, list)));
    }
}
