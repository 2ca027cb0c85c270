package io.rollout.identity;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;

/**
 * Camunda's LDAP identity session with the answers corrected that Rollout's role checks rely on:
 * <ul>
 *   <li>the members of a group the directory does not have (or the caller may not read) are nobody; the plugin
 *   searched from the directory's root instead and answered every member of every group, so a missing
 *   {@code auditor} or {@code dept-warehouse} group made everyone an auditor or every business owner an owner of
 *   the warehouse;</li>
 *   <li>the groups of a user the directory does not have are none;</li>
 *   <li>group ids, group names and user names, e-mail addresses are matched as given: the plugin put them into
 *   the search filter unescaped, so {@code *} matched every entry; only the {@code …Like} criteria keep
 *   {@code *} as wildcard;</li>
 *   <li>a failed login delays the next one of that user as Camunda does for its own users ({@code loginDelayBase},
 *   {@code loginDelayFactor}, {@code loginDelayMaxTime}): Camunda keeps the failed attempts in its user table, which
 *   the directory replaces, so without this every password could be tried at full speed. The delays are kept in
 *   memory, per node; locking an account for good is the directory's lockout policy.</li>
 * </ul>
 */
class LdapDirectorySession extends LdapIdentityProviderSession {

    private final LoginThrottle throttle;

    LdapDirectorySession(LdapConfiguration configuration, LoginThrottle throttle) {
        super(configuration);
        this.throttle = throttle;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null) {
            return false;
        }
        long now = ClockUtil.getCurrentTime().getTime();
        if (throttle.isLocked(userId, now)) {
            return false;
        }
        boolean valid = super.checkPassword(userId, password);
        if (valid) {
            throttle.succeeded(userId);
        } else {
            throttle.failed(userId, Context.getProcessEngineConfiguration(), now);
        }
        return valid;
    }

    @Override
    protected List<User> findUsersByGroupId(LdapUserQueryImpl query) {
        if (getDnForGroup(query.getGroupId()).isEmpty()) {
            return new ArrayList<>();
        }
        return super.findUsersByGroupId(query);
    }

    @Override
    public List<Group> findGroupByQueryCriteria(LdapGroupQuery query) {
        if (query.getUserId() != null
                && !ldapConfiguration.isUsePosixGroups()
                && getDnForUser(query.getUserId()).isEmpty()) {
            return new ArrayList<>();
        }
        return super.findGroupByQueryCriteria(query);
    }

    @Override
    protected String getGroupSearchFilter(LdapGroupQuery query) {
        StringWriter search = new StringWriter();
        search.write("(&");
        search.write(ldapConfiguration.getGroupSearchFilter());
        if (query.getId() != null) {
            addFilter(ldapConfiguration.getGroupIdAttribute(), escapeLDAPSearchFilter(query.getId()), search);
        }
        if (query.getIds() != null && query.getIds().length > 0) {
            search.write("(|");
            for (String id : query.getIds()) {
                addFilter(ldapConfiguration.getGroupIdAttribute(), escapeLDAPSearchFilter(id), search);
            }
            search.write(")");
        }
        if (query.getName() != null) {
            addFilter(ldapConfiguration.getGroupNameAttribute(), escapeLDAPSearchFilter(query.getName()), search);
        }
        if (query.getNameLike() != null) {
            addFilter(ldapConfiguration.getGroupNameAttribute(), escapeKeepingWildcards(query.getNameLike()), search);
        }
        if (query.getUserId() != null) {
            String member = ldapConfiguration.isUsePosixGroups() ? query.getUserId() : getDnForUser(query.getUserId());
            addFilter(ldapConfiguration.getGroupMemberAttribute(), escapeLDAPSearchFilter(member), search);
        }
        search.write(")");
        return search.toString();
    }

    @Override
    protected String getUserSearchFilter(LdapUserQueryImpl query) {
        StringWriter search = new StringWriter();
        search.write("(&");
        search.write(ldapConfiguration.getUserSearchFilter());
        if (query.getId() != null) {
            addFilter(ldapConfiguration.getUserIdAttribute(), escapeLDAPSearchFilter(query.getId()), search);
        }
        if (query.getIds() != null && query.getIds().length > 0) {
            search.write("(|");
            for (String id : query.getIds()) {
                addFilter(ldapConfiguration.getUserIdAttribute(), escapeLDAPSearchFilter(id), search);
            }
            search.write(")");
        }
        exact(ldapConfiguration.getUserEmailAttribute(), query.getEmail(), search);
        like(ldapConfiguration.getUserEmailAttribute(), query.getEmailLike(), search);
        exact(ldapConfiguration.getUserFirstnameAttribute(), query.getFirstName(), search);
        like(ldapConfiguration.getUserFirstnameAttribute(), query.getFirstNameLike(), search);
        exact(ldapConfiguration.getUserLastnameAttribute(), query.getLastName(), search);
        like(ldapConfiguration.getUserLastnameAttribute(), query.getLastNameLike(), search);
        search.write(")");
        return search.toString();
    }

    private void exact(String attribute, String value, StringWriter search) {
        if (value != null) {
            addFilter(attribute, escapeLDAPSearchFilter(value), search);
        }
    }

    private void like(String attribute, String value, StringWriter search) {
        if (value != null) {
            addFilter(attribute, escapeKeepingWildcards(value), search);
        }
    }

    private String escapeKeepingWildcards(String value) {
        return Arrays.stream(value.split("\\*", -1))
                .map(this::escapeLDAPSearchFilter)
                .collect(Collectors.joining("*"));
    }

    /** Opens {@link LdapDirectorySession}s instead of the plugin's own, all with the engine's one throttle. */
    static class Factory extends LdapIdentityProviderFactory {

        private final LoginThrottle throttle = new LoginThrottle();

        Factory(LdapConfiguration configuration) {
            setLdapConfiguration(configuration);
        }

        @Override
        public Session openSession() {
            return new LdapDirectorySession(ldapConfiguration, throttle);
        }
    }

    /** The failed logins of the users of one engine: until when each is refused without asking the directory. */
    static final class LoginThrottle {

        // beyond this many users with failed logins the expired ones are forgotten, so guessed ids cannot fill the heap
        private static final int PRUNE_ABOVE = 10_000;

        private record Lock(int attempts, long until) {}

        private final Map<String, Lock> locks = new ConcurrentHashMap<>();

        boolean isLocked(String userId, long now) {
            Lock lock = locks.get(userId);
            return lock != null && lock.until() > now;
        }

        void failed(String userId, ProcessEngineConfigurationImpl engine, long now) {
            if (locks.size() > PRUNE_ABOVE) {
                locks.values().removeIf(lock -> lock.until() <= now);
            }
            locks.compute(userId, (id, lock) -> {
                int attempts = lock == null ? 1 : lock.attempts() + 1;
                long delay = Math.min(
                        (long) (engine.getLoginDelayBase() * Math.pow(engine.getLoginDelayFactor(), attempts - 1)),
                        engine.getLoginDelayMaxTime());
                return new Lock(attempts, now + delay * 1000);
            });
        }

        void succeeded(String userId) {
            locks.remove(userId);
        }
    }
}
