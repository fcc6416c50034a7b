package org.npsloop.web.security;

import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.primefaces.context.PrimeFacesContext;
import org.primefaces.csp.CspException;

/**
 * A Faces postback must carry the page's CSP nonce, which PrimeFaces' script adds to every form.
 * PrimeFaces itself checks it only when it renders the answer, after the action has run, and then fails
 * with a 500. Checked here right after the view is restored, so a form posted without it (never by a
 * browser on our pages) gets a 400 page and changes nothing.
 */
public class CspNonceCheck implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        if (!context.isPostback() || context.getResponseComplete() || context.getViewRoot() == null) {
            return;
        }
        try {
            PrimeFacesContext.getCspState(context).getNonce();
        } catch (CspException e) {
            try {
                SameOrigin.refusal((HttpServletRequest) context.getExternalContext().getRequest(),
                        (HttpServletResponse) context.getExternalContext().getResponse(), HttpServletResponse.SC_BAD_REQUEST,
                        "error.formToken");
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
            context.responseComplete();
        }
    }
}
