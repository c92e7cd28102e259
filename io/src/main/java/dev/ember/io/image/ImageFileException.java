package dev.ember.io.image;

import java.io.IOException;
import java.nio.file.Path;

/** An image file that cannot be read or written; the message names the file and the reason. */
public final class ImageFileException extends IOException {
    private final transient Path file;

    public ImageFileException(String verb, Path file, String reason) { this(verb, file, reason, null); }

    public ImageFileException(String verb, Path file, String reason, Throwable cause) {
        super("cannot " + verb + " image '" + file + "': " + reason, cause);
        this.file = file;
    }

    /** The file the error is about. */
    public Path file() { return file; }
}
