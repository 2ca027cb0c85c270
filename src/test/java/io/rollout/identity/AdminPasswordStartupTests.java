package io.rollout.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.rollout.RolloutApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/** The application itself, not only the rule, refuses to start without an administrator password. */
class AdminPasswordStartupTests {

    @Test
    void applicationDoesNotStartWithoutAnAdminPassword() {
        // without the webapps: a failed start leaves their static runtime delegates unset, which would
        // break the Admin API for the web tests' context in the same JVM
        Throwable failure = catchThrowable(() -> {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(RolloutApplication.class)
                    .profiles("test")
                    .run(
                            "--rollout.admin.password=",
                            "--server.port=0",
                            "--spring.main.banner-mode=off",
                            "--camunda.bpm.webapp.enabled=false");
            context.close();
        });

        assertThat(failure).as("the application started").isNotNull();
        assertThat(NestedExceptionUtils.getRootCause(failure))
                .isInstanceOf(WeakAdminPasswordException.class)
                .hasMessageStartingWith("security.adminPassword.missing");
    }
}
