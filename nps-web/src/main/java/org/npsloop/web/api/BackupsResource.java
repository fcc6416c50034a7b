package org.npsloop.web.api;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.i18n.NotFoundException;
import org.npsloop.domain.schema.Database;
import org.npsloop.domain.user.Role;
import org.npsloop.platform.backup.EmbeddedBackups;
import org.npsloop.web.config.DataDirectory;

/**
 * Backups of the embedded H2 database, for an administrator: {@code POST /api/admin/backups} takes one now (a
 * consistent copy written while the application runs), {@code GET} lists them newest first and
 * {@code GET /api/admin/backups/{name}} downloads one (every contact's personal data: ADMIN only). They are kept in
 * {@code <data dir>/backups}, readable by the owner only. On PostgreSQL the answer is 409 saying to use pg_dump
 * (docs/backup.md): the application never holds the database's credentials for a dump.
 */
@RequestScoped
@Path("admin/backups")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class BackupsResource {

    @Resource(lookup = Database.DATA_SOURCE)
    private DataSource dataSource;

    @Inject
    @ConfigProperty(name = "nps.data.dir")
    private String dataDir;

    @Inject
    private Clock clock;

    @Context
    private HttpHeaders headers;

    @POST
    public Response take() throws SQLException, IOException {
        EmbeddedBackups backups = backups();
        try (Connection connection = dataSource.getConnection()) {
            EmbeddedBackups.Backup backup = backups.take(connection, clock.instant());
            return Response.status(Response.Status.CREATED).entity(backup).build();
        } catch (EmbeddedBackups.NotEmbeddedException postgreSql) {
            return ApiError.response(Response.Status.CONFLICT, Message.of("backup.notEmbedded"), headers);
        }
    }

    @GET
    public List<EmbeddedBackups.Backup> list() throws IOException {
        return backups().list();
    }

    @GET
    @Path("{name}")
    @Produces("application/zip")
    public Response download(@PathParam("name") String name) {
        java.nio.file.Path file = backups().file(name).orElseThrow(() -> new NotFoundException("notFound.backup", name));
        return Response.ok(file.toFile()).type("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"").build();
    }

    private EmbeddedBackups backups() {
        java.nio.file.Path folder = java.nio.file.Path.of(dataDir, "backups");
        try {
            DataDirectory.prepare(folder); // created owner-only: a backup holds every contact's personal data
        } catch (IOException e) {
            throw new IllegalStateException("Could not create the backup folder " + folder, e);
        }
        return new EmbeddedBackups(folder);
    }
}
