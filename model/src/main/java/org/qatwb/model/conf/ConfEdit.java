package org.qatwb.model.conf;

/** One change to a conf document, as a value: the layout compiler produces lists of these. */
public sealed interface ConfEdit {

    /** Sets {@code key} in {@code section}, rewriting its line in place or adding one. */
    record SetKey(String section, String key, String value) implements ConfEdit {
    }

    /** Removes every line of {@code key} in {@code section} (so no ignored duplicate takes over). */
    record RemoveKey(String section, String key) implements ConfEdit {
    }

    /** Adds a section header at the end of the file, if the section does not exist yet. */
    record AddSection(String section) implements ConfEdit {
    }

    /** Appends an instance and raises the section's instance count. */
    record AddInstance(String section, InstanceKind kind, String name, int isPolled, int coreAffinity)
            implements ConfEdit {
    }

    /** Removes instance {@code index}, renumbers the ones above it, and lowers the count. */
    record RemoveInstance(String section, InstanceKind kind, int index) implements ConfEdit {
    }
}
