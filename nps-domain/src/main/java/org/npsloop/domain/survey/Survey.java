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
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.npsloop.domain.audience.EmailAddress;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.InvalidValueException;

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

    /** Whether respondents are asked "May we quote you anonymously?" (only a yes can then be quoted publicly). */
    @Column(name = "ask_quote_consent", nullable = false)
    private boolean askQuoteConsent;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    public static final String DEFAULT_COLOUR = "#0B5CAD";
    public static final int DEFAULT_LINK_LIFETIME_DAYS = 30;
    public static final int MIN_LINK_LIFETIME_DAYS = 1;
    public static final int MAX_LINK_LIFETIME_DAYS = 365;
    private static final Pattern COLOUR = Pattern.compile("^#[0-9A-Fa-f]{6}$");

    protected Survey() {
        // for JPA
    }

    public Survey(String name, String brandName, Instant now) {
        this.name = checkName(name);
        this.brandName = checkBrandName(brandName);
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

    /** Its mail in the contact's language, else in the survey's default language. */
    public SurveyLetter letterIn(Language wanted) {
        Language spoken = languageFor(wanted);
        return new SurveyLetter(spoken, brandName, getBrandColour(), getLogoUrl(), getPostalAddress(), textsFor(spoken));
    }

    public void setTexts(Language language, SurveyTexts newTexts, Instant now) {
        texts.put(language, newTexts);
        this.updatedAt = now;
    }

    public void rename(String newName, String newBrandName, Instant now) {
        String checkedName = checkName(newName);
        this.brandName = checkBrandName(newBrandName);
        this.name = checkedName;
        this.updatedAt = now;
    }

    public void brand(String colour, String newLogoUrl, Instant now) {
        String checkedColour = checkColour(colour);
        this.logoUrl = checkLogoUrl(newLogoUrl);
        this.brandColour = checkedColour;
        this.updatedAt = now;
    }

    public void sender(String name, String email, String postal, Instant now) {
        String checkedName = checkLength(blankToNull(name), "survey.senderName.tooLong", 200);
        String checkedEmail = checkSenderEmail(email);
        this.postalAddress = checkLength(blankToNull(postal), "survey.postalAddress.tooLong", 500);
        this.senderName = checkedName;
        this.senderEmail = checkedEmail;
        this.updatedAt = now;
    }

    /** The survey's own name, as the admin lists it: required, at most 200 characters. */
    public static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("survey.name.required");
        }
        return checkLength(name.strip(), "survey.name.tooLong", 200);
    }

    /** The brand the survey speaks for ({company} in its texts): required, at most 200 characters. */
    public static String checkBrandName(String brandName) {
        if (brandName == null || brandName.isBlank()) {
            throw new InvalidValueException("survey.brandName.required");
        }
        return checkLength(brandName.strip(), "survey.brandName.tooLong", 200);
    }

    /** #RRGGBB, returned in upper case. */
    public static String checkColour(String colour) {
        if (colour == null || !COLOUR.matcher(colour.strip()).matches()) {
            throw new InvalidValueException("survey.colour.invalid");
        }
        return colour.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * The logo's address: https (mail clients block or warn about plain http images), or http on
     * this machine for development. Blank means no logo (the brand name is shown instead).
     */
    public static String checkLogoUrl(String url) {
        String logo = blankToNull(url);
        if (logo == null) {
            return null;
        }
        checkLength(logo, "survey.logo.tooLong", 1000);
        URI uri;
        try {
            uri = new URI(logo);
        } catch (URISyntaxException e) {
            throw new InvalidValueException("address.invalid", logo);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host == null || host.isBlank() || !(scheme.equals("https") || scheme.equals("http") && isLocal(host))) {
            throw new InvalidValueException("survey.logo.https", logo);
        }
        return logo;
    }

    /**
     * Where promoters are invited to leave a review or refer a friend: an http(s) address, or blank
     * for none.
     */
    public static String checkReviewUrl(String url) {
        String review = blankToNull(url);
        if (review == null) {
            return null;
        }
        checkLength(review, "survey.review.tooLong", 1000);
        try {
            URI uri = new URI(review);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null && !uri.getHost().isBlank()) {
                return review;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new InvalidValueException("survey.review.https", review);
    }

    private static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]");
    }

    /** A valid address, normalised; blank means the configured default sender. */
    public static String checkSenderEmail(String email) {
        String address = blankToNull(email);
        return address == null ? null : new EmailAddress(address).value();
    }

    /** @param key the message saying which text is too long, given the maximum */
    private static String checkLength(String text, String key, int max) {
        if (text != null && text.length() > max) {
            throw new InvalidValueException(key, max);
        }
        return text;
    }

    public void linkLifetime(int days, Instant now) {
        this.linkLifetimeDays = checkLinkLifetime(days);
        this.updatedAt = now;
    }

    /** How many days a link accepts answers: 1 to 365. */
    public static int checkLinkLifetime(int days) {
        if (days < MIN_LINK_LIFETIME_DAYS || days > MAX_LINK_LIFETIME_DAYS) {
            throw new InvalidValueException("survey.linkLifetime.range", MIN_LINK_LIFETIME_DAYS, MAX_LINK_LIFETIME_DAYS);
        }
        return days;
    }

    public void reviewUrl(String url, Instant now) {
        this.reviewUrl = checkReviewUrl(url);
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

    /** The languages the survey has texts in (all shipped languages, from its creation). */
    public java.util.Set<Language> getLanguages() {
        return java.util.Collections.unmodifiableSet(texts.keySet());
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

    public boolean isAskQuoteConsent() {
        return askQuoteConsent;
    }

    public void askQuoteConsent(boolean ask, Instant now) {
        if (ask != askQuoteConsent) {
            this.askQuoteConsent = ask;
            this.updatedAt = now;
        }
    }

    public String getReviewUrl() {
        return reviewUrl;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public boolean isOpenAt(Instant instant) {
        return closesAt == null || instant.isBefore(closesAt);
    }
}
