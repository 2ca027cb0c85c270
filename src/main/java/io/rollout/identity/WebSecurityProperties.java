package io.rollout.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code rollout.security.*}: the browser origins besides the application's own that may call {@code /api} and
 * {@code /engine-rest} with a user's login. Empty by default: only Rollout's own pages. List the public address
 * (e.g. {@code https://rollout.example.com}) when a proxy in front of Rollout does not pass on the
 * {@code X-Forwarded-*} headers, so Rollout cannot tell its own address.
 *
 * @param allowedOrigins origins as a browser sends them: scheme, host and port, no path
 */
@ConfigurationProperties("rollout.security")
record WebSecurityProperties(List<String> allowedOrigins) {

    WebSecurityProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
