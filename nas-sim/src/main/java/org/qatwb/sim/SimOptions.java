package org.qatwb.sim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.qatwb.sim.profile.ParamsAtBoot;

/**
 * How to start a simulated NAS.
 *
 * @param profile  {@code c62x}, {@code dh8950}, {@code no-qat} or {@code broken}
 * @param port     the port to listen on at 127.0.0.1; 0 for any free port
 * @param stateDir where keys, known_hosts and the NAS's root tree live; null for a new temporary
 *                 directory that {@link SimulatedNas#close()} deletes. A given directory is reused:
 *                 the same keys, and the conf files as they were last edited
 * @param realTime whether the clock follows the wall clock (a ticking thread); false for a clock
 *                 that only {@link SimulatedNas#advance} moves, as tests want
 * @param user     the one login name
 * @param demoLoad start with the profile's demonstration workload (counters moving) instead of idle
 * @param zia      the pools show the Z.I.A. properties of the hpc/zfs fork
 * @param trueNas  whether the NAS is TrueNAS SCALE ({@code /etc/version}, and {@code midclt} with its
 *                 init scripts); null for what the profile is ({@code dh8950} and {@code no-qat} are)
 * @param irqbalance run an irqbalance stand-in ({@code org.qatwb.sim.irq.SimIrqbalance}) that moves the
 *                 QAT VF interrupts it has not banned every 10 simulated seconds
 * @param downTime how long a reboot keeps the NAS down (connections refused) before it boots again, on
 *                 the wall clock: 3 s by default, none for {@link #driven} tests
 * @param paramsAtBoot what ZFS's QAT parameters read after a boot where zfs.ko found no QAT up; null for
 *                 the profile's
 * @param keptParams whether the profile's {@code qatwb-zfs-qat.service} is in a new tree (then ZFS holds
 *                 QAT after every boot and the driver refuses to stop the devices it holds; only
 *                 {@code c62x} has one); false for a tree without it, where ZFS holds nothing after boot
 * @param forkExtras zfs.ko is the hypothetical fork of {@code org.qatwb.sim.zfs.ForkExtras}: a real fork's
 *                 extra kstat rows and {@code zfs_qat_*} parameters on top of OpenZFS's; null for the
 *                 profile's ({@code broken} has them)
 */
public record SimOptions(String profile, int port, Path stateDir, boolean realTime, String user, boolean demoLoad,
                         boolean zia, Boolean trueNas, boolean irqbalance, Duration downTime,
                         ParamsAtBoot paramsAtBoot, boolean keptParams, Boolean forkExtras) {

    public static final String DEFAULT_USER = "admin";
    /** How long a reboot keeps the NAS down by default: long enough to see it go, short enough to wait for. */
    public static final Duration DEFAULT_DOWN_TIME = Duration.ofSeconds(3);

    public SimOptions {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(downTime, "downTime");
        if (downTime.isNegative()) {
            throw new IllegalArgumentException("down time " + downTime);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port);
        }
        if (!user.matches("[a-z_][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("not a login name: " + user);
        }
    }

    /** A profile on any free port, in a temporary directory, on the wall clock, idle. */
    public static SimOptions of(String profile) {
        return new SimOptions(profile, 0, null, true, DEFAULT_USER, false, false, null, false, DEFAULT_DOWN_TIME, null, true, null);
    }

    /** For tests: the clock moves only when the test says so, and a reboot keeps the NAS down no longer than it takes. */
    public static SimOptions driven(String profile) {
        return of(profile).withRealTime(false).withDownTime(Duration.ZERO);
    }

    /** For a demonstration: the wall clock and the profile's workload, so the charts move. */
    public static SimOptions demo(String profile) {
        return of(profile).withDemoLoad(true);
    }

    public SimOptions withPort(int p) {
        return edit(e -> e.port = p);
    }

    public SimOptions withStateDir(Path dir) {
        return edit(e -> e.stateDir = dir);
    }

    public SimOptions withRealTime(boolean on) {
        return edit(e -> e.realTime = on);
    }

    public SimOptions withUser(String name) {
        return edit(e -> e.user = name);
    }

    public SimOptions withDemoLoad(boolean on) {
        return edit(e -> e.demoLoad = on);
    }

    public SimOptions withZia(boolean on) {
        return edit(e -> e.zia = on);
    }

    /** With the irqbalance stand-in running from boot. */
    public SimOptions withIrqbalance(boolean on) {
        return edit(e -> e.irqbalance = on);
    }

    /** TrueNAS SCALE or not, whatever the profile is: {@code /etc/version} and {@code midclt} come and go with it. */
    public SimOptions withTrueNas(boolean on) {
        return edit(e -> e.trueNas = on);
    }

    /** With a reboot keeping the NAS down this long before it boots. */
    public SimOptions withDownTime(Duration d) {
        return edit(e -> e.downTime = d);
    }

    /** With the parameters reading as {@code p} says after a boot where zfs.ko found no QAT; null for the profile's. */
    public SimOptions withParamsAtBoot(ParamsAtBoot p) {
        return edit(e -> e.paramsAtBoot = p);
    }

    /**
     * With or without the profile's parameters unit in a new tree: without it ZFS holds no QAT after a
     * boot (zfs.ko loaded before qat.service and nothing wrote 0 since), so a restart can stop every device.
     */
    public SimOptions withKeptParams(boolean keep) {
        return edit(e -> e.keptParams = keep);
    }

    /** With or without the hypothetical fork's extra kstat rows and parameters; null for the profile's. */
    public SimOptions withForkExtras(Boolean on) {
        return edit(e -> e.forkExtras = on);
    }

    /** A copy with what {@code change} sets: each {@code with} method names only its own field. */
    private SimOptions edit(Consumer<Edit> change) {
        Edit e = new Edit(this);
        change.accept(e);
        return e.build();
    }

    /** The components as fields, so that a copy changes one by name; built through the checks above. */
    private static final class Edit {
        String profile;
        int port;
        Path stateDir;
        boolean realTime;
        String user;
        boolean demoLoad;
        boolean zia;
        Boolean trueNas;
        boolean irqbalance;
        Duration downTime;
        ParamsAtBoot paramsAtBoot;
        boolean keptParams;
        Boolean forkExtras;

        Edit(SimOptions o) {
            profile = o.profile;
            port = o.port;
            stateDir = o.stateDir;
            realTime = o.realTime;
            user = o.user;
            demoLoad = o.demoLoad;
            zia = o.zia;
            trueNas = o.trueNas;
            irqbalance = o.irqbalance;
            downTime = o.downTime;
            paramsAtBoot = o.paramsAtBoot;
            keptParams = o.keptParams;
            forkExtras = o.forkExtras;
        }

        SimOptions build() {
            return new SimOptions(profile, port, stateDir, realTime, user, demoLoad, zia, trueNas, irqbalance, downTime,
                    paramsAtBoot, keptParams, forkExtras);
        }
    }
}
