package io.rollout.identity;

import io.rollout.shared.ForModels;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A Spring bean that an injected expression would call: {@code ${cveCanary.fire()}}. Its counter
 * proves whether the engine evaluated an expression (public, so JUEL may call it).
 */
public class CveCanary {

    /**
     * The REST API and the webapps address the engine by name ({@code /engine-rest/task} means the
     * engine "default"): the web tests keep that name instead of the test profile's unique one.
     */
    public static final String DEFAULT_ENGINE_NAME = "camunda.bpm.generate-unique-process-engine-name=false";

    private final AtomicInteger fired = new AtomicInteger();

    // offered as models' beans are: the engine resolves only those (modelling.ModelBeans), and the canary must stay
    // reachable, or the guard's tests would pass without the guard
    @ForModels
    public String fire() {
        fired.incrementAndGet();
        return "canary";
    }

    int fired() {
        return fired.get();
    }

    void reset() {
        fired.set(0);
    }

    /** Imported by the web tests; all of them share one configuration and so one context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        CveCanary cveCanary() {
            return new CveCanary();
        }
    }
}
