package org.qatwb.app.exporter;

import java.util.Objects;
import org.qatwb.ssh.config.ConnectionSpec;

/**
 * One NAS the exporter reads, resolved before anything connects (a bad destination is refused at
 * start, not found by a supervisor minutes later).
 *
 * @param nas  the {@code nas} label: unique among the targets
 * @param spec where and as whom to connect; keys and the agent only, nobody is asked anything
 * @param sudo the agent's privileged reads through {@code sudo -n}
 */
public record ExporterTarget(String nas, ConnectionSpec spec, boolean sudo) {
    public ExporterTarget {
        Objects.requireNonNull(nas, "nas");
        Objects.requireNonNull(spec, "spec");
        if (nas.isBlank()) {
            throw new IllegalArgumentException("a target needs a name");
        }
    }
}
