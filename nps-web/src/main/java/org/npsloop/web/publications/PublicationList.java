package org.npsloop.web.publications;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.npsloop.reporting.publication.PublicationService;
import org.npsloop.reporting.publication.PublicationService.Detail;

/** The executive's list of publications: drafts, published and revoked ones, last changed first. */
@Named
@RequestScoped
public class PublicationList {


    @Inject
    private PublicationService publications;

    private List<Detail> all;

    public List<Detail> getAll() {
        if (all == null) {
            all = publications.list();
        }
        return all;
    }

}
