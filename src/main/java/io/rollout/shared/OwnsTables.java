package io.rollout.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The tables of our Flyway migrations that a module owns, declared on the module's {@code package-info.java}.
 * Only the owner's code names its tables in SQL; other modules read and change them through the owner's API.
 * {@code TableOwnershipTests} holds every table to exactly one owner and fails when another module's SQL names it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface OwnsTables {

    /** Table names as the migrations create them, lower case. */
    String[] value();
}
