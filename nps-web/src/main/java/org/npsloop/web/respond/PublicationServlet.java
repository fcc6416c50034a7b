package org.npsloop.web.respond;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.npsloop.domain.publication.PublicationStatus;
import org.npsloop.reporting.publication.PublicationService;
import org.npsloop.reporting.publication.PublicationService.PublicPage;

/**
 * The published syntheses, without login: {@code /p/} lists the current ones, newest first;
 * {@code /p/<slug>} shows one as it was frozen at its last publish. A revoked one answers 410 Gone,
 * an unknown address (or a draft) 404, each with a page saying so.
 */
@WebServlet(urlPatterns = "/p/*")
public class PublicationServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private PublicationService publications;

    @Inject
    private SynthesisPages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            // "/p": the index's relative links need the trailing slash.
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", "p/");
            return;
        }
        if ("/".equals(path)) {
            pages.index(response, PublicPages.languageOf(request), publications.publicIndex());
            return;
        }
        String slug = RespondServlet.token(path);
        Optional<PublicPage> page = slug.isEmpty() ? Optional.empty() : publications.publicPage(slug);
        if (page.isEmpty()) {
            pages.message(response, 404, PublicPages.languageOf(request), "pub.notFound", null);
        } else if (page.get().status() == PublicationStatus.REVOKED) {
            pages.message(response, 410, PublicPages.languageOf(request), "pub.revoked", page.get().brand());
        } else {
            pages.show(response, page.get().content().orElseThrow(), page.get().publishedAt(), false, page.get().brand());
        }
    }
}
