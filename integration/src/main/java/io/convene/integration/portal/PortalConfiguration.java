package io.convene.integration.portal;

import io.convene.domain.thread.ThreadDirectory;
import java.net.http.HttpClient;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The thread directory: the portal's, when {@code CONVENE_PORTAL_URL} is set; else one that knows no threads. */
@Configuration
@EnableConfigurationProperties(PortalProperties.class)
class PortalConfiguration {

    private static final Log log = LogFactory.getLog(PortalConfiguration.class);

    @Bean
    ThreadDirectory threadDirectory(PortalProperties portal) {
        if (!portal.configured()) {
            log.info("No portal configured (CONVENE_PORTAL_URL): a thread call's members are the ones named when it starts");
            return new NoPortalThreadDirectory();
        }
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(portal.timeout())
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(portal.timeout());
        RestClient.Builder client = RestClient.builder().baseUrl(portal.url()).requestFactory(requests);
        if (portal.token() != null) {
            client.defaultHeader("Authorization", "Bearer " + portal.token());
        }
        log.info("Thread membership is asked of the portal at " + portal.url());
        return new PortalThreadDirectory(client.build(), portal.url());
    }
}
