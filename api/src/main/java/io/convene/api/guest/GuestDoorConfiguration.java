package io.convene.api.guest;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GuestDoorProperties.class)
class GuestDoorConfiguration {

    @Bean
    ClientAddresses clientAddresses(GuestDoorProperties properties) {
        return new ClientAddresses(properties.trustedProxies());
    }
}
