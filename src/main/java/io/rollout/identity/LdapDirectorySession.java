package io.rollout.identity;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.interceptor.Session;
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
 *   {@code *} as wildcard.</li>
 * </ul>
 */
class LdapDirectorySession extends LdapIdentityProviderSession {

    LdapDirectorySession(LdapConfiguration configuration) {
        super(configuration);
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
        if (query.getUserId() != null && !ldapConfiguration.isUsePosixGroups()
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
        return Arrays.stream(value.split("\\*", -1)).map(this::escapeLDAPSearchFilter).collect(Collectors.joining("*"));
    }

    /** Opens {@link LdapDirectorySession}s instead of the plugin's own. */
    static class Factory extends LdapIdentityProviderFactory {

        Factory(LdapConfiguration configuration) {
            setLdapConfiguration(configuration);
        }

        @Override
        public Session openSession() {
            return new LdapDirectorySession(ldapConfiguration);
        }
    }
}
