package org.npsloop.domain.question;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import org.npsloop.domain.audience.Language;
import org.npsloop.domain.i18n.InvalidValueException;

/**
 * A moment of the customer relationship that a rating question is about. The reference documents' five (first
 * contact, phone, sales, delivery, maintenance) ship built in; marketers add their own. None is ever deleted:
 * answers and reports refer to it.
 */
@Entity
@Table(name = "touchpoint")
public class Touchpoint {

    public static final int MAX_LABEL = 100;

    @Id
    @SequenceGenerator(name = "touchpoint_seq", sequenceName = "touchpoint_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "touchpoint_seq")
    private Long id;

    /** A stable key for the API and exports, made from the English label when created. */
    @Column(nullable = false, length = 40)
    private String code;

    @Column(name = "label_en", nullable = false, length = MAX_LABEL)
    private String labelEn;

    @Column(name = "label_fr", nullable = false, length = MAX_LABEL)
    private String labelFr;

    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Touchpoint() {
        // for JPA
    }

    /** A marketer's own touchpoint, after the built-in ones. */
    public Touchpoint(String labelEn, String labelFr, int position, Instant now) {
        rename(labelEn, labelFr);
        this.code = codeOf(this.labelEn);
        this.position = position;
        this.createdAt = now;
    }

    public void rename(String labelEn, String labelFr) {
        this.labelEn = label(labelEn, "touchpoint.labelEn");
        this.labelFr = label(labelFr, "touchpoint.labelFr");
    }

    private static String label(String raw, String what) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException(what + ".required");
        }
        String label = raw.strip();
        if (label.codePointCount(0, label.length()) > MAX_LABEL) {
            throw new InvalidValueException(what + ".tooLong", MAX_LABEL);
        }
        return label;
    }

    /** "Après-vente 24/7" gives APRES_VENTE_24_7: ASCII letters, digits and underscores, at most 40. */
    static String codeOf(String label) {
        String ascii = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String code = ascii.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (code.isEmpty()) {
            code = "TOUCHPOINT";
        }
        return code.length() > 40 ? code.substring(0, 40) : code;
    }

    /** Makes the code unique when another touchpoint already has it (FIRST_CONTACT_2). */
    public void suffixCode(int n) {
        String suffix = "_" + n;
        String base = code.length() + suffix.length() > 40 ? code.substring(0, 40 - suffix.length()) : code;
        code = base + suffix;
    }

    public String label(Language language) {
        return language == Language.FR ? labelFr : labelEn;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getLabelEn() {
        return labelEn;
    }

    public String getLabelFr() {
        return labelFr;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }

    public int getPosition() {
        return position;
    }
}
