package io.convene.api.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browsers ({@code convene.web}).
 *
 * @param allowedOrigins the origins whose pages may call the REST API (CORS) and connect to the
 *                       Socket.IO gateway: exact origins ({@code https://portal.example.org}) or
 *                       Spring's origin patterns ({@code https://*.example.org},
 *                       {@code http://localhost:[*]}); never {@code *}. Environment:
 *                       {@code CONVENE_ALLOWED_ORIGINS}, formerly {@code CONVENE_REALTIME_ORIGINS}
 *                       (still read, see application.yaml)
 */
@ConfigurationProperties("convene.web")
public record WebProperties(
        @DefaultValue({"http://localhost:3000", "http://localhost:8080"}) List<String> allowedOrigins) {
}
