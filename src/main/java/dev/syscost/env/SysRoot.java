package dev.syscost.env;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import dev.syscost.sys.ProcFiles;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads /proc and /sys relative to a root directory ("/" in production, a fixture tree in tests).
 * Never throws: a file that cannot be read yields empty, and {@link #note} records why, so the
 * report can say "unknown" with a reason.
 */
final class SysRoot {
    private final Path root;
    private final List<String> unknowns = new ArrayList<>();

    SysRoot(Path root) {
        this.root = root;
    }

    /** The whole text of {@code /rel}, or empty when it cannot be read. */
    Optional<String> text(String rel) {
        try {
            return Optional.of(ProcFiles.read(resolve(rel)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The first line of {@code /rel}, trimmed, or empty. */
    Optional<String> line(String rel) {
        return text(rel).map(s -> s.lines().findFirst().orElse("").trim());
    }

    /** Like {@link #line} but records "what: why" among the unknowns when the file is unreadable. */
    Optional<String> lineOrNote(String rel, String what) {
        Optional<String> v = line(rel);
        if (v.isEmpty()) {
            note(what, whyUnreadable(rel));
        }
        return v;
    }

    /** Like {@link #text} but records "what: why" among the unknowns when the file is unreadable. */
    Optional<String> textOrNote(String rel, String what) {
        Optional<String> v = text(rel);
        if (v.isEmpty()) {
            note(what, whyUnreadable(rel));
        }
        return v;
    }

    /** Up to {@code max} leading bytes of {@code /rel}, or empty. */
    Optional<byte[]> head(String rel, int max) {
        try (InputStream in = Files.newInputStream(resolve(rel))) {
            return Optional.of(in.readNBytes(max));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** All bytes of {@code /rel} (for binary files such as auxv), or empty. */
    Optional<byte[]> bytes(String rel) {
        try {
            return Optional.of(ProcFiles.readBytes(resolve(rel)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    boolean exists(String rel) {
        return Files.exists(resolve(rel));
    }

    /** Whether {@code /rel} is a directory whose entries can be listed. */
    boolean listable(String rel) {
        Path p = resolve(rel);
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
            ds.iterator().hasNext();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The sorted names in directory {@code /rel}; empty when it is missing or unreadable. */
    List<String> list(String rel) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(resolve(rel))) {
            ds.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        names.sort(null);
        return names;
    }

    /** Records that {@code what} is unknown and why. */
    void note(String what, String why) {
        unknowns.add(what + ": " + why);
    }

    /** Everything that could not be detected, each "what: why". */
    List<String> unknowns() {
        return List.copyOf(unknowns);
    }

    /** A short reason why {@code /rel} cannot be read. */
    String whyUnreadable(String rel) {
        Path p = resolve(rel);
        try {
            ProcFiles.readBytes(p);
            return "/" + rel + " is empty";
        } catch (NoSuchFileException e) {
            return "no /" + rel;
        } catch (AccessDeniedException e) {
            return "/" + rel + " is not readable (permission denied; run as root)";
        } catch (IOException | RuntimeException e) {
            return "/" + rel + " unreadable (" + e.getClass().getSimpleName() + ")";
        }
    }

    private Path resolve(String rel) {
        return root.resolve(rel);
    }
}
