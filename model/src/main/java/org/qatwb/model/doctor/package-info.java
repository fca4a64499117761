/**
 * The doctor: is QAT actually working for ZFS? The chain of DOMAIN.md section 1 checked link by
 * link, as pure functions of a {@link org.qatwb.model.snapshot.NasSnapshot} (and, for
 * {@code zfs.offload-active}, an {@link org.qatwb.model.doctor.Observation} of the counters).
 *
 * <p>{@link org.qatwb.model.doctor.Check} is the catalogue (fixed ids, a public interface like the
 * lint rules); {@link org.qatwb.model.doctor.Doctor#examine} runs it in chain order and gives a
 * {@link org.qatwb.model.doctor.DoctorReport}. Each {@link org.qatwb.model.doctor.CheckResult} has a
 * status, one line of message, and the {@link org.qatwb.model.doctor.Fix}es that repair it: a
 * parameter to write, a file's new text (with its diff), a persistence plan, or a command to run
 * by hand. A check whose prerequisite failed skips and names it, rather than piling on.
 */
package org.qatwb.model.doctor;
