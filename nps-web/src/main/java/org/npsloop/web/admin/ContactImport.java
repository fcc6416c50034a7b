package org.npsloop.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.npsloop.campaigns.EventImportService;
import org.npsloop.campaigns.ImportService;
import org.npsloop.campaigns.ImportService.ImportStatus;
import org.npsloop.campaigns.ImportService.Upload;
import org.npsloop.campaigns.MailingListService;
import org.npsloop.campaigns.MailingListService.ListView;
import org.npsloop.campaigns.imports.ColumnMapping;
import org.npsloop.campaigns.imports.ColumnTarget;
import org.npsloop.domain.audience.AttributeType;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.web.config.UploadLimit;
import org.npsloop.web.config.UploadTooLargeException;
import org.npsloop.web.security.CurrentUser;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.event.FileUploadEvent;

/** The import page: upload, check the preview and the column mapping, start, follow the progress. */
@Named
@ViewScoped
public class ContactImport implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ImportService imports;

    @Inject
    private UploadLimit uploadLimit;

    @Inject
    private MailingListService lists;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private EventImportService eventImports;

    private EventImportService.Result eventResult;

    private transient Upload upload;
    private List<MappingRow> mapping = new ArrayList<>();
    private Long targetListId;
    private Long jobId;

    /** One column of the file and what it becomes. */
    public static final class MappingRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int index;
        private final String header;
        private ColumnTarget target;
        private String attribute;
        private AttributeType type;

        MappingRow(int index, String header, ColumnMapping.Column suggested) {
            this.index = index;
            this.header = header;
            this.target = suggested.target();
            this.attribute = suggested.attribute();
            this.type = suggested.type() == null ? AttributeType.TEXT : suggested.type();
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
        }

        public AttributeType getType() {
            return type;
        }

        public void setType(AttributeType type) {
            this.type = type;
        }
    }

    public void upload(FileUploadEvent event) {
        if (tooLarge(event, "import:file")) {
            return;
        }
        try (InputStream in = uploadLimit.bounded(event.getFile().getInputStream(), event.getFile().getSize())) {
            upload = imports.upload(event.getFile().getFileName(), in);
            mapping = new ArrayList<>();
            List<String> headers = upload.preview().headers();
            for (int i = 0; i < headers.size(); i++) {
                mapping.add(new MappingRow(i, headers.get(i), upload.preview().suggestion().get(i)));
            }
            jobId = null;
        } catch (UploadTooLargeException e) {
            Messages.addError("import:file", getTooLargeMessage());
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addGlobalError(error.message()));
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
            e.errors().forEach(error -> Messages.addGlobalError(error.message()));
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
            List<String> problems = ColumnMapping.problemsOf(columns);
            if (!problems.isEmpty()) {
                problems.forEach(Messages::addGlobalError);
                return;
            }
            jobId = imports.start(upload.uploadId(), new ColumnMapping(columns), targetListId, currentUser.getUsername()).id();
            upload = null;
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addGlobalError(error.message()));
        } catch (IllegalArgumentException e) {
            Messages.addGlobalError(e.getMessage());
        }
    }

    public ImportStatus getStatus() {
        return jobId == null ? null : imports.status(jobId).orElse(null);
    }

    public boolean isRunning() {
        ImportStatus status = getStatus();
        return status != null && !status.isFinished();
    }

    public List<ImportService.Rejection> getRejections() {
        return jobId == null ? List.of() : imports.rejections(jobId, 20);
    }

    public List<ImportStatus> getRecent() {
        return imports.recent(10);
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
