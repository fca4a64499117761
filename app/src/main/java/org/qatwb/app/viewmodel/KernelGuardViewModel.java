package org.qatwb.app.viewmodel;

import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.qatwb.app.usecase.Diagnose;
import org.qatwb.model.doctor.NextBootGuard;
import org.qatwb.model.snapshot.NasSnapshot;

/**
 * The dashboard's kernel and build guard (issue 16, section 2): after every snapshot, whether the
 * kernel that boots next would lose QAT, in the doctor's words (the same {@link Diagnose} the Doctor
 * tab and {@code qatwb doctor} use).
 */
public final class KernelGuardViewModel {

    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");

    public KernelGuardViewModel(NasViewModel nas) {
        Objects.requireNonNull(nas, "nas");
        nas.snapshotOrderProperty().addListener((o, a, b) -> show(nas.snapshotProperty().get()));
        show(nas.snapshotProperty().get());
    }

    /** One line naming the kernel that would boot without QAT; empty when the next boot keeps it. */
    public ReadOnlyStringProperty warningProperty() {
        return warning.getReadOnlyProperty();
    }

    private void show(NasSnapshot s) {
        warning.set(s == null ? "" : NextBootGuard.warning(Diagnose.examine(s)).orElse(""));
    }
}
