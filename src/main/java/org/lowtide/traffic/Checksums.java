package org.lowtide.traffic;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one SHA-256 of Lowtide: the checksum a plan file keeps of its traffic file, the provenance
 * a report prints, the digest that makes a report's file id reproducible, and the digest of what
 * an announcement sent. It lives in {@code traffic} (JDK only, the bottom layer) so that every
 * package may use it; an ArchUnit rule keeps {@code MessageDigest.getInstance} here.
 */
public final class Checksums {

    private Checksums() {
    }

    /** @return the SHA-256 of a file's bytes, lower-case hex */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    /** @return the SHA-256 of everything left in {@code in} (which stays open), lower-case hex */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest md = newDigest();
        try (DigestInputStream digesting = new DigestInputStream(in, md) {
            @Override
            public void close() {
                // the caller's stream
            }
        }) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * @return the SHA-256 of the parts as UTF-8, each followed by a zero byte (so that ("ab", "c")
     *         and ("a", "bc") differ)
     */
    public static byte[] sha256(Iterable<String> parts) {
        MessageDigest md = newDigest();
        for (String part : parts) {
            md.update(part.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
        return md.digest();
    }

    /** @return the SHA-256 of {@code text} as UTF-8, lower-case hex */
    public static String sha256Utf8(String text) {
        return HexFormat.of().formatHex(newDigest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
