package org.npsloop.web.respond;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.NoSuchElementException;
import org.npsloop.domain.user.Role;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.publication.PublicationService;

/**
 * {@code /publications/preview?id=N}, for executives (web.xml guards /publications/*): the saved draft
 * rendered by the very template of the public page, with today's live figures and a banner saying it
 * is a preview.
 */
@WebServlet(urlPatterns = "/publications/preview")
public class PublicationPreviewServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private PublicationService publications;

    @Inject
    private SynthesisPages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!request.isUserInRole(Role.EXECUTIVE_NAME)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        long id;
        try {
            id = Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            pages.message(response, 404, PublicPages.languageOf(request), "pub.notFound", null);
            return;
        }
        try {
            pages.show(response, publications.preview(id), null, true, publications.brandOf(id));
        } catch (NoSuchElementException e) {
            pages.message(response, 404, PublicPages.languageOf(request), "pub.notFound", null);
        } catch (InvalidInputException e) {
            pages.message(response, 409, PublicPages.languageOf(request), "pub.tooFew", null);
        }
    }
}
