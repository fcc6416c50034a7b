package org.npsloop.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** A CSV file streamed to the client as an attachment. */
final class CsvDownloads {

    interface CsvWriter {
        void write(Writer out) throws IOException;
    }

    private CsvDownloads() {
    }

    static Response attachment(String fileName, CsvWriter content) {
        StreamingOutput body = output -> {
            Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
            content.write(writer);
            writer.flush();
        };
        return Response.ok(body).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
