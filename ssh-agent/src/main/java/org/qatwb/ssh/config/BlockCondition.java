package org.qatwb.ssh.config;

import java.util.List;

/** The block a configuration line sits in, which decides whether the line applies to a host. */
sealed interface BlockCondition {

    boolean matches(String host);

    /** {@code Host pattern...}: applies when the host given on the command line matches the list. */
    record HostBlock(List<String> patterns) implements BlockCondition {
        public HostBlock {
            patterns = List.copyOf(patterns);
        }

        @Override
        public boolean matches(String host) {
            return HostPatterns.matchesList(host, patterns);
        }
    }

    /** {@code Match ...}: never applied (see the package documentation). */
    record MatchBlock(String criteria) implements BlockCondition {
        @Override
        public boolean matches(String host) {
            return false;
        }
    }
}
