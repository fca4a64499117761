package org.qatwb.icons;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AppIconsTest {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Test
    void listsEverySizeSmallestFirst() {
        List<URL> urls = AppIcons.applicationIconUrls();
        assertEquals(List.of(16, 24, 32, 48, 64, 128, 256), AppIcons.SIZES);
        assertEquals(AppIcons.SIZES.size(), urls.size());
        for (int i = 0; i < urls.size(); i++) {
            assertTrue(urls.get(i).getPath().endsWith("/org/qatwb/icons/qatwb-" + AppIcons.SIZES.get(i) + ".png"),
                    urls.get(i).toString());
        }
    }

    @Test
    void everyIconIsAPngOfItsStatedSize() throws IOException {
        List<URL> urls = AppIcons.applicationIconUrls();
        for (int i = 0; i < urls.size(); i++) {
            int size = AppIcons.SIZES.get(i);
            URL url = urls.get(i);
            byte[] png;
            try (InputStream in = url.openStream()) {
                png = in.readAllBytes();
            }
            // the header: signature, then IHDR first with width and height as big-endian ints
            assertTrue(png.length > 33, url + " is too short for a PNG");
            assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8), url + " lacks the PNG signature");
            ByteBuffer header = ByteBuffer.wrap(png); // big-endian
            assertEquals(13, header.getInt(8), url + ": IHDR length");
            assertEquals("IHDR", new String(png, 12, 4, StandardCharsets.US_ASCII), url + ": first chunk");
            assertEquals(size, header.getInt(16), url + ": width in the header");
            assertEquals(size, header.getInt(20), url + ": height in the header");
            // and the whole file decodes to that size, with an alpha channel for the rounded corners
            BufferedImage image = ImageIO.read(url);
            assertNotNull(image, url + " does not decode");
            assertEquals(size, image.getWidth(), url + ": decoded width");
            assertEquals(size, image.getHeight(), url + ": decoded height");
            assertTrue(image.getColorModel().hasAlpha(), url + " has no alpha");
        }
    }

    @Test
    void theSvgSourcesShipBesideThePngs() {
        for (String name : List.of("qatwb.svg", "qatwb-32.svg", "qatwb-24.svg", "qatwb-small.svg")) {
            assertNotNull(AppIcons.class.getResource(name), name);
        }
    }

    @Test
    void anUnrenderedSizeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AppIcons.applicationIconUrl(20));
    }
}
