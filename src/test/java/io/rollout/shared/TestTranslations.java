package io.rollout.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The {@link Translations} the application renders Chinese with, built outside Spring from the same sources: the
 * message bundles {@code spring.messages.basename} names in {@code application.yaml} and the catalogues
 * {@code i18n/zh-CN/*.json}. A browser journey renders the English names and labels its steps pass with it, so it
 * checks that Tasklist shows exactly the translation.
 */
public final class TestTranslations {

    private static Translations chinese;

    private TestTranslations() {}

    /** The translations of the application, read once. */
    public static synchronized Translations chinese() {
        if (chinese == null) {
            chinese = new Translations(basenames(), "classpath*:i18n/zh-CN/*.json");
        }
        return chinese;
    }

    private static List<String> basenames() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties settings = yaml.getObject();
        String basenames = settings == null ? null : settings.getProperty("spring.messages.basename");
        if (basenames == null) {
            throw new IllegalStateException("application.yaml names no spring.messages.basename");
        }
        return Arrays.stream(basenames.split(",")).map(String::trim).toList();
    }
}
