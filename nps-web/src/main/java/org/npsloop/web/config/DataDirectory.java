package org.npsloop.web.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The data directory ({@code nps.data.dir}: the embedded database, and anything else the app keeps on
 * disk) holds every contact's personal data: it is created readable by its owner only (0700), before the
 * first database connection. A directory that already exists is left as the operator made it (they may
 * have widened it on purpose, for a backup agent), but a mode open to the group or others is logged as a
 * warning. File systems without POSIX permissions (Windows) are accepted as they are.
 */
public final class DataDirectory {

    private static final Logger LOG = Logger.getLogger(DataDirectory.class.getName());
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static volatile boolean prepared;

    /** What {@link #prepare} found or did. */
    public enum Outcome {
        CREATED_OWNER_ONLY, EXISTS_OWNER_ONLY, EXISTS_WIDER, NO_POSIX_PERMISSIONS
    }

    private DataDirectory() {
    }

    /** Prepares the configured data directory once per application; a failure is logged, never thrown. */
    static void prepareConfigured() {
        if (prepared) {
            return;
        }
        prepared = true;
        try {
            ConfigProvider.getConfig(DataDirectory.class.getClassLoader())
                    .getOptionalValue("nps.data.dir", String.class).filter(dir -> !dir.isBlank())
                    .ifPresent(dir -> {
                        try {
                            prepare(Path.of(dir));
                        } catch (IOException e) {
                            LOG.log(Level.WARNING, "Could not create the data directory " + dir, e);
                        }
                    });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read nps.data.dir", e);
        }
    }

    /** Creates {@code dir} (and missing parents) as 0700, or checks the mode of an existing one. */
    public static Outcome prepare(Path dir) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(dir)) {
            if (!posix) {
                Files.createDirectories(dir);
                return Outcome.NO_POSIX_PERMISSIONS;
            }
            // Created with the mode at once (umask can only narrow it), then set again in case umask is odd.
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.setPosixFilePermissions(dir, OWNER_ONLY);
            LOG.info(() -> "Created the data directory " + dir + " (owner only, 0700)");
            return Outcome.CREATED_OWNER_ONLY;
        }
        if (!posix) {
            return Outcome.NO_POSIX_PERMISSIONS;
        }
        Set<PosixFilePermission> actual = Files.getPosixFilePermissions(dir);
        Set<PosixFilePermission> wider = EnumSet.copyOf(actual.isEmpty() ? OWNER_ONLY : actual);
        wider.removeAll(OWNER_ONLY);
        if (actual.isEmpty() || wider.isEmpty()) {
            return Outcome.EXISTS_OWNER_ONLY;
        }
        LOG.warning(() -> "The data directory " + dir + " is open to other users of this machine ("
                + PosixFilePermissions.toString(actual) + "): it holds contacts' personal data; "
                + "restrict it with  chmod 700 " + dir);
        return Outcome.EXISTS_WIDER;
    }
}
