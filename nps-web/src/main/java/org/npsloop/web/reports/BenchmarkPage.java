package org.npsloop.web.reports;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.npsloop.domain.report.BenchmarkReference;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.benchmark.BenchmarkService;
import org.npsloop.reporting.benchmark.BenchmarkService.ReferenceInput;
import org.npsloop.reporting.benchmark.BenchmarkService.ReferenceView;
import org.npsloop.web.security.CurrentUser;
import org.npsloop.web.ui.UiTexts;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * The benchmark references (reports/benchmarks.xhtml): read by every role that reads reports or administers,
 * changed by ADMIN and EXECUTIVE only (the buttons are not rendered for others, and each action checks again).
 */
@Named
@ViewScoped
public class BenchmarkPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private BenchmarkService benchmarks;

    @Inject
    private CurrentUser currentUser;

    private transient List<ReferenceView> references;

    /** The reference being edited; a new one when null. */
    private Long editing;
    private String sector;
    private String region;
    private String year;
    private String source;
    private String licenceNote;
    private String nps;

    public List<ReferenceView> getReferences() {
        if (references == null) {
            references = benchmarks.references();
        }
        return references;
    }

    /** ADMIN and EXECUTIVE change references; a MARKETER reads them. */
    public boolean isEditor() {
        return currentUser.isAdmin() || currentUser.isExecutive();
    }

    public void save() {
        if (!isEditor()) {
            Messages.addGlobalError(text("benchmark.readOnly"));
            return;
        }
        try {
            ReferenceInput input = new ReferenceInput(sector, region, year, source, licenceNote, nps);
            if (editing == null) {
                benchmarks.create(input);
            } else {
                benchmarks.update(editing, input);
            }
            Messages.addGlobalInfo(text("benchmark.saved"));
            newReference();
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("benchmark:" + error.field(), UiTexts.text(error)));
            Faces.validationFailed();
        }
    }

    public void edit(ReferenceView reference) {
        editing = reference.id();
        sector = reference.sector();
        region = reference.region();
        year = String.valueOf(reference.year());
        source = reference.source();
        licenceNote = reference.licenceNote();
        nps = reference.nps().toPlainString();
    }

    public void delete(ReferenceView reference) {
        if (!isEditor()) {
            Messages.addGlobalError(text("benchmark.readOnly"));
            return;
        }
        benchmarks.delete(reference.id());
        if (editing != null && editing == reference.id()) {
            newReference();
        }
        references = null;
        Messages.addGlobalInfo(text("benchmark.deleted"));
    }

    public void newReference() {
        editing = null;
        sector = null;
        region = null;
        year = null;
        source = null;
        licenceNote = null;
        nps = null;
        references = null;
    }

    public Long getEditing() {
        return editing;
    }

    public String getSector() {
        return sector;
    }

    public void setSector(String sector) {
        this.sector = sector;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getYear() {
        return year;
    }

    public void setYear(String year) {
        this.year = year;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public String getLicenceNote() {
        return licenceNote;
    }

    public void setLicenceNote(String licenceNote) {
        this.licenceNote = licenceNote;
    }

    public String getNps() {
        return nps;
    }

    public void setNps(String nps) {
        this.nps = nps;
    }

    public int getMaxSector() {
        return BenchmarkReference.MAX_SECTOR;
    }

    public int getMaxRegion() {
        return BenchmarkReference.MAX_REGION;
    }

    public int getMaxSource() {
        return BenchmarkReference.MAX_SOURCE;
    }

    public int getMaxLicenceNote() {
        return BenchmarkReference.MAX_LICENCE_NOTE;
    }

    private static String text(String key) {
        return Faces.getResourceBundle("msg").getString(key);
    }
}
