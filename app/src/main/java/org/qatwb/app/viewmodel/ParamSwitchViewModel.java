package org.qatwb.app.viewmodel;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.qatwb.model.agent.ItemStatus;
import org.qatwb.model.snapshot.NasSnapshot;
import org.qatwb.model.zfs.ZfsParam;

/** One of the three offload switches: its real state on the NAS and the command that flips it. */
public final class ParamSwitchViewModel {

    private final ZfsParam param;
    private final BiConsumer<ZfsParam, Boolean> setter;
    private final ReadOnlyObjectWrapper<ParamState> state = new ReadOnlyObjectWrapper<>(ParamState.UNKNOWN);
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper();

    ParamSwitchViewModel(ZfsParam param, BiConsumer<ZfsParam, Boolean> setter) {
        this.param = param;
        this.setter = setter;
    }

    public ZfsParam param() {
        return param;
    }

    /** "Compression", "Checksum", "Encryption". */
    public String label() {
        return org.qatwb.app.usecase.SwitchOffload.label(param);
    }

    /** What ZFS offloads through this switch, and only that (DOMAIN.md section 7). */
    public String scope() {
        return switch (param) {
            case COMPRESS -> "gzip datasets, blocks of 4-128 KiB";
            case CHECKSUM -> "checksum=sha256 (and dedup), blocks of 4-128 KiB";
            case ENCRYPT -> "AES-GCM encryption, blocks of 4-128 KiB";
        };
    }

    /**
     * The known risk of turning this on (DOMAIN.md section 8): checksum and encryption sessions
     * can be freed while the driver still counts a request (OpenZFS issue #14463).
     */
    public Optional<String> warning() {
        return param == ZfsParam.COMPRESS ? Optional.empty() : Optional.of(
                "OpenZFS issue #14463: under load, freeing a " + (param == ZfsParam.CHECKSUM ? "checksum" : "encryption")
                        + " session can race the driver (kernel log: \"There are 1 requests pending\"), with panics"
                        + " reported. Compression is not affected; watch the kernel log if you turn this on.");
    }

    public ReadOnlyObjectProperty<ParamState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ParamState getState() {
        return state.get();
    }

    /** A change is on its way to the NAS. */
    public ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** Asks for the offload on or off; the state follows what the NAS then reports. */
    public void request(boolean on) {
        if (pending.get() || state.get() == ParamState.ABSENT) {
            return;
        }
        setter.accept(param, on);
    }

    void setPending(boolean p) {
        pending.set(p);
    }

    void setState(ParamState s) {
        state.set(s);
    }

    void update(NasSnapshot s) {
        state.set(stateIn(s, param));
    }

    static ParamState stateIn(NasSnapshot s, ZfsParam p) {
        OptionalInt v = s.param(p);
        if (v.isPresent()) {
            return v.getAsInt() == 0 ? ParamState.ON : ParamState.OFF;
        }
        return s.itemStatus().get(p.itemName()) == ItemStatus.ABSENT ? ParamState.ABSENT : ParamState.UNKNOWN;
    }
}
