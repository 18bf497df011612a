package io.convene.domain.conference;

import java.time.Instant;

/** What a client needs to open a Jitsi room: the domain, the room, its URL, and the JWT. */
public record JitsiJoin(String domain, String room, String url, String token, Instant expiresAt) {
}
