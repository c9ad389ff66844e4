package dev.bitsandlogits.press.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Replaces {@code site/} in one step, so a reader or a failed build never sees half a site. */
public final class SiteOutput {

    private SiteOutput() {
    }

    /**
     * Gives every file and directory under {@code dir} the mode a new file or directory gets from
     * the umask (0644 and 0755 under 022): JRuby, running without native POSIX calls, writes the
     * pages 0666 whatever the umask says. The modes are read from a probe file and directory.
     */
    public static void normalizeModes(Path dir) {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try {
            Path probeFile = Files.createFile(dir.resolve(".mode-probe-file"));
            Path probeDir = Files.createDirectory(dir.resolve(".mode-probe-dir"));
            var fileMode = Files.getPosixFilePermissions(probeFile);
            var dirMode = Files.getPosixFilePermissions(probeDir);
            Files.delete(probeFile);
            Files.delete(probeDir);
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.toList()) {
                    var wanted = Files.isDirectory(p) ? dirMode : fileMode;
                    if (!Files.getPosixFilePermissions(p).equals(wanted)) {
                        Files.setPosixFilePermissions(p, wanted);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the modes of " + dir, e);
        }
    }

    /** Moves {@code fresh} to {@code site}; the old site is moved aside first and then deleted. */
    public static void replace(Path fresh, Path site) {
        try {
            Path old = null;
            if (Files.exists(site)) {
                old = site.resolveSibling("." + site.getFileName() + "-old-" + ProcessHandle.current().pid());
                delete(old);
                Files.move(site, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(fresh, site, StandardCopyOption.ATOMIC_MOVE);
            if (old != null) {
                delete(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + site, e);
        }
    }

    /** Moves every file of {@code fresh} into {@code site}, replacing files of the same name. */
    public static void merge(Path fresh, Path site) {
        try (Stream<Path> walk = Files.walk(fresh)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                Path to = site.resolve(fresh.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.move(f, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot update " + site, e);
        }
    }

    public static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
