/**
 * The KPI dashboard: counts over the modules' read APIs.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "KPI dashboard",
        allowedDependencies = {
            "governance",
            "identity",
            "operations",
            "planning",
            "planning :: readiness",
            "project",
            "shared",
            "training :: readiness",
            "uat :: readiness"
        })
package io.rollout.dashboard;
