package io.convene.domain.sip;

import java.time.Instant;
import java.util.List;

/**
 * The org's SIP settings (one per deployment): whether the softphone may be used, the SIP
 * server's WebSocket URL ({@code wss://}), its realm/domain, an optional outbound proxy and the
 * ICE servers the browser uses. Who changed them last, and when.
 */
public record SipSettings(boolean enabled, String wsUrl, String realm, String outboundProxy,
                          List<IceServer> iceServers, Instant updatedAt, String updatedBy) {

    public SipSettings {
        iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
    }

    /** One ICE server as WebRTC's {@code RTCIceServer}: {@code urls}, and for TURN a user name and credential. */
    public record IceServer(List<String> urls, String username, String credential) {

        public IceServer {
            urls = urls == null ? List.of() : List.copyOf(urls);
        }
    }
}
