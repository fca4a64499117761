/**
 * The NAS-side agent: the POSIX {@code sh} script shipped as a resource ({@link org.qatwb.ssh.agent.AgentScript}),
 * the command lines that run it ({@link org.qatwb.ssh.agent.AgentCommand}, every argument quoted by
 * {@link org.qatwb.ssh.agent.ShellQuote}) and the boundary that frames its output
 * ({@link org.qatwb.ssh.agent.Boundary}). The contract is docs/agent-protocol.md; the output is
 * parsed in {@code org.qatwb.model.agent}.
 */
package org.qatwb.ssh.agent;
