/**
 * The demo project created at start in the demo profile.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo project",
        allowedDependencies = {"identity", "migration", "project", "requirements", "shared", "training", "uat"})
package io.rollout.demo;
