package io.convene.api.realtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.convene.api.security.BrowserOrigins;
import io.convene.application.guest.GuestAdmissions;
import io.convene.application.guest.GuestCredentials;
import io.convene.application.call.CallInvitations;
import io.convene.application.meeting.Attendance;
import io.convene.application.meeting.MeetingReads;
import io.convene.application.presence.Presence;
import io.convene.application.realtime.EventRouting;
import io.convene.application.realtime.PresenceDigest;
import io.convene.application.realtime.SocketSessions;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The real-time gateway: the Socket.IO server and the events consumer that feeds it (convene.realtime.enabled). */
@Configuration
@EnableConfigurationProperties(RealtimeProperties.class)
@ConditionalOnProperty(name = "convene.realtime.enabled", havingValue = "true", matchIfMissing = true)
class RealtimeConfiguration {

    @Bean
    InboundEvents inboundEvents(Attendance attendance, Presence presence, GuestAdmissions guests, MeetingReads reads,
                                CallInvitations invitations, RealtimeProperties properties) {
        return new InboundEvents(attendance, presence, guests, reads, invitations, properties);
    }

    @Bean
    SocketGateway socketGateway(RealtimeProperties properties, BrowserOrigins origins, JwtDecoder jwtDecoder,
                                SocketSessions sessions, InboundEvents inbound, Clock clock, PresenceDigest digest,
                                GuestCredentials guests) {
        return new SocketGateway(properties, origins, jwtDecoder, sessions, inbound, clock, digest, guests);
    }

    @Bean
    RealtimeEvents realtimeEvents(KafkaProperties kafka, @Value("${convene.events.topic:convene.events}") String topic,
                                  EventRouting routing, SocketGateway gateway, ObjectMapper json) {
        return new RealtimeEvents(kafka, topic, routing, gateway, json);
    }
}
