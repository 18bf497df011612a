package io.convene.application.presence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param onlineWindow          a user is online while their last heartbeat is at most this old
 *                              (the portal sends one every 60 s; the window allows one to be late)
 * @param disconnectGrace       after a user's last socket closes they stay online this long (a page reload)
 * @param instanceId            this instance's name in {@code presence_instance}; empty = host name + random suffix
 * @param instanceLease         how long this instance's connections count without a renewal (a dead node's
 *                              users go offline at most this long, plus one sweep, after it died)
 * @param sweepInterval         how often the sweep renews the lease and finds who went offline
 * @param flushInterval         heartbeats are kept in memory and written in one batch this often
 * @param maxPendingHeartbeats  distinct users held in memory before a heartbeat writes the batch itself
 * @param leaveGrace            a user in meetings or calls by a join their sockets track leaves them this long
 *                              after their last socket closed (or after the node that held it was found dead),
 *                              unless one reconnects meanwhile (docs/presence.md, "Leaving by disconnect")
 */
@ConfigurationProperties("convene.presence")
public record PresenceProperties(@DefaultValue("90s") Duration onlineWindow,
                                 @DefaultValue("5s") Duration disconnectGrace,
                                 @DefaultValue("") String instanceId,
                                 @DefaultValue("30s") Duration instanceLease,
                                 @DefaultValue("5s") Duration sweepInterval,
                                 @DefaultValue("1s") Duration flushInterval,
                                 @DefaultValue("200000") int maxPendingHeartbeats,
                                 @DefaultValue("15s") Duration leaveGrace) {
}
