package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.rollout.RolloutApplication;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * The {@code ldap} profile refuses to start with settings that would open a door, before it talks to any
 * directory: no directory at all, trusting every certificate, anonymous logins, or the demo's own users.
 */
class LdapSettingsStartupTests {

    private static final String URL = "--rollout.ldap.server-url=ldaps://ldap.example.invalid:636";

    @Test
    void aDirectoryIsRequired() {
        assertThat(startFailure(List.of("test", "ldap")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ROLLOUT_LDAP_URL");
    }

    @Test
    void untrustedCertificatesAreRefused() {
        assertThat(startFailure(List.of("test", "ldap"), URL, "--rollout.ldap.accept-untrusted-certificates=true"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("trust store");
    }

    @Test
    void anonymousLoginsAreRefused() {
        assertThat(startFailure(List.of("test", "ldap"), URL, "--rollout.ldap.allow-anonymous-login=true"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty password");
    }

    @Test
    void theDemoDoesNotRunOnADirectory() {
        assertThat(startFailure(List.of("test", "demo", "ldap"), URL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("demo and ldap cannot be combined");
    }

    private static Throwable startFailure(List<String> profiles, String... args) {
        // without the webapps, as AdminPasswordStartupTests: a failed start leaves their static runtime delegates
        // unset, which would break the Admin API for the web tests' context in the same JVM
        List<String> arguments = new ArrayList<>(List.of(args));
        arguments.addAll(
                List.of("--server.port=0", "--spring.main.banner-mode=off", "--camunda.bpm.webapp.enabled=false"));
        Throwable failure = catchThrowable(() -> {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(RolloutApplication.class)
                    .profiles(profiles.toArray(String[]::new))
                    .run(arguments.toArray(String[]::new));
            context.close();
        });
        assertThat(failure).as("the application started").isNotNull();
        return NestedExceptionUtils.getRootCause(failure);
    }
}
