/**
 * Host key trust with OpenSSH's {@code known_hosts} semantics, independent of any SSH library.
 *
 * <p>{@link org.qatwb.ssh.hostkey.KnownHostsFile} reads plain and hashed ({@code |1|salt|hash})
 * host fields, {@code [host]:port} names for ports other than 22, comma lists with wildcards and
 * negation, {@code @revoked} (a revoked key is refused) and {@code @cert-authority} (host
 * certificates are not supported: such lines are ignored and the prompt says so), several keys per
 * host, comments and blank lines. {@link org.qatwb.ssh.hostkey.HostKeyVerifier} decides what to do
 * with the key a server offers: proceed when it is known, ask a {@link org.qatwb.ssh.hostkey.HostKeyPrompt}
 * (or save without asking with accept-new) when it is unknown, and always refuse a changed or
 * revoked key, naming the file and line of the entry in the way.
 */
package org.qatwb.ssh.hostkey;
