package io.rollout.identity;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the {@code oidc} profile reads a person from the OpenID Connect provider's tokens ({@link OidcLogin}).
 *
 * @param userIdClaim the claim that holds the Camunda user id ({@code preferred_username} unless set); a token
 * without it falls back to {@code sub}
 * @param groupsClaim the claim that lists the person's groups ({@code groups} unless set): a list or a string
 * separated by commas or blanks
 * @param groupMapping a group of the provider (an Entra ID object id, a Keycloak path) to the Camunda group it
 * stands for; a group not listed here keeps its own name, without a leading {@code /}
 */
@ConfigurationProperties("rollout.oidc")
record OidcProperties(String userIdClaim, String groupsClaim, Map<String, String> groupMapping) {

    OidcProperties {
        userIdClaim = userIdClaim == null || userIdClaim.isBlank() ? "preferred_username" : userIdClaim;
        groupsClaim = groupsClaim == null || groupsClaim.isBlank() ? "groups" : groupsClaim;
        groupMapping = groupMapping == null ? Map.of() : Map.copyOf(groupMapping);
    }
}
