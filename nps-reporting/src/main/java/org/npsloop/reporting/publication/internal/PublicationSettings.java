package org.npsloop.reporting.publication.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.npsloop.domain.publication.PublicBrand;

/**
 * What a publication reads besides its own rows, in plain SQL: the brand set on the Settings page
 * ({@code publication_brand}), the brand of a campaign's survey, and the day of the latest counted answer.
 */
final class PublicationSettings {

    private final DataSource dataSource;

    PublicationSettings(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    PublicBrand brand() {
        return one("SELECT brand_name, brand_colour, logo_url FROM publication_brand WHERE id = 1", null).orElse(PublicBrand.NONE);
    }

    void saveBrand(PublicBrand brand, String actor, Instant now) {
        try (Connection db = dataSource.getConnection(); PreparedStatement update = db.prepareStatement(
                "UPDATE publication_brand SET brand_name = ?, brand_colour = ?, logo_url = ?, updated_at = ?, updated_by = ? WHERE id = 1")) {
            update.setString(1, brand.name());
            update.setString(2, brand.colour());
            update.setString(3, brand.logoUrl());
            update.setObject(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            update.setString(5, actor);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Saving the publication brand failed: " + e.getMessage(), e);
        }
    }

    /** The brand of the campaign's survey; empty for an unknown campaign. */
    Optional<PublicBrand> surveyBrand(long campaignId) {
        return one("SELECT s.brand_name, s.brand_colour, s.logo_url FROM campaign k JOIN survey s ON s.id = k.survey_id WHERE k.id = ?",
                campaignId);
    }

    /** The day, in {@code zone}, of the latest answer reports count (suspected bots left out). */
    Optional<LocalDate> lastAnswerDay(ZoneId zone) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement q = db.prepareStatement("SELECT MAX(responded_at) FROM response WHERE flagged = FALSE");
                ResultSet rs = q.executeQuery()) {
            OffsetDateTime last = rs.next() ? rs.getObject(1, OffsetDateTime.class) : null;
            return Optional.ofNullable(last).map(t -> t.atZoneSameInstant(zone).toLocalDate());
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the latest answer failed: " + e.getMessage(), e);
        }
    }

    private Optional<PublicBrand> one(String sql, Long parameter) {
        try (Connection db = dataSource.getConnection(); PreparedStatement q = db.prepareStatement(sql)) {
            if (parameter != null) {
                q.setLong(1, parameter);
            }
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? Optional.of(new PublicBrand(rs.getString(1), rs.getString(2), rs.getString(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a brand failed: " + e.getMessage(), e);
        }
    }
}
