package org.qatwb.model.irq;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.qatwb.model.etc.IrqbalanceArgs;

/**
 * irqbalance's configuration as far as qatwb's ban touches it: the environment files that exist
 * ({@link IrqbalanceArgs#PATHS}, the agent's {@code irqbalance_env:PATH} items) and qatwb's policy
 * script ({@code irqbalance_policy}).
 *
 * @param envFiles the text of each environment file that exists, by path
 * @param policy   the policy script's text; empty when there is none
 */
public record IrqbalanceFiles(Map<String, String> envFiles, Optional<String> policy) {

    public IrqbalanceFiles {
        envFiles = java.util.Collections.unmodifiableMap(new TreeMap<>(envFiles));
        Objects.requireNonNull(policy, "policy");
    }

    public static IrqbalanceFiles none() {
        return new IrqbalanceFiles(Map.of(), Optional.empty());
    }

    /** The file irqbalance's unit reads: Debian's when it exists, else RHEL's; empty when neither does. */
    public Optional<String> envPath() {
        return IrqbalanceArgs.PATHS.stream().filter(envFiles::containsKey).findFirst();
    }

    /** Whether qatwb's {@code --policyscript} word is in the file's IRQBALANCE_ARGS. */
    public boolean banning() {
        return envPath().map(p -> IrqbalanceArgs.read(envFiles.get(p)).words()
                .contains(org.qatwb.model.irq.IrqbalancePolicy.ARG)).orElse(false);
    }
}
