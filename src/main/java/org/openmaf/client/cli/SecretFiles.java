package org.openmaf.client.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes and reads small secret files (PSK, PSK identity), readable by the owner only. */
final class SecretFiles {

    private SecretFiles() {
    }

    /**
     * Writes {@code text} plus a newline. The file is created owner-only from the start (a temporary file in the same
     * directory, then renamed), so the secret is never readable by others, not even briefly.
     */
    static void write(Path file, String text) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Path temporary;
        if (Files.getFileStore(directory).supportsFileAttributeView("posix")) {
            temporary = Files.createTempFile(directory, ".maf-client-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            temporary = Files.createTempFile(directory, ".maf-client-", ".tmp");
        }
        try {
            Files.writeString(temporary, text + "\n", StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
}
