package io.rollout.shared;

import io.rollout.identity.CveCanary;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test over HTTP against the running application on a random port. The REST authentication and the
 * web apps address the engine by its name {@code default}, and a JVM can hold only one engine of that
 * name: every web test must therefore share this one Spring context, so keep this annotation the only
 * configuration on them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = CveCanary.DEFAULT_ENGINE_NAME)
@ActiveProfiles("test")
@Import(CveCanary.Config.class)
public @interface WebTest {}
