package org.npsloop.reporting.report.internal;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The report's XHTML as a PDF, by openhtmltopdf (PDFBox). The PDF standard fonts only cover Western
 * European text, so DejaVu Sans is embedded when the system has it (Debian's fonts-dejavu-core): comments
 * in other scripts then print too; without it they fall back to Helvetica. Nothing outside the XHTML is
 * ever fetched.
 */
public final class PdfRenderer {

    private static final String[] REGULAR = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"};
    private static final String[] BOLD = {"/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"};

    private PdfRenderer() {
    }

    public static void render(String xhtml, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        File regular = existing(REGULAR);
        if (regular != null) {
            builder.useFont(regular, "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            File bold = existing(BOLD);
            if (bold != null) {
                builder.useFont(bold, "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            }
        }
        // The report carries its styles inline and needs nothing from elsewhere: no address in it (an image or
        // a stylesheet, should one ever slip in) is fetched, so rendering can never make the server send a request.
        builder.useUriResolver((base, uri) -> null);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        builder.run();
    }

    private static File existing(String[] paths) {
        for (String path : paths) {
            File file = new File(path);
            if (file.isFile()) {
                return file;
            }
        }
        return null;
    }
}
