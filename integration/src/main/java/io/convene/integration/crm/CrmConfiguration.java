package io.convene.integration.crm;

import io.convene.domain.calllog.Contact;
import io.convene.domain.calllog.ContactDirectory;
import java.net.http.HttpClient;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The contact directory: the CRM's, when {@code CONVENE_CRM_URL} is set; else one that knows nobody. */
@Configuration
@EnableConfigurationProperties(CrmProperties.class)
class CrmConfiguration {

    private static final Log log = LogFactory.getLog(CrmConfiguration.class);

    @Bean
    ContactDirectory contactDirectory(CrmProperties crm) {
        if (!crm.configured()) {
            log.info("No CRM configured (CONVENE_CRM_URL): inbound softphone calls are not matched to contacts");
            return new ContactDirectory() {
                @Override
                public boolean configured() {
                    return false;
                }

                @Override
                public Optional<Contact> findByNumber(String e164) {
                    return Optional.empty();
                }
            };
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(crm.timeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(crm.timeout());
        RestClient.Builder client = RestClient.builder().baseUrl(crm.url()).requestFactory(requests);
        if (crm.token() != null) {
            client.defaultHeader("Authorization", "Bearer " + crm.token());
        }
        log.info("Inbound softphone calls are matched to contacts of the CRM at " + crm.url());
        return new HttpContactDirectory(client.build(), crm.url());
    }
}
