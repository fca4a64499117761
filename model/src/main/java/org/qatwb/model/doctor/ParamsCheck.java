package org.qatwb.model.doctor;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.qatwb.model.kstat.QatCounter;
import org.qatwb.model.kstat.QatKstat;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsParam;
import org.qatwb.model.snapshot.ZfsParamSetting;

/**
 * Link 8, {@code zfs.params}, read from OpenZFS (module/os/linux/zfs/qat.c, qat_compress.c,
 * qat_crypt.c; DOMAIN.md section 6):
 * <ul>
 * <li>A 0 proves nothing. {@code qat_dc_init} and {@code qat_cy_init} return 0 when the driver reports
 * no instance (as it does before qat.service has started a device) without marking themselves done,
 * so after a boot where zfs.ko loaded before QAT the parameters stay 0 and {@code qat_*_use_accel}
 * never offloads. Only requests prove the init: the kstat counts them from zfs.ko's load on, and
 * {@code qat_*_use_accel} hands out none before the init is done.</li>
 * <li>A 1 has three causes only: an explicit 1 given at load (modprobe.d options or the kernel
 * command line, which kmod passes on); an init that failed, at load ({@code qat_init} sets the flags
 * to 1) or on a write of 0 ({@code param_set_qat_compress}, {@code param_set_qat_checksum},
 * {@code param_set_qat_encrypt} set 1 back and return the init's -1, EPERM); or a 1 written since
 * (an administrator, {@code qatwb params --X off}). OpenZFS logs nothing when the init fails; the
 * driver's access layer may (its {@code FUNC() - : message} lines), and the writer gets
 * "Operation not permitted".</li>
 * </ul>
 * Compression has its own init; checksum and encryption share {@code qat_cy_init}, so a checksum
 * request proves the encryption init as well.
 */
final class ParamsCheck {

    private ParamsCheck() {
    }

    static CheckResult check(CheckContext c) {
        Check self = Check.ZFS_PARAMS;
        NasSnapshot s = c.snapshot();
        if (s.params().isEmpty()) {
            return CheckResult.warn(self, "the zfs_qat_* parameters could not be read");
        }
        List<ZfsParam> off = s.params().entrySet().stream().filter(e -> e.getValue() != 0).map(e -> e.getKey()).toList();
        List<ZfsParam> on = s.params().entrySet().stream().filter(e -> e.getValue() == 0).map(e -> e.getKey()).toList();
        if (off.isEmpty()) {
            return allOn(c, on);
        }
        boolean pending = !KernelLogFacts.requestsPending(s.kernelLog()).isEmpty();
        List<ZfsParam> turnOn = off.stream().filter(p -> !(pending && ZfsChecks.CY_PARAMS.contains(p))).toList();
        String leftOff = pending && off.stream().anyMatch(ZfsChecks.CY_PARAMS::contains)
                ? "; checksum and encryption are best left off (kernel.requests-pending)" : "";
        if (turnOn.isEmpty()) {
            return CheckResult.pass(self, ZfsChecks.names(on) + " on, " + ZfsChecks.names(off) + " off: the mitigation"
                    + " for the requests-pending message (kernel.requests-pending)");
        }
        List<Fix> fixes = new ArrayList<>();
        turnOn.forEach(p -> fixes.add(new Fix.ParamFix(p, 0)));
        List<String> details = new ArrayList<>();
        List<ZfsParamSetting> explicit = s.modules().zfsOptions().stream()
                .filter(o -> turnOn.contains(o.param()) && o.disables()).toList();
        explicit.forEach(o -> details.add(o.describe() + ": kmod passes it to zfs.ko at every load"));
        if (!explicit.isEmpty()) {
            fixes.add(new Fix.CommandFix(explicit.stream().map(ParamsCheck::removal).distinct().toList(),
                    "else they are 1 again after the next boot; where zfs.ko loads from the initramfs (root on ZFS),"
                            + " update-initramfs -u after editing modprobe.d"));
        }
        String why = why(c, turnOn, explicit);
        if (on.isEmpty()) {
            return new CheckResult(self, CheckStatus.FAIL, "all " + off.size() + " parameters are 1, ZFS offloads"
                    + " nothing: " + why + leftOff, fixes, details);
        }
        return new CheckResult(self, CheckStatus.WARN, ZfsChecks.names(on) + " on, " + ZfsChecks.names(off)
                + " off (1): that work is done in software; " + why + leftOff, fixes, details);
    }

    /** Every parameter 0: a pass only where requests prove that ZFS's QAT init was done. */
    private static CheckResult allOn(CheckContext c, List<ZfsParam> on) {
        Check self = Check.ZFS_PARAMS;
        NasSnapshot s = c.snapshot();
        List<String> proofs = new ArrayList<>();
        List<ZfsParam> unproven = new ArrayList<>();
        for (Init init : Init.values()) {
            List<ZfsParam> mine = on.stream().filter(init.params::contains).toList();
            if (mine.isEmpty()) {
                continue;
            }
            Optional<String> proof = init.proof(s.kstat(), c.observation());
            if (proof.isPresent()) {
                proofs.add(ZfsChecks.names(mine) + ": " + proof.get());
            } else {
                unproven.addAll(mine);
            }
        }
        if (unproven.isEmpty()) {
            return CheckResult.pass(self, ZfsChecks.names(on) + " on (0), and ZFS's QAT init is proved done: "
                    + String.join("; ", proofs));
        }
        String boot = switch (KernelLogFacts.bootOrder(s.kernelLog())) {
            case ZFS_FIRST -> "at this boot zfs.ko loaded before any QAT device had started (kernel log): its QAT init"
                    + " found no instance, returned success without marking itself done, and left the parameters at 0"
                    + " with QAT unused (qat_dc_init, qat_cy_init)";
            case QAT_FIRST -> "QAT was up when zfs.ko loaded, so either no offloadable work has run yet or the"
                    + " driver gave ZFS no instance of that kind (qat.kernel-instances)";
            case UNKNOWN -> "after a boot where zfs.ko loaded before qat.service (root on ZFS), ZFS's QAT init found no"
                    + " instance and the parameters stay 0 with QAT unused (qat_dc_init, qat_cy_init)";
        };
        String counted = c.snapshot().kstat().isPresent() ? "no QAT request of that kind since zfs.ko loaded (kstat)"
                : "the kstat could not be read";
        String observed = c.observation().filter(o -> o instanceof Observation.Counted).map(o -> ", none in "
                + String.format(Locale.ROOT, "%.1f", ((Observation.Counted) o).seconds()) + " s").orElse("");
        List<Fix> fixes = unproven.stream().<Fix>map(p -> new Fix.ParamFix(p, 0)).toList();
        return new CheckResult(self, CheckStatus.WARN, ZfsChecks.names(unproven) + " read 0, but a 0 proves nothing: "
                + counted + observed + "; " + boot + ". Writing 0 again retries the init (param_set_qat_*), harmless"
                + " where it is done" + (proofs.isEmpty() ? "" : "; proved: " + String.join("; ", proofs)), fixes,
                List.of());
    }

