package org.qatwb.model.zia;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.qatwb.model.parse.Snippet;

/**
 * One Z.I.A. pool property to set: {@code zpool set PROPERTY=VALUE POOL}. Validated when built,
 * with the same rules as the agent's {@code zpool-set}, so that every word that reaches the NAS's
 * shell is one of a few safe characters.
 *
 * @param pool     a pool name: a letter, then letters, digits and {@code _.:-} (ZFS also allows
 *                 blanks; such a pool is changed by hand)
 * @param property the property
 * @param value    {@code on} or {@code off}; for the provider, the name its module registers with
 *                 dpusm (letters, digits, {@code _.-}) or {@code off}, which unsets it (spa.c
 *                 {@code spa_prop_validate}: only {@code off} and {@code NULL} unset; any other word,
 *                 {@code none} among them, is looked up as a provider)
 */
public record ZiaChange(String pool, ZiaProperty property, String value) {

    private static final Pattern POOL = Pattern.compile("[A-Za-z][A-Za-z0-9_.:-]{0,254}");
    /** A kernel module's name: at most 64 characters. */
    private static final Pattern PROVIDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public ZiaChange {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(value, "value");
        problem(pool, property, value).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /** Turns one offload on or off. */
    public static ZiaChange turn(String pool, ZiaProperty offload, boolean on) {
        if (!offload.onOff()) {
            throw new IllegalArgumentException(offload.wire() + " is not an on/off offload");
        }
        return new ZiaChange(pool, offload, on ? "on" : "off");
    }

    /** What is wrong with such a change, in one line; empty when it is valid. */
    public static Optional<String> problem(String pool, ZiaProperty property, String value) {
        if (!poolNameOk(pool)) {
            return Optional.of("pool " + Snippet.quote(pool) + ": qatwb sets properties of pools named with a letter, then"
                    + " letters, digits and _.:- only");
        }
        if (property.onOff()) {
            return value.equals("on") || value.equals("off") ? Optional.empty()
                    : Optional.of(property.wire() + " is on or off, not " + Snippet.quote(value));
        }
        return value.equals("off") || PROVIDER.matcher(value).matches() ? Optional.empty()
                : Optional.of("zia_provider " + Snippet.quote(value) + ": a provider is the name its kernel module registers"
                        + " (letters, digits, _.-; at most 64), or off");
    }

    /** Whether qatwb can name this pool to {@code zpool set}. */
    public static boolean poolNameOk(String pool) {
        return POOL.matcher(pool).matches();
    }

    /** The command, as an administrator would type it (every word is shell-safe already). */
    public String command() {
        return "zpool set " + property.wire() + "=" + value + " " + pool;
    }
}
