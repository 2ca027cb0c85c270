/**
 * Users, roles and department owners, read from Camunda's identity service or LDAP.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Identity and roles",
        allowedDependencies = {"shared"})
package io.rollout.identity;
