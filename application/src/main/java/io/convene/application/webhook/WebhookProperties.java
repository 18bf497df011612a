package io.convene.application.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param secretOverlap  after a rotation the previous secret signs too, this long (receivers switch over)
 * @param claim          the node that queued a first attempt (or a replay) sends it within this; after
 *                       that the recovery sweep may take it (a node that died, a full sender)
 * @param senderThreads  first attempts and replays in flight at once on this node
 * @param senderQueue    first attempts waiting for a sender thread; beyond it they wait for the sweep
 * @param maxBodyBytes   a delivery's body is at most this; larger event data is cut to its ids
 * @param replayLimit    most deliveries one "replay since" request sends again
 */
@ConfigurationProperties("convene.webhooks")
public record WebhookProperties(@DefaultValue("24h") Duration secretOverlap,
                                @DefaultValue("30s") Duration claim,
                                @DefaultValue("32") int senderThreads,
                                @DefaultValue("20000") int senderQueue,
                                @DefaultValue("20000") int maxBodyBytes,
                                @DefaultValue("1000") int replayLimit) {
}
