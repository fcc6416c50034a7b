package org.npsloop.web.html;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu Html Checker (the engine of validator.w3.org/nu) run in the test JVM with its bundled
 * schemas: no network. Set up once (it takes seconds), then each check is fast.
 */
public final class HtmlChecker {

    private static HtmlChecker instance;

    private final SimpleDocumentValidator validator;
    private final List<String> problems = new ArrayList<>();

    private HtmlChecker() throws Exception {
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // Advice (e.g. "consider adding a lang attribute"), not errors.
            }

            @Override
            public void error(SAXParseException e) {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", collect);
        validator.setUpValidatorAndParsers(collect, true, false);
    }

    /** The errors the checker finds in the document; empty when it is valid HTML. */
    public static synchronized List<String> errors(String html) throws Exception {
        if (instance == null) {
            instance = new HtmlChecker();
        }
        instance.problems.clear();
        InputSource source = new InputSource(new StringReader(html));
        source.setEncoding("UTF-8");
        instance.validator.checkHtmlInputSource(source);
        return List.copyOf(instance.problems);
    }
}
