/**
 * The A/B offload benchmark (issue 16, section 1): what the user asks for ({@link
 * org.qatwb.model.bench.BenchRequest}), what will happen, said before it starts ({@link
 * org.qatwb.model.bench.BenchPlan}), each pass measured ({@link org.qatwb.model.bench.BenchRun})
 * and how it ended ({@link org.qatwb.model.bench.BenchResult}). Values only: the NAS runs the
 * benchmark and cleans up after it, the app's use case drives it.
 */
package org.qatwb.model.bench;
