package org.qatwb.ssh.hostkey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.qatwb.ssh.config.HostPatterns;

/** The host field of a {@code known_hosts} line: a plain pattern list or one hashed name. */
sealed interface HostField {

    boolean matches(String name);

    /** {@code host1,[host2]:2222,*.lan,!bad.lan}. */
    record Plain(List<String> patterns) implements HostField {
        public Plain {
            patterns = List.copyOf(patterns);
        }

        @Override
        public boolean matches(String name) {
            return HostPatterns.matchesList(name, patterns);
        }
    }

    /** {@code |1|base64(salt)|base64(HMAC-SHA1(salt, name))}, as HashKnownHosts writes it. */
    record Hashed(byte[] salt, byte[] hash) implements HostField {
        @Override
        public boolean matches(String name) {
            // constant-time compare: the hash is not secret, but there is no reason to leak timing
            return MessageDigest.isEqual(hmac(salt, name), hash);
        }

        static Hashed parse(String field) {
            String[] parts = field.split("\\|", -1);
            if (parts.length != 4 || !parts[0].isEmpty() || !parts[1].equals("1")) {
                throw new IllegalArgumentException("hashed host field is not |1|salt|hash");
            }
            Base64.Decoder d = Base64.getDecoder();
            byte[] salt = d.decode(parts[2]);
            byte[] hash = d.decode(parts[3]);
            if (salt.length != 20 || hash.length != 20) {
                throw new IllegalArgumentException("hashed host field with a bad salt or hash length");
            }
            return new Hashed(salt, hash);
        }

        static String format(byte[] salt, String name) {
            Base64.Encoder e = Base64.getEncoder();
            return "|1|" + e.encodeToString(salt) + "|" + e.encodeToString(hmac(salt, name));
        }

        static byte[] hmac(byte[] salt, String name) {
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec(salt, "HmacSHA1"));
                return mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java runtime has HmacSHA1", e);
            }
        }
    }
}
