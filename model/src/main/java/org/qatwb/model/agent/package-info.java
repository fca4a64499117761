/**
 * The output of the NAS-side agent script (docs/agent-protocol.md): frames delimited by a random
 * boundary, parsed whole ({@link org.qatwb.model.agent.AgentOutput}) or incrementally as a stream
 * arrives ({@link org.qatwb.model.agent.StreamFrameReader}). Both share one grammar
 * ({@code FrameScanner}) and raise only {@link org.qatwb.model.parse.ParseException} for bad output.
 */
package org.qatwb.model.agent;
