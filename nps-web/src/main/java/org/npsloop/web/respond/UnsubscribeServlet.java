package org.npsloop.web.respond;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.npsloop.campaigns.respond.RespondentService;
import org.npsloop.campaigns.respond.RespondentService.UnsubscribePage;
import org.npsloop.domain.response.LinkStatus;

/**
 * Unsubscribe links: {@code GET /u/<token>} asks for confirmation and changes nothing (scanners GET
 * every link); {@code POST /u/<token>} unsubscribes, whether it comes from that page's button or
 * is the one-click POST of RFC 8058 ({@code List-Unsubscribe=One-Click}) that mail providers send.
 * Both are idempotent.
 */
@WebServlet(urlPatterns = "/u/*")
public class UnsubscribeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private RespondentService respondents;

    @Inject
    private PublicPages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        show(request, response, respondents.unsubscribePage(token(request)), token(request));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // Any POST: the page's button and the one-click body both mean "unsubscribe me". Its body
        // (urlencoded or multipart, as RFC 8058 allows) need not be read.
        show(request, response, respondents.unsubscribe(token(request)), token(request));
    }

    private void show(HttpServletRequest request, HttpServletResponse response, UnsubscribePage page, String token)
            throws IOException {
        if (page.status() == LinkStatus.UNKNOWN) {
            pages.message(response, 404, PublicPages.languageOf(request), "notFound", null, null, null);
            return;
        }
        Map<String, Object> model = pages.model(page.language(), page.brandName(), page.colour(), page.logoUrl());
        model.put("unsubscribed", page.unsubscribed());
        model.put("action", token);
        pages.render(response, 200, "unsubscribe", model);
    }

    private static String token(HttpServletRequest request) {
        return RespondServlet.token(request.getPathInfo() == null ? "" : request.getPathInfo());
    }
}
