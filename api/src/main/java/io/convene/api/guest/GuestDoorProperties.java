package io.convene.api.guest;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param trustedProxies the reverse proxies / load balancers (CIDRs, comma separated in
 *                       {@code CONVENE_TRUSTED_PROXIES}) whose {@code X-Forwarded-For} is believed;
 *                       none by default: the connection's peer is the client
 */
@ConfigurationProperties("convene.guests")
record GuestDoorProperties(List<String> trustedProxies) {
}
