package org.npsloop.web.respond;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.publication.PublicBrand;
import org.npsloop.domain.publication.PublicationContent;
import org.npsloop.reporting.publication.PublicationService;
import org.npsloop.reporting.publication.PublicationService.IndexEntry;

/** Renders the synthesis pages (the public ones and the executive's preview) with the public page machinery. */
@ApplicationScoped
public class SynthesisPages {

    @Inject
    private PublicPages pages;

    @Inject
    private PublicationService publications;

    @Inject
    @ConfigProperty(name = "nps.report.time-zone", defaultValue = "Europe/Paris")
    private String timeZone;

    void show(HttpServletResponse response, PublicationContent content, Instant publishedAt, boolean preview, PublicBrand brand)
            throws IOException {
        Map<String, Object> model = model(content.language(), brand);
        model.put("s", SynthesisView.of(content, publishedAt, ZoneId.of(timeZone), pages.labels(content.language())));
        model.put("preview", preview);
        pages.render(response, 200, "synthesis", model);
    }

    void index(HttpServletResponse response, Language language, List<IndexEntry> published) throws IOException {
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale());
        ZoneId zone = ZoneId.of(timeZone);
        List<Map<String, Object>> entries = published.stream().map(e -> {
            Map<String, Object> entry = new HashMap<>();
            entry.put("slug", e.slug());
            entry.put("title", e.title());
            entry.put("lang", e.language().name().toLowerCase(Locale.ROOT));
            entry.put("from", day.format(e.from()));
            entry.put("to", day.format(e.to()));
            entry.put("publishedOn", day.format(e.publishedAt().atZone(zone).toLocalDate()));
            return entry;
        }).toList();
        Map<String, Object> model = model(language, publications.brand());
        model.put("entries", entries);
        pages.render(response, 200, "publications", model);
    }

    /** A page saying why there is no synthesis to show, in the organisation's brand or in {@code brand}. */
    void message(HttpServletResponse response, int status, Language language, String key, PublicBrand brand) throws IOException {
        PublicBrand shown = brand == null ? publications.brand() : brand;
        pages.message(response, status, language, key, shown.name(), shown.colour(), shown.logoUrl());
    }

    private Map<String, Object> model(Language language, PublicBrand brand) {
        return pages.model(language, brand.name(), brand.colour(), brand.logoUrl());
    }
}
