package io.convene.application.presence;

import java.net.InetAddress;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** This app instance's name under which its sockets are counted (a new one each start). */
@Component
class PresenceInstance {

    private final String id;

    PresenceInstance(PresenceProperties properties) {
        this.id = properties.instanceId().isBlank() ? host() + "-" + UUID.randomUUID().toString().substring(0, 8)
                : properties.instanceId();
    }

    String id() {
        return id;
    }

    private static String host() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 60 ? name.substring(0, 60) : name;
        } catch (Exception e) {
            return "convene";
        }
    }
}
