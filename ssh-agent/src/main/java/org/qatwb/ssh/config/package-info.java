/**
 * The part of OpenSSH's client configuration that qatwb uses, read with OpenSSH's semantics, and the
 * {@link org.qatwb.ssh.config.ConnectionSpec} resolved from it and the command line.
 *
 * <p>Supported in {@code ~/.ssh/config}: {@code Host} blocks (several patterns per line, {@code *} and
 * {@code ?} wildcards, {@code !} negation), the first obtained value of each keyword wins,
 * {@code HostName} (with {@code %h}), {@code Port}, {@code User}, {@code IdentityFile} (repeatable;
 * {@code ~} and the tokens {@code %% %d %u %h %r %p %n}), and {@code Include} (relative to
 * {@code ~/.ssh}, globs, conditional on the enclosing block as in OpenSSH). Every other keyword is
 * read and ignored. {@code Match} blocks are never applied: their criteria ({@code exec},
 * {@code canonical}, {@code final}, ...) cannot all be evaluated faithfully here, so the settings of
 * a {@code Match} block are skipped up to the next {@code Host} or {@code Match} line and a warning
 * says so; this can only make qatwb use fewer settings than ssh would, never settings meant for
 * another host.
 */
package org.qatwb.ssh.config;
