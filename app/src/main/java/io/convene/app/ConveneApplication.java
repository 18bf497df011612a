package io.convene.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;

/** Convene: meetings and calls, run by an embedded Camunda 7 engine. */
@SpringBootApplication(scanBasePackages = "io.convene")
@EnableJdbcRepositories(basePackages = "io.convene.domain")
public class ConveneApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConveneApplication.class, args);
    }
}
