package org.qatwb.icons;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * The application icon, as PNG resources rendered from {@code qatwb.svg} and its small-size
 * variants (see icons/README.md). Plain Java: a JavaFX stage takes these as
 * {@code stage.getIcons().add(new Image(url.toExternalForm()))}, a Swing frame through
 * {@code ImageIO.read(url)}.
 */
public final class AppIcons {

    /** The rendered sizes, in pixels, smallest first; each PNG is square. */
    public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private AppIcons() {
    }

    /** The class-path resource name of the icon of {@code size} pixels, e.g. {@code /org/qatwb/icons/qatwb-16.png}. */
    public static String resourceName(int size) {
        if (!SIZES.contains(size)) {
            throw new IllegalArgumentException("no " + size + " px application icon; sizes: " + SIZES);
        }
        return "/org/qatwb/icons/qatwb-" + size + ".png";
    }

    /** The icon of {@code size} pixels, one of {@link #SIZES}. */
    public static URL applicationIconUrl(int size) {
        String name = resourceName(size);
        URL url = AppIcons.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing resource " + name + ": the qatwb-icons jar is incomplete");
        }
        return url;
    }

    /** Every size of the icon, smallest first, the order window systems expect to choose from. */
    public static List<URL> applicationIconUrls() {
        List<URL> urls = new ArrayList<>(SIZES.size());
        for (int size : SIZES) {
            urls.add(applicationIconUrl(size));
        }
        return List.copyOf(urls);
    }
}
