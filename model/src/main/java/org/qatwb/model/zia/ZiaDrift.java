package org.qatwb.model.zia;

import java.util.Objects;

/**
 * One kept Z.I.A. setting the pool does not show live (after an import or a reboot the hook did not
 * cover, or a change made by hand).
 *
 * @param pool     the pool
 * @param property the property
 * @param live     what {@code zpool get} shows ({@code off}, {@code -} for no provider); {@code absent}
 *                 when the pool is not imported
 * @param kept     what qatwb keeps
 */
public record ZiaDrift(String pool, ZiaProperty property, String live, String kept) {

    public ZiaDrift {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(live, "live");
        Objects.requireNonNull(kept, "kept");
    }

    public String describe() {
        return pool + ": " + property.wire() + " is " + live + ", kept " + kept;
    }
}
