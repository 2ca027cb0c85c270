package io.rollout.identity;

import io.rollout.RolloutApplication;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The header of the OpenAPI description of {@code /api} that springdoc generates from the controllers
 * ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): title, version, and the two logins
 * {@link WebSecurity} accepts. It sits with the security layer because it describes that layer's logins.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    static final String BASIC = "basic";
    static final String SESSION = "session";
    static final String CSRF = "csrf";

    @Bean
    OpenAPI rolloutApi() {
        String version = Objects.requireNonNullElse(
                RolloutApplication.class.getPackage().getImplementationVersion(), "development");
        return new OpenAPI()
                .info(new Info().title("Rollout API").version(version).description("""
                Rollout's own endpoints under /api: projects, requirements, build, migration, UAT, training, \
                go-live, operations, governance and the audit trail. The engine's REST API (/engine-rest) is \
                Camunda's and described by Camunda. Every call needs a login: HTTP basic with a Camunda user, or \
                the web apps' session with its CSRF token in X-XSRF-TOKEN on calls that change something. \
                What a user may do follows their groups, as in Tasklist."""))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description(
                                                "A Camunda user and password (programs, Camunda Modeler, scripts)."))
                        .addSecuritySchemes(
                                SESSION,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.COOKIE)
                                        .name("JSESSIONID")
                                        .description(
                                                "The session of a login to Tasklist, Cockpit or Admin (Rollout's own pages)."))
                        .addSecuritySchemes(
                                CSRF,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("X-XSRF-TOKEN")
                                        .description(
                                                "The session's CSRF token (GET /api/session), required with the session on every "
                                                        + "call that changes something.")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(SESSION).addList(CSRF));
    }
}
