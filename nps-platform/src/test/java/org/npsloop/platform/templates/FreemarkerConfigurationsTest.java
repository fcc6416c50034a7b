package org.npsloop.platform.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import freemarker.core.InvalidReferenceException;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreemarkerConfigurationsTest {

    private final Configuration freemarker = FreemarkerConfigurations.classpath(FreemarkerConfigurationsTest.class,
            "/templates-test");

    private String render(String name, Map<String, Object> model) throws Exception {
        StringWriter out = new StringWriter();
        freemarker.getTemplate(name).process(model, out);
        return out.toString();
    }

    @Test
    void ftlhEscapesHtmlAndFtlIsPlainText() throws Exception {
        Map<String, Object> model = Map.of("comment", "<script>alert('x')</script> & co");
        assertEquals("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co</p>", render("escaped.ftlh", model));
        assertEquals("<script>alert('x')</script> & co", render("plain.ftl", model));
    }

    @Test
    void theNewBuiltInRefusesEveryClass() {
        TemplateException refused = assertThrows(TemplateException.class, () -> render("new.ftlh", Map.of()));
        assertTrue(refused.getMessage().contains("not allowed"), refused.getMessage());
    }

    @Test
    void theApiBuiltInIsOff() {
        Map<String, Object> model = new HashMap<>();
        model.put("map", new HashMap<>(Map.of("a", 1)));
        assertThrows(TemplateException.class, () -> render("api.ftl", model));
    }

    @Test
    void aMissingVariableFailsTheRendering() {
        assertThrows(InvalidReferenceException.class, () -> render("missing.ftl", Map.of()));
    }

    @Test
    void renderGivesTheTextOrAFailureNamingTheTemplate() {
        assertEquals("<script>alert('x')</script> & co",
                FreemarkerConfigurations.render(freemarker, "plain.ftl", Map.of("comment", "<script>alert('x')</script> & co")));
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> FreemarkerConfigurations.render(freemarker, "missing.ftl", Map.of()));
        assertTrue(failed.getMessage().startsWith("Template missing.ftl failed: "), failed.getMessage());
    }

    @Test
    void numbersDoNotDependOnTheServersLocale() throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.FRANCE);
        try {
            Configuration french = FreemarkerConfigurations.classpath(FreemarkerConfigurationsTest.class, "/templates-test");
            StringWriter out = new StringWriter();
            french.getTemplate("numbers.ftl").process(Map.of("count", 12345, "ratio", 0.5), out);
            assertEquals("12345 0.5", out.toString());
        } finally {
            Locale.setDefault(before);
        }
    }
}
