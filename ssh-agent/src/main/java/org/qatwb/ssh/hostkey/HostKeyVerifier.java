package org.qatwb.ssh.hostkey;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.qatwb.model.parse.Snippet;

/**
 * Decides whether to trust the key a server offers, with OpenSSH's rules:
 * known and matching: proceed; changed or revoked: refuse, always (there is no override, not even
 * through the prompt: the user removes the old line with {@code ssh-keygen -R} if the change is
 * expected); unknown: with accept-new save it without asking, otherwise ask the prompt, and with no
 * prompt (non-interactive use) refuse.
 *
 * <p>Off port 22 a host is recorded as {@code [host]:port}; a key found only under the bare host
 * name is trusted too, as ssh trusts it (see {@link #withoutPort}).
 *
 * <p>Deliberate differences from ssh: accept-new does not silently accept a key for a host that
 * {@code known_hosts} already knows under another key type (a server that stopped offering its
 * known key type is worth a question); the prompt is asked instead, or the key refused. And off
 * port 22 a key {@code @revoked} under the bare host name is refused unless {@code [host]:port}
 * vouches for it.
 *
 * <p>Keys accepted once are remembered by this verifier, so a session that reconnects does not ask
 * again. The file is re-read on every check: another ssh or qatwb may have changed it.
 */
public final class HostKeyVerifier {

    private final Path knownHosts;
    private final boolean acceptNew;
    private final Optional<HostKeyPrompt> prompt;
    private final Set<String> acceptedOnce = new HashSet<>();

    /**
     * @param prompt who to ask about unknown keys; empty for non-interactive use
     */
    public HostKeyVerifier(Path knownHosts, boolean acceptNew, Optional<HostKeyPrompt> prompt) {
        this.knownHosts = knownHosts;
        this.acceptNew = acceptNew;
        this.prompt = prompt;
    }

    public Path knownHosts() {
        return knownHosts;
    }

