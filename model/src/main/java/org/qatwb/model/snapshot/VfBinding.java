package org.qatwb.model.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.qatwb.model.parse.ParseException;
import org.qatwb.model.parse.Snippet;

/**
 * One QAT virtual function on the NAS's PCI bus and the driver it is bound to: a line of the
 * agent's {@code pci_vfs} item ({@code 0000:3d:01.0 0x37c9 c6xxvf}).
 *
 * @param bsf      the VF's address, {@code DDDD:BB:DD.F}
 * @param deviceId its PCI device id, {@code 0x37c9}
 * @param driver   the driver bound to it, as {@code /sys/bus/pci/drivers} names it: the QAT VF driver
 *                 ({@code c6xxvf}: the driver's ADF_C62XVF_DEVICE_NAME, not the module's name
 *                 qat_c62xvf), {@code vfio-pci} for a VF passed through to a guest; empty for none
 */
public record VfBinding(String bsf, String deviceId, Optional<String> driver) {

    /**
     * The VF device id of each VF type, as Intel's qat_service lists them (QAT 1.7
     * build_files/qat_service, the {@code *_DEVICE_PCI_ID_VM} values); the agent reports only these.
     */
    public static final Map<String, String> VF_DEVICE_IDS = Map.of(
            "dh895xccvf", "0x0443", "c6xxvf", "0x37c9", "c3xxxvf", "0x19e3",
            "200xxvf", "0x18ef", "d15xxvf", "0x6f55", "c4xxxvf", "0x18a1");

    /** More VFs than any host has: a c4xxx PF has 128, a C62x card 48. */
    static final int MAX_VFS = 4096;

    public VfBinding {
        Objects.requireNonNull(bsf, "bsf");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(driver, "driver");
    }

    /** The VF type its device id names ({@code c6xxvf}). */
    public Optional<String> vfType() {
        return VF_DEVICE_IDS.entrySet().stream().filter(e -> e.getValue().equals(deviceId)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** Whether it is bound to the QAT VF driver of its type: the host's kernel, ZFS among its users, has it. */
    public boolean boundToQat() {
        return driver.isPresent() && vfType().equals(driver);
    }

    /** The agent's lines, "BSF DEVICE DRIVER" with DRIVER {@code -} for none; a bad line is refused whole. */
    public static List<VfBinding> parseAll(String text) throws ParseException {
        List<VfBinding> vfs = new ArrayList<>();
        List<String> lines = text.lines().toList();
        if (lines.size() > MAX_VFS) {
            throw new ParseException(0, "more than " + MAX_VFS + " VFs, more than any QAT host has");
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] w = l.split(" ");
            if (w.length != 3 || !w[0].matches("[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]")
                    || !w[1].matches("0x[0-9a-f]{4}") || !w[2].matches("-|[A-Za-z0-9_.-]{1,64}")) {
                throw new ParseException(i + 1, "expected 'BSF DEVICE DRIVER': " + Snippet.quote(l));
            }
            vfs.add(new VfBinding(w[0], w[1], w[2].equals("-") ? Optional.empty() : Optional.of(w[2])));
        }
        return vfs;
    }
}
