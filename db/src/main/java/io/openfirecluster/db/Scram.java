package io.openfirecluster.db;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SCRAM-SHA-1 credentials (RFC 5802) as Openfire stores them in {@code ofUser}: {@code salt}
 * (base64 of 24 random bytes), {@code iterations}, {@code storedKey} and {@code serverKey} (base64).
 * Openfire accepts such a row for SCRAM-SHA-1 and, by deriving the same keys, for PLAIN.
 */
public record Scram(String salt, int iterations, String storedKey, String serverKey) {

    public static final int ITERATIONS = 4096;
    public static final int SALT_BYTES = 24;

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Credentials for {@code password} with a fresh random salt. */
    public static Scram create(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return create(password, salt, ITERATIONS);
    }

    /** Credentials for {@code password} with the given salt and iteration count. */
    public static Scram create(String password, byte[] salt, int iterations) {
        byte[] salted = saltedPassword(password, salt, iterations);
        byte[] clientKey = hmac(salted, "Client Key");
        byte[] storedKey = sha1(clientKey);
        byte[] serverKey = hmac(salted, "Server Key");
        Base64.Encoder b64 = Base64.getEncoder();
        return new Scram(b64.encodeToString(salt), iterations, b64.encodeToString(storedKey),
                b64.encodeToString(serverKey));
    }

    /** SaltedPassword := Hi(password, salt, i), i.e. PBKDF2 with HMAC-SHA-1 and a 20-byte output. */
    static byte[] saltedPassword(String password, byte[] salt, int iterations) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            mac.update(salt);
            byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
            byte[] result = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < result.length; j++) {
                    result[j] ^= u[j];
                }
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
