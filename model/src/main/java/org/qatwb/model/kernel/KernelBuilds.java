package org.qatwb.model.kernel;

/**
 * The kernels installed on the NAS and what is built for each (issue 16, section 2): the running
 * one, the default boot entry, each kernel's zfs.ko and QAT modules, DKMS state, the initramfs.
 * Placeholder: the kernel-guard work fills it in.
 */
public record KernelBuilds() {
}
