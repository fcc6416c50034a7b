package org.npsloop.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path temp;

    @BeforeEach
    void onPosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    }

    @Test
    void aMissingDirectoryAndItsParentsAreCreatedForTheOwnerOnly() throws Exception {
        Path dir = temp.resolve("home/.nps-loop");
        assertEquals(DataDirectory.Outcome.CREATED_OWNER_ONLY, DataDirectory.prepare(dir));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void anExistingDirectoryOpenToOthersIsReportedAndLeftAsTheOperatorMadeIt() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("shared"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(DataDirectory.Outcome.EXISTS_WIDER, DataDirectory.prepare(dir));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void anExistingOwnerOnlyDirectoryIsFine() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("private"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        assertEquals(DataDirectory.Outcome.EXISTS_OWNER_ONLY, DataDirectory.prepare(dir));
    }
}
