package org.npsloop.web.audience;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import org.npsloop.web.audit.AuditEvents;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.npsloop.campaigns.audience.EventImportService;
import org.npsloop.campaigns.audience.ImportService;
import org.npsloop.campaigns.audience.ImportService.ImportStatus;
import org.npsloop.campaigns.audience.ImportService.Upload;
import org.npsloop.campaigns.audience.MailingListService;
import org.npsloop.campaigns.audience.MailingListService.ListView;
import org.npsloop.campaigns.audience.imports.ColumnMapping;
import org.npsloop.campaigns.audience.imports.ColumnTarget;
import org.npsloop.domain.audience.AttributeDefinition;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.web.config.UploadLimit;
import org.npsloop.web.config.UploadTooLargeException;
import org.npsloop.web.security.CurrentUser;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.event.FileUploadEvent;
import org.npsloop.web.ui.UiTexts;

/** The import page: upload, check the preview and the column mapping, start, follow the progress. */
@Named
@ViewScoped
public class ContactImport implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ImportService imports;

    @Inject
    private AuditEvents auditEvents;

    @Inject
    private UploadLimit uploadLimit;

    @Inject
    private MailingListService lists;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private EventImportService eventImports;

    private EventImportService.Result eventResult;

    /** What the page previews and maps; kept by id so that the view works on any instance (and after a restore). */
    private String uploadId;
    /** The upload's preview, read once per copy of the view: a view restored on another instance reads it again. */
    private transient Upload upload;
    private List<MappingRow> mapping = new ArrayList<>();
    /** The type of every attribute already defined, as of the upload. */
    private HashMap<String, AttributeType> existingTypes = new HashMap<>();
    private Long targetListId;
    private Long jobId;

    /**
     * One column of the file and what it becomes. A column named like an existing attribute takes that attribute's
     * type, which the page says and does not let change: the service would import it with that type anyway.
     */
    public static final class MappingRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int index;
        private final String header;
        private final Map<String, AttributeType> existingTypes;
        private ColumnTarget target;
        private String attribute;
        private AttributeType type;
        private AttributeType existingType;

        MappingRow(int index, String header, ColumnMapping.Column suggested, Map<String, AttributeType> existingTypes) {
            this.index = index;
            this.header = header;
            this.existingTypes = existingTypes;
            this.target = suggested.target();
            this.type = suggested.type() == null ? AttributeType.TEXT : suggested.type();
            setAttribute(suggested.attribute());
        }

        ColumnMapping.Column toColumn() {
            return target == ColumnTarget.ATTRIBUTE ? ColumnMapping.Column.attribute(index, attribute, type)
                    : ColumnMapping.Column.of(index, target);
        }

        public int getIndex() {
            return index;
        }

        public String getHeader() {
            return header;
        }

        public ColumnTarget getTarget() {
            return target;
        }

        public void setTarget(ColumnTarget target) {
            this.target = target;
        }

        public String getAttribute() {
            return attribute;
        }

        public void setAttribute(String attribute) {
            this.attribute = attribute;
            existingType = existingTypes.get(normalised(attribute));
            if (existingType != null) {
                type = existingType;
            }
        }

        /** The type of the existing attribute this column fills; null for a new attribute. */
        public AttributeType getExistingType() {
            return target == ColumnTarget.ATTRIBUTE ? existingType : null;
        }

        private static String normalised(String name) {
            try {
                return name == null ? null : AttributeDefinition.normaliseName(name);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        public AttributeType getType() {
            return type;
        }

        public void setType(AttributeType type) {
            this.type = existingType == null ? type : existingType;
        }
    }

    public void upload(FileUploadEvent event) {
        if (tooLarge(event, "import:file")) {
            return;
        }
        try (InputStream in = uploadLimit.bounded(event.getFile().getInputStream(), event.getFile().getSize())) {
            upload = imports.upload(event.getFile().getFileName(), in, currentUser.getUsername());
            uploadId = upload.uploadId();
            existingTypes = new HashMap<>(upload.existingTypes());
            mapping = new ArrayList<>();
            List<String> headers = upload.preview().headers();
            for (int i = 0; i < headers.size(); i++) {
                mapping.add(new MappingRow(i, headers.get(i), upload.preview().suggestion().get(i), existingTypes));
            }
            jobId = null;
        } catch (UploadTooLargeException e) {
            Messages.addError("import:file", getTooLargeMessage());
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addGlobalError(UiTexts.text(error)));
        } catch (IOException e) {
            Messages.addGlobalError(e.getMessage());
        }
    }

    /** Event files are stored at once, line by line, and answered with what was refused. */
    public void uploadEvents(FileUploadEvent event) {
        if (tooLarge(event, "import:eventFile")) {
            return;
        }
        try (InputStream in = uploadLimit.bounded(event.getFile().getInputStream(), event.getFile().getSize())) {
            eventResult = eventImports.importEvents(in);
        } catch (UploadTooLargeException e) {
            Messages.addError("import:eventFile", getTooLargeMessage());
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addGlobalError(UiTexts.text(error)));
        } catch (IOException e) {
            Messages.addGlobalError(e.getMessage());
        }
    }

    /**
     * The browser already refuses a file over the cap (sizeLimit); this holds for any other client: the
     * file is not read, and the field says why.
     */
    private boolean tooLarge(FileUploadEvent event, String field) {
        if (event.getFile().getSize() <= uploadLimit.maxBytes()) {
            return false;
        }
        Messages.addError(field, getTooLargeMessage());
        return true;
    }

    public long getMaxUploadBytes() {
        return uploadLimit.maxBytes();
    }

    public String getTooLargeMessage() {
        return java.text.MessageFormat.format(Faces.getResourceBundle("msg").getString("import.tooLarge"), uploadLimit.maxMegabytes());
    }

    public EventImportService.Result getEventResult() {
        return eventResult;
    }

    public void start() {
        try {
            List<ColumnMapping.Column> columns = mapping.stream().map(MappingRow::toColumn).toList();
            List<Message> problems = ColumnMapping.problemsOf(columns);
            if (!problems.isEmpty()) {
                problems.forEach(problem -> Messages.addGlobalError(UiTexts.text(problem)));
                return;
            }
            jobId = imports.start(uploadId, new ColumnMapping(columns), targetListId, currentUser.getUsername()).id();
            auditEvents.record("IMPORT", "ImportJob", jobId, "import started from the import page"
                    + (targetListId == null ? "" : " into list " + targetListId));
            uploadId = null;
            upload = null;
            // The form's postback read the recent imports before this one existed: read them again for the render,
            // or a quick import would never show in Recent imports, nor start the live refresh.
            Faces.getRequestMap().remove(ContactImport.class.getName() + ".recent");
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addGlobalError(UiTexts.text(error)));
        } catch (IllegalArgumentException e) {
            Messages.addGlobalError(UiTexts.text(InvalidValueException.reasonOf(e)));
        }
    }

    public ImportStatus getStatus() {
        return jobId == null ? null : perRequest("status." + jobId, () -> imports.status(jobId).orElse(null));
    }

    /** "41 of 41 lines read: 40 imported, 1 rejected" in the page's language. */
    public String getSummary() {
        ImportStatus status = getStatus();
        return status == null ? "" : UiTexts.text(status.summary());
    }

    public String getEventSummary() {
        return eventResult == null ? "" : UiTexts.text(eventResult.summary());
    }

    /** Why a line was rejected, in the page's language. */
    public String reason(ImportService.Rejection rejection) {
        return rejection.reason(UiTexts.locale());
    }

    /**
     * Whether the page should keep polling: this page's import or any recent one (started elsewhere, or by the API)
     * has not ended. The poll stops once every one has, leaving no row that still says it is running.
     */
    public boolean isAnyRunning() {
        ImportStatus status = getStatus();
        return status != null && !status.isFinished() || getRecent().stream().anyMatch(job -> !job.isFinished());
    }

    public List<ImportService.Rejection> getRejections() {
        return jobId == null ? List.of() : imports.rejections(jobId, 20);
    }

    /** The page's language for the rejected-lines report ({@code ?lang=}), which a browser's own Accept-Language may not be. */
    public String getLanguage() {
        return UiTexts.locale().getLanguage();
    }

    public List<ImportStatus> getRecent() {
        return perRequest("recent", () -> imports.recent(10));
    }

    /**
     * One reading of the jobs per request: the parts of a render (counts, status, rejected lines, the poll's start and
     * stop) must agree, or a job ending halfway through a render could show "running" in the counts while the poll,
     * rendered a moment later, no longer starts, leaving that stale state on screen.
     */
    @SuppressWarnings("unchecked")
    private <T> T perRequest(String name, Supplier<T> read) {
        return (T) Faces.getRequestMap().computeIfAbsent(ContactImport.class.getName() + "." + name, key -> read.get());
    }

    public List<ListView> getLists() {
        return lists.list();
    }

    public ColumnTarget[] getTargets() {
        return ColumnTarget.values();
    }

    public AttributeType[] getTypes() {
        return AttributeType.values();
    }

    public Upload getUpload() {
        if (upload == null && uploadId != null) {
            upload = imports.preview(uploadId).orElse(null);
            if (upload == null) {
                uploadId = null; // imported from another tab, or swept: nothing left to map
            }
        }
        return upload;
    }

    public List<MappingRow> getMapping() {
        return mapping;
    }

    public Long getTargetListId() {
        return targetListId;
    }

    public void setTargetListId(Long targetListId) {
        this.targetListId = targetListId;
    }

    public Long getJobId() {
        return jobId;
    }
}
