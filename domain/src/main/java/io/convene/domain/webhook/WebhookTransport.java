package io.convene.domain.webhook;

import java.net.URI;

/**
 * Sends webhook deliveries out of the building, on the egress rules (no loopback, private,
 * link-local, CGNAT, ULA or metadata address; https where required; no redirects followed),
 * checked at registration and again on the address each request actually connects to.
 */
public interface WebhookTransport {

    /**
     * Refuses a URL the egress rules forbid, resolving its host: the exception's message says
     * why, for the {@code url} field of a problem.
     */
    void check(URI url) throws UnsafeUrlException;

    /** One signed POST. Network failures and refusals are outcomes, never exceptions. */
    SendOutcome send(SignedDelivery delivery);
}
