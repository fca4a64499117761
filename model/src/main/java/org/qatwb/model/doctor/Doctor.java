package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.snapshot.NasSnapshot;

/**
 * Runs the catalogue over one snapshot, in chain order, each check seeing the results before it.
 * Pure: the same snapshot and observation give the same report.
 */
public final class Doctor {

    private Doctor() {
    }

    /**
     * Examines a NAS.
     *
     * @param snapshot    everything read in one round trip
     * @param observation the counters over a few seconds; empty skips {@code zfs.offload-active}
     */
    public static DoctorReport examine(NasSnapshot snapshot, Optional<Observation> observation) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(observation, "observation");
        Map<Check, CheckResult> done = new EnumMap<>(Check.class);
        List<CheckResult> results = new ArrayList<>();
        for (Check check : Check.values()) {
            CheckContext context = new CheckContext(snapshot, observation, done);
            CheckResult r = context.skipIfBlocked(check).orElseGet(() -> run(check, context));
            done.put(check, r);
            results.add(r);
        }
        return new DoctorReport(results);
    }

    private static CheckResult run(Check check, CheckContext c) {
        // a switch over the enum: a check added to the catalogue without its code does not compile
        return switch (check) {
            case QAT_DRIVER -> DriverChecks.driver(c);
            case QAT_DRIVER_OWNER -> DriverOwnerCheck.check(c);
            case KERNEL_NEXT_BOOT -> KernelChecks.nextBoot(c);
            case KERNEL_QAT_DRIVER_BUILD -> KernelChecks.qatDriverBuild(c);
            case QAT_KAPI -> EtcChecks.kapi(c);
            case QAT_SRIOV -> EtcChecks.sriov(c);
            case QAT_VF_BLACKLIST -> EtcChecks.vfBlacklist(c);
            case QAT_CONF_VALID -> ConfChecks.confValid(c);
            case QAT_KERNEL_INSTANCES -> ConfChecks.kernelInstances(c);
            case ZFS_INSTANCE_CAP -> ConfChecks.instanceCap(c);
            case QAT_DEVICES_UP -> DriverChecks.devicesUp(c);
            case QAT_IRQ_NUMA -> IrqNumaCheck.check(c);
            case ZFS_BUILT_WITH_QAT -> ZfsChecks.builtWithQat(c);
            case KERNEL_ZFS_QAT_BUILD -> KernelChecks.zfsQatBuild(c);
            case KERNEL_INITRAMFS -> KernelChecks.initramfs(c);
            case ZFS_PARAMS -> ParamsCheck.check(c);
            case ZFS_PERSISTENCE -> PersistenceCheck.check(c);
            case ZFS_DATASETS_OFFLOADABLE -> DatasetCheck.check(c);
            case ZFS_OFFLOAD_ACTIVE -> OffloadActiveCheck.check(c);
            case KERNEL_REQUESTS_PENDING -> KernelLogChecks.requestsPending(c);
            case KERNEL_DRIVER_ERRORS -> KernelLogChecks.driverErrors(c);
            case ZIA_STATUS -> ZiaCheck.check(c);
        };
    }
}
