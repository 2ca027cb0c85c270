package io.rollout.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks what an expression in a deployed BPMN model may call. On a Spring bean's class: every public method
 * declared in that class (not inherited, not {@code Object}'s) may be called as {@code ${bean.method(...)}}; on a
 * method of an unmarked bean: that method only. Everything else of the application — other beans, the engine's
 * services, any Java class — is refused by the deployment guard ({@code modelling.DeploymentGuard}), so a process
 * owner who deploys a model cannot make it run code. Mark only methods that read, or that name things for people.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ForModels {}
