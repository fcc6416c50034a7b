package org.npsloop.web.config;

import java.io.IOException;

/** An upload went over {@code nps.upload.max-bytes}; what was read of it has been thrown away. */
public class UploadTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;
    private final long maxBytes;

    public UploadTooLargeException(long maxBytes) {
        super("The file is larger than the limit of " + maxBytes + " bytes (nps.upload.max-bytes)");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
