package org.npsloop.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.npsloop.campaigns.audience.RetentionService;
import org.npsloop.domain.retention.RetentionPolicy;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.web.security.CurrentUser;
import org.npsloop.web.ui.UiTexts;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** The data retention section of the settings page (ADMIN): the periods, what the next run will remove, a run now. */
@Named
@ViewScoped
public class RetentionSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One rule that is on, as the dry run counts it. */
    public record Row(String field, int period, Instant cutoff, long count) implements Serializable {
    }

    @Inject
    private RetentionService retention;

    @Inject
    private CurrentUser currentUser;

    private Integer contactMonths;
    private Integer commentMonths;
    private Integer invitationDays;
    private Integer outboxDays;
    private Integer webhookDays;
    private Instant lastRun;
    private Instant nextRun;
    private List<Row> rows = List.of();

    @PostConstruct
    void load() {
        show(retention.settings());
    }

    public void save() {
        try {
            show(retention.save(RetentionPolicy.of(contactMonths, commentMonths, invitationDays, outboxDays, webhookDays),
                    currentUser.getUsername()));
            Messages.addGlobalInfo(text("retention.saved"));
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addError("retention:" + error.field(), UiTexts.text(error)));
            Faces.validationFailed();
        }
    }

    public void run() {
        RetentionService.Run run = retention.run();
        if (run.ran()) {
            Messages.addGlobalInfo(UiTexts.page("retention.ran", run.removed().values().stream().mapToLong(Long::longValue).sum()));
        } else {
            Messages.addGlobalWarn(text("retention.busy"));
        }
        show(retention.settings());
    }

    private static String text(String key) {
        return Faces.getResourceBundle("msg").getString(key);
    }

    private void show(RetentionService.Settings settings) {
        RetentionPolicy policy = settings.policy();
        contactMonths = policy.contactMonths();
        commentMonths = policy.commentMonths();
        invitationDays = policy.invitationDays();
        outboxDays = policy.outboxDays();
        webhookDays = policy.webhookDays();
        lastRun = settings.lastRun();
        nextRun = settings.nextRun();
        RetentionService.Preview preview = retention.preview();
        List<Row> shown = new ArrayList<>();
        preview.cutoffs().forEach((rule, cutoff) -> shown.add(new Row(rule.field(), policy.period(rule), cutoff,
                preview.counts().get(rule))));
        rows = List.copyOf(shown);
    }

    public List<Row> getRows() {
        return rows;
    }

    public Instant getLastRun() {
        return lastRun;
    }

    public Instant getNextRun() {
        return nextRun;
    }

    public Integer getContactMonths() {
        return contactMonths;
    }

    public void setContactMonths(Integer contactMonths) {
        this.contactMonths = contactMonths;
    }

    public Integer getCommentMonths() {
        return commentMonths;
    }

    public void setCommentMonths(Integer commentMonths) {
        this.commentMonths = commentMonths;
    }

    public Integer getInvitationDays() {
        return invitationDays;
    }

    public void setInvitationDays(Integer invitationDays) {
        this.invitationDays = invitationDays;
    }

    public Integer getOutboxDays() {
        return outboxDays;
    }

    public void setOutboxDays(Integer outboxDays) {
        this.outboxDays = outboxDays;
    }

    public Integer getWebhookDays() {
        return webhookDays;
    }

    public void setWebhookDays(Integer webhookDays) {
        this.webhookDays = webhookDays;
    }
}
