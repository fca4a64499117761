package org.qatwb.model.zia;

import java.util.List;
import java.util.Objects;

/** Whether a Z.I.A. change may be made, as {@link org.qatwb.model.zia.plan.ZiaUseCase#check} decides it for the CLI and the GUI alike. */
public sealed interface ZiaDecision {

    ZiaChange change();

    /** Not made, for the reason given (one line). */
    record Refused(ZiaChange change, String reason) implements ZiaDecision {
        public Refused {
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** May be made; what else it brings along, one line each, to show first. */
    record Allowed(ZiaChange change, List<String> consequences) implements ZiaDecision {
        public Allowed {
            Objects.requireNonNull(change, "change");
            consequences = List.copyOf(consequences);
        }
    }
}
