package org.qatwb.model.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.qatwb.model.device.DeviceRef;
import org.qatwb.model.device.DriverRelease;

/**
 * The driver's verdict on each device of a host (allocator.md section 4).
 *
 * <p>A VF's ring map is its PF's (section 3): the PF's {@code GENERAL/ServicesEnabled} once its
 * file passed adf_ctl and the service lookup of its release and profile, else the default
 * {@code cy;dc} map the PF has had since probe (also when the PF is not in the set).
 */
public final class Allocator {

    private Allocator() {
    }

    /** Every device of the set, in the set's order. */
    public static List<DeviceVerdict> place(List<DeviceConf> devices, DriverRelease release) {
        Map<String, DeviceConf> byName = devices.stream()
                .collect(Collectors.toMap(DeviceConf::name, Function.identity(), (a, b) -> a));
        List<DeviceVerdict> out = new ArrayList<>(devices.size());
        for (DeviceConf d : devices) {
            PfOffer offer = PfOffer.FRESH;
            if (d.device().vf()) {
                offer = d.pf().map(byName::get).map(pf -> offer(pf, release)).orElse(PfOffer.FRESH);
            }
            out.add(place(d, offer, release));
        }
        return out;
    }

    /**
     * What a PF's driver sends its VFs once adf_ctl configured it with this file: the map and
     * capabilities it holds (allocator.md section 3 and 10.1-10.3); {@link PfOffer#FRESH} for a
     * device the model does not cover.
     */
    public static PfOffer offer(DeviceConf pf, DriverRelease release) {
        return DeviceRun.offerSent(pf, release);
    }

    /** One device; for a VF {@code offer} is what its PF sends, for a PF it is ignored. */
    public static DeviceVerdict place(DeviceConf device, PfOffer offer, DriverRelease release) {
        return place(device, offer.map(), offer.caps(), release);
    }

    /** One device; for a VF {@code pfMap} is the map its PF sends, for a PF it is ignored. */
    public static DeviceVerdict place(DeviceConf device, RingMap pfMap, DriverRelease release) {
        return place(device, pfMap, pfMap.capabilities(), release);
    }

    private static DeviceVerdict place(DeviceConf device, RingMap pfMap, int pfCaps, DriverRelease release) {
        DeviceRef ref = device.device();
        Optional<BankGeometry> g = BankGeometry.of(ref);
        if (g.isEmpty()) {
            return new DeviceVerdict.NotModelled(device.name(), ref.model().isEmpty()
                    ? "unknown device type, the allocator model covers QAT 1.x devices only"
                    : "a Gen 4 device: another driver with another ring model, not modelled");
        }
        try {
            return new DeviceRun(device, g.get(), pfMap, pfCaps, release).run();
        } catch (Refusal r) {
            return r.verdict;
        }
    }
}
