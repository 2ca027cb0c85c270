package io.rollout.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Tasklist collapses the rows of a form list beyond its {@code nonCollapsedItems} (5 by default) and does not
 * submit the collapsed ones: a requirement list of 20 rows came back with 5. Every list of our forms therefore
 * shows all its rows.
 */
class FormListsTests {

    static final int ROWS_SHOWN = 100;

    @Test
    void everyListOfEveryFormShowsAllItsRows() throws IOException {
        Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form");
        assertThat(forms).hasSizeGreaterThan(40);
        List<String> collapsing = new ArrayList<>();
        int lists = 0;
        for (Resource form : forms) {
            try (InputStream in = form.getInputStream()) {
                lists += check(
                        form.getFilename(), new ObjectMapper().readTree(in).path("components"), collapsing);
            }
        }
        assertThat(lists).isGreaterThan(20);
        assertThat(collapsing).isEmpty();
    }

    private static int check(String file, JsonNode components, List<String> collapsing) {
        int lists = 0;
        for (JsonNode component : components) {
            if ("dynamiclist".equals(component.path("type").asText())) {
                lists++;
                if (component.path("nonCollapsedItems").asInt(5) < ROWS_SHOWN) {
                    collapsing.add(file + " " + component.path("id").asText());
                }
            }
            lists += check(file, component.path("components"), collapsing);
        }
        return lists;
    }
}