    /** The keys {@code known_hosts} holds for the host (ordinary lines), for choosing host key algorithms. */
    public synchronized List<HostPublicKey> knownKeys(String host, int port) {
        try {
            return KnownHostsFile.read(knownHosts).entriesFor(HostKeyName.of(host, port)).stream()
                    .filter(e -> e.marker() == Marker.NONE).map(KnownHostsEntry::key).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Checks {@code key} offered by {@code host:port}; may ask the prompt and may append to the file. */
    public synchronized HostKeyOutcome check(String host, int port, HostPublicKey key) {
        String name = HostKeyName.of(host, port);
        List<String> notes = new ArrayList<>();
        KnownHostsVerdict verdict;
        boolean readable = true;
        try {
            KnownHostsFile file = KnownHostsFile.read(knownHosts);
            verdict = withoutPort(file, host, port, key, file.verify(name, key));
            if (!file.problems().isEmpty()) {
                notes.add(file.problems().size() + " line(s) of " + knownHosts + " could not be read, for example "
                        + file.problems().get(0));
            }
        } catch (IOException e) {
            readable = false;
            verdict = new KnownHostsVerdict.Unknown(List.of(), List.of());
            notes.add("could not read " + knownHosts + ": " + Snippet.failure(e));
        }
        if (verdict instanceof KnownHostsVerdict.Revoked r) {
            return new HostKeyOutcome.Revoked(name, key, knownHosts, r.entry());
        }
        if (verdict instanceof KnownHostsVerdict.Changed c) {
            return new HostKeyOutcome.Changed(name, key, knownHosts, c.conflicting());
        }
        if (verdict instanceof KnownHostsVerdict.Known k) {
            return new HostKeyOutcome.Known(key, knownHosts, k.entry().line());
        }
        return unknown(host, port, name, key, (KnownHostsVerdict.Unknown) verdict, notes, readable);
    }

    /**
     * OpenSSH's second look (sshconnect.c, check_host_key, the HOST_NEW case with its
     * {@code clobber_port} argument): when nothing is recorded for this key under {@code [host]:port},
     * ssh checks again under the bare host name, quietly and read-only, and trusts the key if an
     * ordinary line there has it; for any key, not only for certificates. Anything else found there
     * (another key, nothing) leaves the key unknown, to be asked about and saved under
     * {@code [host]:port}, as ssh does. One deliberate difference: a key that nothing vouches for under
     * {@code [host]:port} and that a bare-name {@code @revoked} line revokes is refused as revoked,
     * where ssh would go on to treat it as new (and accept-new would save it).
     */
    private static KnownHostsVerdict withoutPort(KnownHostsFile file, String host, int port, HostPublicKey key,
            KnownHostsVerdict verdict) {
        if (port == 22 || port == 0 || !(verdict instanceof KnownHostsVerdict.Unknown u)) {
            return verdict;
        }
        KnownHostsVerdict bare = file.verify(HostKeyName.of(host, 22), key);
        if (bare instanceof KnownHostsVerdict.Known || bare instanceof KnownHostsVerdict.Revoked) {
            return bare;
        }
        if (bare instanceof KnownHostsVerdict.Unknown b && !b.certAuthorities().isEmpty()) {
            // ssh would try a host certificate against these too; say that they were not used
            List<KnownHostsEntry> authorities = new ArrayList<>(u.certAuthorities());
            b.certAuthorities().stream().filter(e -> !authorities.contains(e)).forEach(authorities::add);
            return new KnownHostsVerdict.Unknown(u.otherTypes(), authorities);
        }
        return verdict;
    }

    private HostKeyOutcome unknown(String host, int port, String name, HostPublicKey key, KnownHostsVerdict.Unknown u,
            List<String> notes, boolean readable) {
        if (acceptedOnce.contains(name + " " + key.base64())) {
            return new HostKeyOutcome.Known(key, knownHosts, 0);
        }
        for (KnownHostsEntry e : u.otherTypes()) {
            notes.add(knownHosts + ":" + e.line() + " has a " + e.key().type() + " key for this host,"
                    + " but the server did not offer that type");
        }
        for (KnownHostsEntry e : u.certAuthorities()) {
            notes.add(knownHosts + ":" + e.line() + " is a @cert-authority entry for this host;"
                    + " qatwb does not use host certificates and ignored it");
        }
        UnknownHostKey unknown = new UnknownHostKey(host, port, name, key.type(), key.fingerprint(), knownHosts, notes);
        boolean autoSave = acceptNew && readable && u.otherTypes().isEmpty();
        if (autoSave) {
            return save(name, key);
        }
        if (prompt.isEmpty()) {
            return new HostKeyOutcome.NotAccepted(unknown, false);
        }
        HostKeyDecision decision;
        try {
            decision = prompt.get().decide(unknown);
        } catch (RuntimeException e) {
            decision = HostKeyDecision.REFUSE;
        }
        return switch (decision == null ? HostKeyDecision.REFUSE : decision) {
            case ACCEPT_ONCE -> {
                acceptedOnce.add(name + " " + key.base64());
                yield new HostKeyOutcome.AcceptedOnce(key);
            }
            case ACCEPT_AND_SAVE -> save(name, key);
            case REFUSE -> new HostKeyOutcome.NotAccepted(unknown, true);
        };
    }

    private HostKeyOutcome save(String name, HostPublicKey key) {
        try {
            int line = KnownHostsWriter.append(knownHosts, name, key);
            return new HostKeyOutcome.Saved(key, knownHosts, line, null);
        } catch (IOException e) {
            // as ssh: a key the user accepted is trusted for this session even if it cannot be saved
            acceptedOnce.add(name + " " + key.base64());
            return new HostKeyOutcome.Saved(key, knownHosts, 0, "could not write " + knownHosts + ": " + Snippet.failure(e));
        }
    }
}
