package org.npsloop.platform.templates;

import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Builds the FreeMarker configuration of the mails, reports and public pages, so that every template
 * is rendered under the same safe rules; only the folder of templates differs. Templates may hold
 * text from respondents and other users, hence:
 * <ul>
 * <li>{@code .ftlh} is HTML and auto-escaped, {@code .ftl} plain text (the standard extensions);</li>
 * <li>an error (a missing variable...) fails the rendering ({@code RETHROW}, nothing half-written, nothing
 * logged twice: the caller reports it);</li>
 * <li>no way from a template to Java: no {@code ?api}, and the {@code new} built-in refuses every class;</li>
 * <li>numbers print as {@code ?c} would and nothing depends on the server's locale: figures a person reads
 * are formatted in Java in the reader's language before they reach the template.</li>
 * </ul>
 * A {@link Configuration} is thread-safe once set up: build one per template folder and keep it.
 */
public final class FreemarkerConfigurations {

    /** The FreeMarker behaviour the templates are written for. */
    public static final freemarker.template.Version VERSION = Configuration.VERSION_2_3_34;

    private FreemarkerConfigurations() {
    }

    /**
     * @param owner a class of the module that holds the templates (its class loader finds them)
     * @param folder the templates' folder on the class path, e.g. {@code "/mail"}
     */
    public static Configuration classpath(Class<?> owner, String folder) {
        Configuration freemarker = new Configuration(VERSION);
        freemarker.setClassForTemplateLoading(owner, folder);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setAPIBuiltinEnabled(false);
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        freemarker.setNumberFormat("computer");
        freemarker.setLocale(Locale.ROOT);
        // One template per name: languages come from the model's labels, never from invitation_fr.ftlh.
        freemarker.setLocalizedLookup(false);
        return freemarker;
    }

    /**
     * The template, found through the configuration's own cache, rendered to a string.
     *
     * @throws IllegalStateException naming the template, when rendering fails (a missing variable...)
     */
    public static String render(Configuration freemarker, String name, Object model) {
        try {
            return render(freemarker.getTemplate(name), model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws IllegalStateException naming the template, when rendering fails */
    public static String render(Template template, Object model) {
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (TemplateException | IOException e) {
            throw new IllegalStateException("Template " + template.getName() + " failed: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
