package org.qatwb.model.doctor;

import java.util.EnumSet;
import java.util.Set;
import org.qatwb.model.persist.KeepList;
import org.qatwb.model.persist.PersistPlan;
import org.qatwb.model.persist.PersistState;
import org.qatwb.model.persist.PersistTarget;
import org.qatwb.model.persist.ZfsQatUnit;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsParam;

/**
 * Link 8 after a reboot, {@code zfs.persistence}: when zfs.ko loads before QAT is up, its QAT init
 * finds no instance and ZFS uses no QAT, the parameters still reading 0 (OpenZFS qat_dc_init,
 * qat_cy_init; DOMAIN.md section 6), and only a write of 0 retries the init. So those that are on
 * must be written 0 again at every boot, after qat.service: a systemd unit, or on TrueNAS an init
 * script ({@code model.persist}).
 */
final class PersistenceCheck {

    private PersistenceCheck() {
    }

    static CheckResult check(CheckContext c) {
        Check self = Check.ZFS_PERSISTENCE;
        NasSnapshot s = c.snapshot();
        PersistState state = s.persistence();
        if (state instanceof PersistState.Unreadable u) {
            return CheckResult.warn(self, "what keeps the parameters after a reboot could not be read: " + u.reason());
        }
        Set<ZfsParam> want = wanted(c);
        Set<ZfsParam> kept = state.keptAtBoot();
        String by = where(state);
        PersistPlan plan = PersistPlan.of(state, want);
        Fix fix = new Fix.PersistFix(plan);
        if (state instanceof PersistState.Foreign f) {
            return CheckResult.warn(self, by + " is not as QAT Workbench writes it (" + f.reason() + "): it may or may not"
                    + " keep " + word(want) + " on", fix);
        }
        if (kept.equals(want)) {
            return CheckResult.pass(self, want.isEmpty() ? "no parameter is on, so nothing has to be kept after a reboot"
                    : word(want) + " kept on after every boot by " + by);
        }
        if (!kept.containsAll(want)) {
            Set<ZfsParam> lost = EnumSet.copyOf(want);
            lost.removeAll(kept);
            String now = state instanceof PersistState.Kept k && !k.enabled() ? by + " is disabled"
                    : kept.isEmpty() ? "nothing keeps them" : by + " keeps only " + word(kept);
            return switch (KernelLogFacts.bootOrder(s.kernelLog())) {
                case QAT_FIRST -> CheckResult.pass(self, now + ", but at this boot QAT was up before zfs.ko loaded"
                        + " (kernel log), so zfs.ko's own init found QAT for " + word(lost) + "; should the boot order change,"
                        + " qatwb params --keep-after-reboot keeps them");
                case ZFS_FIRST -> CheckResult.fail(self, now + ", and zfs.ko loads before QAT here (kernel log): after a"
                        + " reboot " + word(lost) + " will do nothing (its QAT init finds no instance; only a write of 0"
                        + " after qat.service retries it)", fix);
                case UNKNOWN -> CheckResult.warn(self, now + "; if zfs.ko loads before qat.service at boot (as on"
                        + " root-on-ZFS systems), " + word(lost) + " will do nothing after a reboot until 0 is written"
                        + " again", fix);
            };
        }
        Set<ZfsParam> extra = EnumSet.copyOf(kept);
        extra.removeAll(want);
        return CheckResult.warn(self, by + " also turns " + word(extra) + " on at boot, which is off now", fix);
    }

    /**
     * The parameters that should survive a reboot: those on now; when all are 1, those
     * {@code zfs.params} asks to turn on.
     */
    private static Set<ZfsParam> wanted(CheckContext c) {
        NasSnapshot s = c.snapshot();
        Set<ZfsParam> want = EnumSet.noneOf(ZfsParam.class);
        s.params().forEach((p, v) -> {
            if (v == 0) {
                want.add(p);
            }
        });
        CheckResult params = c.earlier().get(Check.ZFS_PARAMS);
        if (want.isEmpty() && params != null) {
            for (Fix f : params.fixes()) {
                if (f instanceof Fix.ParamFix pf && pf.value() == 0) {
                    want.add(pf.param());
                }
            }
        }
        return want;
    }

    private static String where(PersistState state) {
        return state.target() == PersistTarget.SYSTEMD_UNIT ? "the systemd unit " + ZfsQatUnit.NAME
                : "the TrueNAS init script";
    }

    private static String word(Set<ZfsParam> params) {
        return params.isEmpty() ? "nothing" : KeepList.word(params).replace(",", ", ");
    }
}
