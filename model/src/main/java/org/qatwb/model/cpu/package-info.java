/**
 * The NAS's CPUs: {@link org.qatwb.model.cpu.CpuList}, the kernel's CPU list format
 * ({@code 0-3,8}), and {@link org.qatwb.model.cpu.CpuTopology}, the CPUs online and their NUMA nodes.
 * It sits below {@code snapshot} (which reads them), {@code irq} (affinities, pins) and
 * {@code layout} (cores), so that none of them depends on another for a CPU number.
 */
package org.qatwb.model.cpu;
