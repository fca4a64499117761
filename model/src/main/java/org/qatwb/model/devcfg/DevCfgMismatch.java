package org.qatwb.model.devcfg;

import java.util.Optional;

/**
 * A key the driver does not show as the files say.
 *
 * @param expected  what the files say
 * @param actual    what dev_cfg holds, if the key is there
 * @param notLoaded the device shows no configuration at all (down, or no dev_cfg read)
 */
public record DevCfgMismatch(DevCfgExpectation.Line expected, Optional<String> actual, boolean notLoaded) {

    /** One line for an administrator. */
    public String describe() {
        DevCfgExpectation.Line e = expected;
        if (notLoaded) {
            return e.bsf() + ": no configuration loaded (wanted [" + e.section() + "] " + e.key() + " = " + e.value() + ")";
        }
        return e.bsf() + ": [" + e.section() + "] " + e.key() + " is " + actual.map(a -> "'" + a + "'").orElse("absent")
                + ", the files say '" + e.value() + "'";
    }
}
