/**
 * Users, roles and department owners, read from Camunda's identity service or LDAP; each person's language.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Identity and roles",
        allowedDependencies = {"shared"})
@io.rollout.shared.OwnsTables({"user_language"})
package io.rollout.identity;
