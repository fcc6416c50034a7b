package org.npsloop.reporting.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Rendering a PDF never makes the server send a request, whatever addresses the XHTML holds. */
class PdfRendererTest {

    @Test
    void noImageStylesheetOrFontIsFetched() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        try {
            String at = "http://127.0.0.1:" + server.getAddress().getPort();
            String xhtml = "<html><head><link rel=\"stylesheet\" href=\"" + at + "/style.css\"/>"
                    + "<style>@import url(" + at + "/imported.css); @font-face { font-family: x; src: url(" + at + "/font.ttf); }"
                    + " body { background: url(" + at + "/background.png); font-family: x; }</style></head>"
                    + "<body><p>Report</p><img src=\"" + at + "/latest/meta-data/\"/><img src=\"file:///etc/passwd\"/></body></html>";
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            PdfRenderer.render(xhtml, pdf);
            assertEquals("%PDF", new String(pdf.toByteArray(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
            assertEquals(List.of(), requests);
        } finally {
            server.stop(0);
        }
    }
}
