package io.convene.application.recording;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A chunk's body on its way to storage: SHA-256 (and MD5, when asked) computed as the bytes pass, through
 * {@link DigestInputStream}s (nothing is kept), the count capped, and a failure to read the body
 * (the client went away) told apart from a failure of the storage it is written to. Read it
 * through {@link #stream()}.
 */
final class ChunkStream {

    /** Thrown while reading past the cap; the upload stops there. */
    static final class OverCapException extends IOException {
        OverCapException() {
            super("chunk over the size cap");
        }
    }

    private final MessageDigest sha256 = digest("SHA-256");
    private final MessageDigest md5;
    private final Counting counting;
    private final InputStream stream;

    /** {@code withMd5}: compute MD5 too (only when the recorder sent one to check: it costs CPU on every byte). */
    ChunkStream(InputStream body, long cap, boolean withMd5) {
        this.counting = new Counting(body, cap);
        this.md5 = withMd5 ? digest("MD5") : null;
        InputStream digested = new DigestInputStream(counting, sha256);
        this.stream = withMd5 ? new DigestInputStream(digested, md5) : digested;
    }

    /** The body as it must be read: counted, capped, digested. */
    InputStream stream() {
        return stream;
    }

    /** Reads what is left, digesting it (a retried chunk that is not stored again). */
    void drain() throws IOException {
        stream.transferTo(java.io.OutputStream.nullOutputStream());
    }

    long count() {
        return counting.count;
    }

    boolean overCap() {
        return counting.overCap;
    }

    boolean bodyFailed() {
        return counting.readFailure != null;
    }

    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The MD5, or null when it was not computed. */
    String md5Hex() {
        return md5 == null ? null : HexFormat.of().formatHex(md5.digest());
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Counting extends FilterInputStream {
        private final long cap;
        private long count;
        private boolean overCap;
        private IOException readFailure;

        Counting(InputStream in, long cap) {
            super(in);
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (IOException e) {
                readFailure = e;
                throw e;
            }
            if (n > 0) {
                count += n;
                if (count > cap) {
                    overCap = true;
                    throw new OverCapException();
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("a chunk is read whole, never skipped");
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
