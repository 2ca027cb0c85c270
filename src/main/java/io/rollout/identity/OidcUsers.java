package io.rollout.identity;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person logging in through the OpenID Connect provider, as Camunda knows them. The user id comes from the
 * configured claim, the groups from the groups claim at every login; only groups that Camunda's identity store
 * holds count (Rollout's roles, {@code dept-<department>}, {@code camunda-admin}), others are ignored. The person
 * and their memberships are mirrored into Camunda's identity store at each login, so that Tasklist, the Admin app
 * and Rollout's own look-ups (department owners, project people) find them: the provider is the source of truth,
 * memberships given in the Admin app are replaced at the next login. The mirrored user gets a random password
 * nobody knows: single sign-on users have no basic login on {@code /engine-rest}. A user this login did not create
 * for this person (the administrator, a technical user, a user of another provider or another subject) is refused: a
 * token cannot take over an account.
 */
final class OidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The prefix of the authorities that carry the person's Camunda groups. */
    static final String GROUP = "CAMUNDA_GROUP_";

    /** The key of Camunda's user info that marks a user this login created: the provider's issuer and subject. */
    static final String FROM_PROVIDER = "rollout.oidc.issuer";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OidcUserService provider = new OidcUserService();
    private final OidcProperties properties;
    private final ObjectProvider<IdentityService> identity;

    OidcUsers(OidcProperties properties, ObjectProvider<IdentityService> identity) {
        this.properties = properties;
        this.identity = identity;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        String nameClaim =
                text(user.getClaims().get(properties.userIdClaim())) != null ? properties.userIdClaim() : "sub";
        String userId = text(user.getClaims().get(nameClaim));
        if (userId == null) {
            throw refused("The token of the identity provider names no user (claim " + properties.userIdClaim()
                    + " or sub).");
        }
        List<String> groups = knownGroups(requestedGroups(user.getClaims().get(properties.groupsClaim())));
        try {
            mirror(userId, user, groups);
        } catch (ProcessEngineException problem) {
            throw refused("The user " + userId + " of the identity provider cannot be a Camunda user: "
                    + problem.getMessage());
        }
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        groups.forEach(group -> authorities.add(new SimpleGrantedAuthority(GROUP + group)));
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameClaim);
    }

    /** The Camunda group ids a person of the provider is in, from their authorities. */
    static List<String> groups(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith(GROUP))
                .map(a -> a.substring(GROUP.length()))
                .toList();
    }

    private Set<String> requestedGroups(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> list) {
            list.forEach(value -> values.add(String.valueOf(value)));
        } else if (claim instanceof String text) {
            values.addAll(List.of(text.split("[,\\s]+")));
        }
        Set<String> groups = new LinkedHashSet<>();
        for (String value : values) {
            String mapped = properties.groupMapping().getOrDefault(value, value).trim();
            mapped = mapped.startsWith("/") ? mapped.substring(1) : mapped;
            if (!mapped.isEmpty()) {
                groups.add(mapped);
            }
        }
        return groups;
    }

    private List<String> knownGroups(Set<String> requested) {
        if (requested.isEmpty()) {
            return List.of();
        }
        return identity.getObject().createGroupQuery().groupIdIn(requested.toArray(String[]::new)).list().stream()
                .map(Group::getId)
                .sorted()
                .toList();
    }

    private void mirror(String userId, OidcUser person, List<String> groups) {
        IdentityService identityService = identity.getObject();
        User user = identityService.createUserQuery().userId(userId).singleResult();
        boolean created = user == null;
        String origin = person.getIssuer() + " " + person.getSubject();
        if (!created && !origin.equals(identityService.getUserInfo(userId, FROM_PROVIDER))) {
            // the administrator, a technical user of a program, a person of another provider or an earlier holder of
            // the name: the token may not take over their login and groups (preferred_username is not stable)
            throw refused("The user " + userId + " is a Camunda user of its own, not this person of the identity "
                    + "provider: single sign-on does not log in as it.");
        }
        if (created) {
            user = identityService.newUser(userId);
            user.setPassword(randomPassword());
        }
        String first = text(person.getGivenName());
        String last = text(person.getFamilyName());
        String email = text(person.getEmail());
        if (created
                || !same(first, user.getFirstName())
                || !same(last, user.getLastName())
                || !same(email, user.getEmail())) {
            user.setFirstName(first);
            user.setLastName(last);
            user.setEmail(email);
            identityService.saveUser(user);
        }
        if (created) {
            identityService.setUserInfo(userId, FROM_PROVIDER, origin);
        }
        Set<String> current = new LinkedHashSet<>(identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList());
        for (String group : current) {
            if (!groups.contains(group)) {
                identityService.deleteMembership(userId, group);
            }
        }
        for (String group : groups) {
            if (!current.contains(group)) {
                identityService.createMembership(userId, group);
            }
        }
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String text(Object value) {
        return value instanceof String text && !text.isBlank() ? text.trim() : null;
    }

    private static String randomPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        // letters, digits and signs of every kind, so that an engine password policy accepts it
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "aA1!";
    }

    private static OAuth2AuthenticationException refused(String message) {
        return new OAuth2AuthenticationException(new OAuth2Error("rollout_user"), message);
    }
}
