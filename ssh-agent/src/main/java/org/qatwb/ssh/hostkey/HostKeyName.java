package org.qatwb.ssh.hostkey;

import java.util.Locale;

/** The name a host is recorded under in {@code known_hosts}: {@code host}, or {@code [host]:port} off port 22. */
public final class HostKeyName {

    private HostKeyName() {
    }

    public static String of(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return port == 22 ? h : "[" + h + "]:" + port;
    }
}
