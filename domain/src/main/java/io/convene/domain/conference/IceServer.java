package io.convene.domain.conference;

import java.util.List;

/** One RTCIceServer entry: {@code urls}, and for TURN the coturn REST {@code username} / {@code credential}. */
public record IceServer(List<String> urls, String username, String credential) {
}
