package org.npsloop.domain.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import org.npsloop.domain.i18n.InvalidValueException;
import org.npsloop.domain.validation.InvalidInputException;
import org.npsloop.domain.validation.Violations;

/**
 * A reference NPS the company compares itself with: the NPS of a sector (in a region, a year) as published by a
 * source the company may use. Typed in by the company: none ships with NPS Loop (see docs/reports.md, Benchmarks).
 */
@Entity
@Table(name = "benchmark_reference")
@NamedQuery(name = "BenchmarkReference.all", query = "SELECT b FROM BenchmarkReference b"
        + " ORDER BY b.sector, b.region, b.year DESC, b.id")
public class BenchmarkReference {

    public static final int MAX_SECTOR = 100;
    public static final int MAX_REGION = 100;
    public static final int MAX_SOURCE = 200;
    public static final int MAX_LICENCE_NOTE = 500;
    /** The NPS was first published (Reichheld, Harvard Business Review) in 2003: no figure can be older. */
    public static final int FIRST_YEAR = 2003;
    public static final BigDecimal MIN_NPS = BigDecimal.valueOf(-100);
    public static final BigDecimal MAX_NPS = BigDecimal.valueOf(100);

    @Id
    @SequenceGenerator(name = "benchmark_reference_seq", sequenceName = "benchmark_reference_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "benchmark_reference_seq")
    private Long id;

    @Column(nullable = false, length = MAX_SECTOR)
    private String sector;

    @Column(length = MAX_REGION)
    private String region;

    @Column(name = "reference_year", nullable = false)
    private int year;

    @Column(nullable = false, length = MAX_SOURCE)
    private String source;

    @Column(name = "licence_note", length = MAX_LICENCE_NOTE)
    private String licenceNote;

    @Column(nullable = false, precision = 4, scale = 1)
    private BigDecimal nps;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected BenchmarkReference() {
        // for JPA
    }

    /** @throws InvalidInputException naming every bad field, as {@link #change} */
    public BenchmarkReference(String sector, String region, String year, String source, String licenceNote, String nps,
            Instant now) {
        this.createdAt = now;
        change(sector, region, year, source, licenceNote, nps, now);
    }

    /**
     * Sector and source are required (the comparison is meaningless without them); region and licence note are
     * optional; the year runs from {@link #FIRST_YEAR} to the current one; the NPS from -100 to +100 with at most one
     * decimal. Year and NPS are text, as typed or as a JSON number is written ({@link #parseYear}, {@link #parseNps}), so
     * that a typo is refused with every other bad field at once. Nothing changes when any is refused.
     *
     * @throws InvalidInputException naming {@code sector}, {@code region}, {@code year}, {@code source},
     *         {@code licenceNote}, {@code nps}
     */
    public final void change(String newSector, String newRegion, String newYear, String newSource, String newLicenceNote,
            String newNps, Instant now) {
        Violations violations = new Violations();
        String s = violations.check("sector", () -> text(newSector, true, MAX_SECTOR, "benchmark.sector"));
        String r = violations.check("region", () -> text(newRegion, false, MAX_REGION, "benchmark.region"));
        Integer y = violations.check("year", () -> year(parseYear(newYear), now));
        String src = violations.check("source", () -> text(newSource, true, MAX_SOURCE, "benchmark.source"));
        String note = violations.check("licenceNote", () -> text(newLicenceNote, false, MAX_LICENCE_NOTE, "benchmark.licenceNote"));
        BigDecimal value = violations.check("nps", () -> nps(parseNps(newNps)));
        violations.throwIfAny();
        this.sector = s;
        this.region = r;
        this.year = y;
        this.source = src;
        this.licenceNote = note;
        this.nps = value;
        this.updatedAt = now;
    }

    /**
     * A typed NPS ("32", "-12.5", "-12,5" with a French decimal comma); null when blank (then refused as missing).
     *
     * @throws InvalidValueException {@code benchmark.nps.notNumber} for anything else
     */
    public static BigDecimal parseNps(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("benchmark.nps.notNumber", text.strip());
        }
    }

    /**
     * A typed year; null when blank.
     *
     * @throws InvalidValueException {@code benchmark.year.notNumber} for anything but digits
     */
    public static Integer parseYear(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = text.strip();
        if (!digits.matches("[0-9]{1,9}")) {
            throw new InvalidValueException("benchmark.year.notNumber", digits);
        }
        return Integer.valueOf(digits);
    }

    private static String text(String raw, boolean required, int max, String key) {
        String value = raw == null ? null : raw.strip();
        if (value == null || value.isEmpty()) {
            if (required) {
                throw new InvalidValueException(key + ".required");
            }
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw new InvalidValueException(key + ".tooLong", max, length);
        }
        return value;
    }

    private static int year(Integer value, Instant now) {
        if (value == null) {
            throw new InvalidValueException("benchmark.year.required");
        }
        int current = now.atZone(ZoneOffset.UTC).getYear();
        if (value < FIRST_YEAR || value > current) {
            throw new InvalidValueException("benchmark.year.range", FIRST_YEAR, current);
        }
        return value;
    }

    private static BigDecimal nps(BigDecimal value) {
        if (value == null) {
            throw new InvalidValueException("benchmark.nps.required");
        }
        if (value.compareTo(MIN_NPS) < 0 || value.compareTo(MAX_NPS) > 0) {
            throw new InvalidValueException("benchmark.nps.range", value.toPlainString());
        }
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() > 1) {
            throw new InvalidValueException("benchmark.nps.decimals", value.toPlainString());
        }
        return value.setScale(1, RoundingMode.UNNECESSARY);
    }

    public Long getId() {
        return id;
    }

    public String getSector() {
        return sector;
    }

    public String getRegion() {
        return region;
    }

    public int getYear() {
        return year;
    }

    public String getSource() {
        return source;
    }

    public String getLicenceNote() {
        return licenceNote;
    }

    public BigDecimal getNps() {
        return nps;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
