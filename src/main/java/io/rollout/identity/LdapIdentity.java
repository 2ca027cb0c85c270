package io.rollout.identity;

import java.util.Locale;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The {@code ldap} profile: users, groups and passwords come from an LDAP directory or Active Directory
 * through Camunda's LDAP identity provider plugin, configured by the properties {@code rollout.ldap.*}
 * (the plugin's own setting names, see README "Logging in with LDAP or Active Directory"). Rollout's
 * roles are the directory groups whose id is the role's group id ({@link Roles}); the engine's identity
 * is then read-only, so Rollout creates no users, groups or memberships, only authorizations and filters.
 */
@Configuration(proxyBeanMethods = false)
@Profile("ldap")
public class LdapIdentity {

    /** The plugin, bound to {@code rollout.ldap.*}; its settings are checked when the engine is built. */
    @Bean
    @ConfigurationProperties("rollout.ldap")
    static CheckedLdapPlugin ldapIdentityProviderPlugin(Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            // the demo creates its own users, which a directory cannot hold
            throw new IllegalStateException("The profiles demo and ldap cannot be combined: the demo creates its users "
                    + "in Camunda's database, under ldap they come from the directory.");
        }
        return new CheckedLdapPlugin();
    }

    /**
     * Camunda's plugin with the settings refused that would open a door: no server, anonymous logins,
     * or trusting every certificate (the plugin does that for the whole JVM, not only for the directory);
     * its sessions are {@link LdapDirectorySession}s.
     */
    public static class CheckedLdapPlugin extends LdapIdentityProviderPlugin {

        private static final Logger LOG = LoggerFactory.getLogger(LdapIdentity.class);

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            if (serverUrl == null || serverUrl.isBlank()) {
                throw new IllegalStateException("The ldap profile needs the directory: set ROLLOUT_LDAP_URL "
                        + "(e.g. ldaps://ldap.example.com:636).");
            }
            if (isAcceptUntrustedCertificates()) {
                throw new IllegalStateException("rollout.ldap.accept-untrusted-certificates would trust every "
                        + "certificate for every connection of the application: add the directory's CA to the JVM's trust "
                        + "store instead (-Djavax.net.ssl.trustStore=...).");
            }
            if (allowAnonymousLogin) {
                throw new IllegalStateException("rollout.ldap.allow-anonymous-login would let anyone log in with an "
                        + "empty password: it stays off.");
            }
            if (!serverUrl.toLowerCase(Locale.ROOT).startsWith("ldaps:") && !useSsl) {
                LOG.warn(
                        "The directory {} is reached without TLS: passwords cross the network in clear text. "
                                + "Use an ldaps:// URL in production.",
                        serverUrl);
            }
            super.preInit(configuration);
            configuration.setIdentityProviderSessionFactory(new LdapDirectorySession.Factory(this));
        }
    }
}
