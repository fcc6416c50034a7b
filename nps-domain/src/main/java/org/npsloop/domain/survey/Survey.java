package org.npsloop.domain.survey;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.npsloop.domain.audience.Language;

/**
 * An NPS questionnaire: what it asks in each language, the brand and sender it speaks for, and how
 * long its links accept answers.
 */
@Entity
@Table(name = "survey")
public class Survey {

    @Id
    @SequenceGenerator(name = "survey_seq", sequenceName = "survey_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "survey_seq")
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "brand_name", nullable = false, length = 200)
    private String brandName;

    @Column(name = "closes_at")
    private Instant closesAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "default_language", nullable = false, length = 2)
    private Language defaultLanguage = Language.EN;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "survey_text", joinColumns = @JoinColumn(name = "survey_id"))
    @MapKeyEnumerated(EnumType.STRING)
    @MapKeyColumn(name = "language", length = 2)
    private Map<Language, SurveyTexts> texts = new EnumMap<>(Language.class);

    @Column(name = "brand_colour", nullable = false, length = 7)
    private String brandColour = DEFAULT_COLOUR;

    @Column(name = "logo_url", length = 1000)
    private String logoUrl;

    @Column(name = "sender_name", length = 200)
    private String senderName;

    @Column(name = "sender_email", length = 320)
    private String senderEmail;

    @Column(name = "postal_address", length = 500)
    private String postalAddress;

    @Column(name = "link_lifetime_days", nullable = false)
    private int linkLifetimeDays = DEFAULT_LINK_LIFETIME_DAYS;

    /** Where promoters are invited to leave a review or refer a friend. */
    @Column(name = "review_url", length = 1000)
    private String reviewUrl;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    public static final String DEFAULT_COLOUR = "#0B5CAD";
    public static final int DEFAULT_LINK_LIFETIME_DAYS = 30;
    private static final Pattern COLOUR = Pattern.compile("^#[0-9A-Fa-f]{6}$");

    protected Survey() {
        // for JPA
    }

    public Survey(String name, String brandName, Instant now) {
        if (name == null || name.isBlank() || brandName == null || brandName.isBlank()) {
            throw new IllegalArgumentException("A survey needs a name and a brand name");
        }
        this.name = name.trim();
        this.brandName = brandName.trim();
        this.createdAt = now;
        this.updatedAt = now;
        for (Language language : Language.values()) {
            texts.put(language, SurveyTexts.defaults(language));
        }
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getBrandName() {
        return brandName;
    }

    public Optional<Instant> getClosesAt() {
        return Optional.ofNullable(closesAt);
    }

    public void closeAt(Instant closesAt, Instant now) {
        this.closesAt = closesAt;
        this.updatedAt = now;
    }

    /** The contact's language when the survey speaks it, else the survey's default language. */
    public Language languageFor(Language wanted) {
        return wanted != null && texts.containsKey(wanted) ? wanted : defaultLanguage;
    }

    /** The texts in the contact's language, else in the survey's default language. */
    public SurveyTexts textsFor(Language language) {
        return texts.get(languageFor(language));
    }

    public void setTexts(Language language, SurveyTexts newTexts, Instant now) {
        texts.put(language, newTexts);
        this.updatedAt = now;
    }

    public void brand(String colour, String newLogoUrl, Instant now) {
        if (colour == null || !COLOUR.matcher(colour).matches()) {
            throw new IllegalArgumentException("A colour is written #RRGGBB, e.g. #0B5CAD");
        }
        this.brandColour = colour.toUpperCase(java.util.Locale.ROOT);
        this.logoUrl = blankToNull(newLogoUrl);
        this.updatedAt = now;
    }

    public void sender(String name, String email, String postal, Instant now) {
        this.senderName = blankToNull(name);
        this.senderEmail = blankToNull(email);
        this.postalAddress = blankToNull(postal);
        this.updatedAt = now;
    }

    public void linkLifetime(int days, Instant now) {
        if (days < 1 || days > 365) {
            throw new IllegalArgumentException("Links live between 1 and 365 days");
        }
        this.linkLifetimeDays = days;
        this.updatedAt = now;
    }

    public void reviewUrl(String url, Instant now) {
        this.reviewUrl = blankToNull(url);
        this.updatedAt = now;
    }

    public void defaultLanguage(Language language, Instant now) {
        this.defaultLanguage = java.util.Objects.requireNonNull(language);
        this.updatedAt = now;
    }

    /** When a link sent at {@code sentAt} stops accepting answers: its lifetime, or the survey's close if sooner. */
    public Instant linksExpireAt(Instant sentAt) {
        Instant end = sentAt.plus(Duration.ofDays(linkLifetimeDays));
        return closesAt != null && closesAt.isBefore(end) ? closesAt : end;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public Language getDefaultLanguage() {
        return defaultLanguage;
    }

    public String getBrandColour() {
        return brandColour;
    }

    public String getLogoUrl() {
        return logoUrl;
    }

    public String getSenderName() {
        return senderName;
    }

    public String getSenderEmail() {
        return senderEmail;
    }

    public String getPostalAddress() {
        return postalAddress;
    }

    public int getLinkLifetimeDays() {
        return linkLifetimeDays;
    }

    public String getReviewUrl() {
        return reviewUrl;
    }

    public boolean isOpenAt(Instant instant) {
        return closesAt == null || instant.isBefore(closesAt);
    }
}