    /** Why the parameters in {@code off} are 1: said from what the NAS shows, not guessed. */
    private static String why(CheckContext c, List<ZfsParam> off, List<ZfsParamSetting> explicit) {
        NasSnapshot s = c.snapshot();
        Set<ZfsParam> explained = EnumSet.noneOf(ZfsParam.class);
        explicit.forEach(o -> explained.add(o.param()));
        List<String> parts = new ArrayList<>();
        if (!explicit.isEmpty()) {
            parts.add(ZfsChecks.names(List.copyOf(explained)) + " set to 1 at load by " + explicit.stream()
                    .map(o -> o.where()).distinct().collect(Collectors.joining(" and ")));
        }
        List<ZfsParam> rest = off.stream().filter(p -> !explained.contains(p)).toList();
        if (rest.isEmpty()) {
            return String.join("; ", parts);
        }
        boolean qatDown = c.failed(Check.QAT_DRIVER) || c.failed(Check.QAT_KAPI) || c.failed(Check.QAT_DEVICES_UP)
                || c.failed(Check.QAT_KERNEL_INSTANCES);
        String read = s.modules().cmdlineRead() ? "no =1 in modprobe.d or on the kernel command line"
                : "modprobe.d and the kernel command line were not read";
        String cause = qatDown
                ? "QAT's init failed (with the failed QAT checks above it cannot succeed): a write of 0 then fails with"
                        + " EPERM and ZFS sets the value back to 1 (param_set_qat_*)"
                : "a write of 0 that failed (EPERM: QAT's init failed and ZFS set it back to 1, param_set_qat_*), an init"
                        + " that failed when zfs.ko loaded (qat_init), or a 1 written since boot (qatwb params --"
                        + rest.get(0).shortName() + " off)";
        String log = KernelLogFacts.accessLayerError(s.kernelLog())
                .map(l -> "; the driver's access layer last logged " + org.qatwb.model.parse.Snippet.quote(l))
                .orElse("; OpenZFS logs nothing when the init fails: a failed write shows only as the writer's"
                        + " 'Operation not permitted' (e.g. a failed " + org.qatwb.model.persist.ZfsQatUnit.NAME + ")");
        parts.add(ZfsChecks.names(rest) + ": " + read + ", so " + cause + log + "; writing 0 says which: it works,"
                + " or fails with EPERM");
        return String.join("; ", parts);
    }

    /** The edit that removes an explicit 1, for a human. */
    private static String removal(ZfsParamSetting o) {
        return o.where().equals(ZfsParamSetting.CMDLINE)
                ? "remove zfs." + o.param().sysfsName() + "=" + o.value() + " from the boot loader's kernel command line"
                : "remove " + o.param().sysfsName() + "=" + o.value() + " from " + o.where();
    }

    /** ZFS's two QAT inits, each proved by the requests it makes possible. */
    private enum Init {
        DC("qat_dc_init", EnumSet.of(ZfsParam.COMPRESS), List.of(QatCounter.COMP_REQUESTS, QatCounter.DECOMP_REQUESTS)),
        CY("qat_cy_init", EnumSet.of(ZfsParam.CHECKSUM, ZfsParam.ENCRYPT), List.of(QatCounter.CKSUM_REQUESTS,
                QatCounter.ENCRYPT_REQUESTS, QatCounter.DECRYPT_REQUESTS));

        final String function;
        final Set<ZfsParam> params;
        final List<QatCounter> requests;

        Init(String function, Set<ZfsParam> params, List<QatCounter> requests) {
            this.function = function;
            this.params = params;
            this.requests = requests;
        }

        /** How the NAS shows this init done: requests since zfs.ko loaded, or while observed. */
        Optional<String> proof(Optional<QatKstat> kstat, Optional<Observation> observation) {
            for (QatCounter q : requests) {
                long since = kstat.flatMap(k -> k.value(q).isPresent() ? Optional.of(k.value(q).getAsLong())
                        : Optional.empty()).orElse(0L);
                if (since != 0) {
                    return Optional.of(Long.toUnsignedString(since) + " " + q.kstatName() + " since zfs.ko loaded ("
                            + function + " done)");
                }
            }
            if (observation.isPresent() && observation.get() instanceof Observation.Counted o) {
                long n = requests.stream().mapToLong(o::delta).sum();
                if (n > 0) {
                    return Optional.of(n + " request(s) while observed (" + function + " done)");
                }
            }
            return Optional.empty();
        }
    }
}
