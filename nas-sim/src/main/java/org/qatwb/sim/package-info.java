/**
 * The simulated NAS: an SSH server on loopback running the real agent script against a generated
 * root tree, with stand-ins for the QAT and ZFS tools. Depends on {@code model}, never on the app.
 */
package org.qatwb.sim;
