package org.qatwb.model.irq;

import java.util.Objects;
import java.util.regex.Pattern;
import org.qatwb.model.cpu.CpuTopology;

/**
 * One VF's completion interrupt pinned to one CPU: what {@code qatwb irq pin} and the layout
 * editor ask for, and one line of the boot unit that keeps it ({@code model.irq.IrqPinUnit}).
 * Both values are checked here, before anything reaches a shell: the PCI address by its shape
 * ({@code DDDD:BB:DD.F}, lower-case hex, slot below 32, function below 8), the CPU against the
 * CPUs online ({@link #check}).
 *
 * @param vfBsf the VF's PCI address
 * @param cpu   the CPU its interrupt is delivered to
 */
public record IrqPin(String vfBsf, int cpu) {

    private static final Pattern BSF = Pattern.compile("[0-9a-f]{4}:[0-9a-f]{2}:[01][0-9a-f]\\.[0-7]");

    public IrqPin {
        Objects.requireNonNull(vfBsf, "vfBsf");
        if (!BSF.matcher(vfBsf).matches()) {
            throw new IllegalArgumentException("not a PCI address DDDD:BB:DD.F (lower-case hex, slot 00-1f, function 0-7): "
                    + org.qatwb.model.parse.Snippet.quote(vfBsf));
        }
        if (cpu < 0 || cpu > org.qatwb.model.cpu.CpuList.MAX_CPU) {
            throw new IllegalArgumentException("not a CPU number: " + cpu);
        }
    }

    /**
     * The pin of the VF whose interrupt the driver names {@code irqName} ({@code qat_3d:10.02}, the
     * domain taken as {@code 0000}: the name has none); empty for any other name.
     */
    public static java.util.Optional<IrqPin> ofIrqName(String irqName, int cpu) {
        return QatIrqName.parse(irqName).filter(n -> n instanceof QatIrqName.Vf)
                .map(n -> new IrqPin("0000:" + ((QatIrqName.Vf) n).busSlotFunction(), cpu));
    }

    /** The driver's name of the VF's interrupt ({@code qat_3d:01.00}: slot and function in decimal). */
    public String irqName() {
        String[] p = vfBsf.split("[:.]");
        return QatIrqName.ofVf(Integer.parseInt(p[1], 16), Integer.parseInt(p[2], 16), Integer.parseInt(p[3], 16));
    }

    /** The word the agent's {@code irq-pin} takes: {@code NAME=CPU}. */
    public String word() {
        return irqName() + "=" + cpu;
    }

    /** Refuses a CPU that is not online on the NAS (the kernel would refuse it with EINVAL). */
    public void check(CpuTopology cpus) {
        if (cpus.online().isEmpty()) {
            throw new IllegalArgumentException("the NAS's online CPUs were not read: no CPU can be checked");
        }
        if (!cpus.online().get().contains(cpu)) {
            throw new IllegalArgumentException("CPU " + cpu + " is not online on the NAS (online: " + cpus.online().get() + ")");
        }
    }
}
