package io.convene.integration.webhook;

import java.net.UnknownHostException;

/**
 * Thrown inside OkHttp by {@link EgressDns} and {@link PinnedSocketFactory} when a lookup or a
 * connection would reach a forbidden address. An {@link UnknownHostException} because that is the
 * one checked exception OkHttp's {@code Dns} may throw (and a socket's connect may throw any
 * IOException); the transport finds it in the failure and reports "refused".
 */
final class EgressRefusedException extends UnknownHostException {

    private final String reason;

    EgressRefusedException(String reason) {
        super("refused: " + reason);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    /** The refusal somewhere in a failure's causes or suppressed failures (OkHttp collects one per route), or null. */
    static EgressRefusedException in(Throwable failure) {
        return find(failure, 0);
    }

    private static EgressRefusedException find(Throwable failure, int depth) {
        if (failure == null || depth > 8) {
            return null;
        }
        if (failure instanceof EgressRefusedException refused) {
            return refused;
        }
        EgressRefusedException found = find(failure.getCause() == failure ? null : failure.getCause(), depth + 1);
        for (int i = 0; found == null && i < failure.getSuppressed().length; i++) {
            found = find(failure.getSuppressed()[i], depth + 1);
        }
        return found;
    }
}
