/**
 * The Z.I.A. decisions taken over a whole {@link org.qatwb.model.snapshot.NasSnapshot}: the use
 * case behind {@code qatwb zia} and the doctor's panel ({@link org.qatwb.model.zia.plan.ZiaUseCase}:
 * whether a change may be made and what it brings along, what to keep, the drift of kept against
 * live) and the encryption and dedup that rule an offload out ({@link org.qatwb.model.zia.plan.ZiaDataRisk}).
 *
 * <p>Why a package of its own: the snapshot reads the facts of {@code model.zia} (the host's dpusm,
 * the kept file, the hooks), so what decides over a snapshot sits above it, and no package of the
 * model depends back on one that depends on it.
 */
package org.qatwb.model.zia.plan;
