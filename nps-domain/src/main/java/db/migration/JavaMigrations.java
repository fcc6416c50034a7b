package db.migration;

import java.sql.SQLException;
import java.util.Locale;
import org.flywaydb.core.api.migration.Context;

/** What the Java migrations share: some run on PostgreSQL only (H2 keeps the plain tables); the rollups count answers in s0..s10. */
final class JavaMigrations {

    private JavaMigrations() {
    }

    static boolean onPostgreSql(Context context) throws SQLException {
        return context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgresql");
    }

    /** ", s0 BIGINT NOT NULL" ... ", s10 BIGINT NOT NULL": one count per score. */
    static String scoreColumns() {
        StringBuilder counts = new StringBuilder();
        for (int s = 0; s <= 10; s++) {
            counts.append(", s").append(s).append(" BIGINT NOT NULL");
        }
        return counts.toString();
    }
}
