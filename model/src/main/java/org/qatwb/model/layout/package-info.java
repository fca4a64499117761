/**
 * The layout of a NAS's QAT functions (issue 5): for every PF and VF its role, services and
 * instances ({@link org.qatwb.model.layout.Layout}), derived from a snapshot
 * ({@link org.qatwb.model.layout.Baseline}), edited immutably, compiled into minimal edits of the
 * NAS's files with their diffs and findings ({@link org.qatwb.model.layout.LayoutCompiler}), and the
 * {@link org.qatwb.model.layout.Preset}s. Compiling an unchanged layout gives back exactly the files
 * it came from.
 */
package org.qatwb.model.layout;
