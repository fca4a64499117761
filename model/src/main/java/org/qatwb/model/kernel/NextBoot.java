package org.qatwb.model.kernel;

import java.util.Objects;

/**
 * The kernel that boots next, and how that was found.
 *
 * @param kernel the kernel release
 * @param source where it was read
 * @param entry  the boot entry as the boot loader names it (a GRUB title), or the file that said so
 */
public record NextBoot(String kernel, Source source, String entry) {

    public enum Source {
        /** grubenv's {@code next_entry}: {@code grub-reboot}'s one-time choice. */
        GRUB_NEXT_ENTRY("GRUB's one-time next_entry"),
        /** grub.cfg's {@code set default=}, resolved through grubenv's {@code saved_entry} where it says so. */
        GRUB_DEFAULT("GRUB's default entry"),
        /** systemd-boot's {@code loader.conf} {@code default}. */
        SYSTEMD_BOOT("systemd-boot's default"),
        /** Debian's {@code /boot/vmlinuz} link to the newest kernel: a hint only. */
        VMLINUZ_LINK("the /boot/vmlinuz link");

        private final String words;

        Source(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public NextBoot {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(entry, "entry");
    }

    /** {@code GRUB's default entry 'Debian GNU/Linux'}. */
    public String describe() {
        return source.words() + (entry.isEmpty() ? "" : " '" + entry + "'");
    }
}
