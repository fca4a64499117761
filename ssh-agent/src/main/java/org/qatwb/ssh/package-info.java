/**
 * Everything that talks to a NAS: the SSH connection, host keys, authentication, the NAS-side agent
 * script and its protocol, and the transactional apply. Never JavaFX; parsing of what the NAS prints
 * belongs to {@code model}.
 */
package org.qatwb.ssh;
