package dev.polygate.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Checks output locations before any work starts, so a bad path fails fast and writes nothing. */
final class OutputPaths {
    private OutputPaths() {
    }

    /** The directory, created if missing; a UsageException if it cannot be a writable directory. */
    static Path directory(String command, String flag, String value) {
        Path dir = path(command, flag, value);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException(command + ": " + flag + " " + value + " is a file, not a directory");
        }
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new UsageException(command + ": " + flag + " " + value
                    + " cannot be created or written (need a writable directory path)");
        }
        return dir;
    }

    /** A file to be written: its folder must exist and be writable, and it must not be a directory. */
    static Path file(String command, String flag, String value) {
        Path file = path(command, flag, value).toAbsolutePath();
        Path parent = file.getParent();
        if (Files.isDirectory(file)) {
            throw new UsageException(command + ": " + flag + " " + value + " is a directory (need a file path)");
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new UsageException(command + ": " + flag + " " + value
                    + " is not in a writable existing directory");
        }
        return file;
    }

    /** Creates the directory checked by {@link #directory}, before the work whose results go there. */
    static void create(String command, String flag, Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            String why = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : "the file system refused it";
            throw new UsageException(command + ": " + flag + " " + dir + " cannot be created: " + why
                    + " (need a writable directory path)");
        }
    }

    private static Path path(String command, String flag, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(command + ": " + flag + " '" + value + "' is not a valid path");
        }
    }
}
