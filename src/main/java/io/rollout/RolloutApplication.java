package io.rollout;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Rollout: enterprise software implementation projects run as Camunda 7 processes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RolloutApplication {

    public static void main(String[] args) {
        SpringApplication.run(RolloutApplication.class, args);
    }
}
