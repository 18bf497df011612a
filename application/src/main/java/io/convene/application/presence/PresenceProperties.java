package io.convene.application.presence;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param onlineWindow a user is online while their last heartbeat is at most this old
 *                     (the portal sends one every 60 s; the window allows one to be late)
 */
@ConfigurationProperties("convene.presence")
public record PresenceProperties(@DefaultValue("90s") Duration onlineWindow) {
}
