package org.qatwb.model.conf;

/** The two kinds of service instance a conf section declares. */
public enum InstanceKind {
    /** Crypto instances: {@code NumberCyInstances}, {@code Cy<n>Name}, ... (needs cy, sym or asym). */
    CY("Cy", "NumberCyInstances"),
    /** Compression instances: {@code NumberDcInstances}, {@code Dc<n>Name}, ... (needs dc). */
    DC("Dc", "NumberDcInstances");

    private final String prefix;
    private final String countKey;

    InstanceKind(String prefix, String countKey) {
        this.prefix = prefix;
        this.countKey = countKey;
    }

    /** {@code Cy} or {@code Dc}. */
    public String prefix() {
        return prefix;
    }

    /** {@code NumberCyInstances} or {@code NumberDcInstances}. */
    public String countKey() {
        return countKey;
    }

    /** The key of instance {@code n}'s {@code suffix} ({@code Name}, {@code IsPolled}, {@code CoreAffinity}). */
    public String key(int n, String suffix) {
        return prefix + n + suffix;
    }

    /**
     * The instance index of an instance key ({@code Cy12Name} gives 12), or -1 when the key is not
     * one of this kind's instance keys.
     */
    public int indexOf(String key) {
        if (!key.startsWith(prefix)) {
            return -1;
        }
        int i = prefix.length();
        int start = i;
        while (i < key.length() && Character.isDigit(key.charAt(i))) {
            i++;
        }
        // the driver compares keys as text: Cy01Name is not Cy1Name
        if (i == start || i == key.length() || i - start > 6 || (i - start > 1 && key.charAt(start) == '0')) {
            return -1;
        }
        return Integer.parseInt(key.substring(start, i));
    }

    /** What follows the index in an instance key ({@code Name} for {@code Cy12Name}). */
    public String suffixOf(String key) {
        if (!key.startsWith(prefix)) {
            return "";
        }
        int i = prefix.length();
        while (i < key.length() && Character.isDigit(key.charAt(i))) {
            i++;
        }
        return key.substring(i);
    }
}
