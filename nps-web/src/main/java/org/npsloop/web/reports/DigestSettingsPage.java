package org.npsloop.web.reports;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.npsloop.domain.validation.FieldError;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.reporting.report.DigestService;
import org.npsloop.web.security.CurrentUser;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.npsloop.web.ui.LocaleSelection;
import org.npsloop.web.ui.UiTexts;

/** The weekly digest's settings (ADMIN or EXECUTIVE): on/off, weekday and hour, recipients; "send now to me". */
@Named
@ViewScoped
public class DigestSettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private DigestService digests;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private LocaleSelection locale;

    private boolean loaded;
    private boolean enabled;
    private DayOfWeek weekday;
    private Integer hour;
    private List<Long> recipients = new ArrayList<>();
    private transient List<DigestService.Candidate> candidates;

    private void load() {
        if (!loaded) {
            DigestService.Settings settings = digests.settings();
            enabled = settings.enabled();
            weekday = settings.weekday();
            hour = settings.hour();
            recipients = new ArrayList<>(settings.recipients());
            loaded = true;
        }
    }

    public void save() {
        try {
            DigestService.Settings saved = digests.save(new DigestService.Settings(enabled, weekday, hour == null ? -1 : hour,
                    recipients), currentUser.getUsername());
            recipients = new ArrayList<>(saved.recipients());
            Messages.addGlobalInfo(Faces.getResourceBundle("msg").getString("digest.saved"));
        } catch (InvalidInputException e) {
            for (FieldError error : e.errors()) {
                Messages.addError("digest:" + error.field(), UiTexts.text(error));
            }
        }
    }

    public void sendNow() {
        try {
            String to = digests.sendNow(currentUser.getUsername());
            Messages.addGlobalInfo(Faces.getResourceBundle("msg").getString("digest.sent"), to);
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Messages.addGlobalError(UiTexts.text(error)));
        }
    }

    public List<DigestService.Candidate> getCandidates() {
        if (candidates == null) {
            candidates = digests.candidates();
        }
        return candidates;
    }

    public DayOfWeek[] getWeekdays() {
        return DayOfWeek.values();
    }

    public String weekdayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, locale.getLocale());
    }

    public List<Integer> getHours() {
        return IntStream.range(0, 24).boxed().toList();
    }

    public boolean isEnabled() {
        load();
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public DayOfWeek getWeekday() {
        load();
        return weekday;
    }

    public void setWeekday(DayOfWeek weekday) {
        this.weekday = weekday;
    }

    public Integer getHour() {
        load();
        return hour;
    }

    public void setHour(Integer hour) {
        this.hour = hour;
    }

    public List<Long> getRecipients() {
        load();
        return recipients;
    }

    public void setRecipients(List<Long> recipients) {
        this.recipients = recipients == null ? new ArrayList<>() : new ArrayList<>(recipients);
    }
}
