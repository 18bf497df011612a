package io.convene.app.contract;

import java.time.Instant;

/**
 * Seed 002 §2.3 {@code client/lib/models/external_session.dart} as {@code joinAsExternal} builds it (§2.1):
 * the landing page's {@code meetingId}, the register answer's {@code sessionId} and {@code expiresAt}, and
 * what the guest typed. (The model's key fields are not set by the service.)
 */
record ExternalSession(String sessionId, String meetingId, String displayName, String email, Instant expiresAt) {}
