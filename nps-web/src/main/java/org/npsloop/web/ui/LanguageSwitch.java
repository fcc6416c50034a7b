package org.npsloop.web.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewMetadata;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The EN/FR links: the page shown, with every parameter it was opened with and the current value of its view
 * parameters (filters changed since, also after a postback whose URL no longer carries them), {@code lang} replaced.
 * The sign-in page keeps its own (the page asked for waits in the session: signing in still leads there).
 */
@Named
@RequestScoped
public class LanguageSwitch {

    /** The query string the view was opened with, kept in the view's state for its postbacks. */
    private static final String OPENED_WITH = "org.npsloop.openedWithQuery";
    /** The values of the view parameters when the view opened (a parameter the address left out: its default). */
    private static final String OPENED_VALUES = "org.npsloop.openedWithValues";

    /** The address of this page in {@code language}. */
    public String url(String language) {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        UIViewRoot view = faces.getViewRoot();
        Map<String, Object> state = view.getAttributes();
        if (!faces.isPostback() && !state.containsKey(OPENED_WITH)) {
            state.put(OPENED_WITH, request.getQueryString() == null ? "" : request.getQueryString());
            HashMap<String, String> defaults = new HashMap<>();
            for (UIViewParameter parameter : ViewMetadata.getViewParameters(view)) {
                defaults.put(parameter.getName(), parameter.getStringValue(faces));
            }
            state.put(OPENED_VALUES, defaults);
        }
        Map<String, List<String>> parameters = parse((String) state.get(OPENED_WITH));
        @SuppressWarnings("unchecked")
        Map<String, String> opened = (Map<String, String>) state.getOrDefault(OPENED_VALUES, Map.of());
        for (UIViewParameter parameter : ViewMetadata.getViewParameters(view)) {
            current(parameters, parameter.getName(), parameter.getStringValue(faces), opened.get(parameter.getName()));
        }
        String path = faces.getApplication().getViewHandler().getActionURL(faces, view.getViewId());
        return link(path, parameters, language);
    }

    /**
     * Puts a view parameter's current value: one of the address replaced (or removed when emptied), one the address
     * left out added once it differs from the value the page opened with (its default: no need to carry it).
     */
    static void current(Map<String, List<String>> parameters, String name, String value, String opened) {
        if (value == null || value.isEmpty()) {
            parameters.remove(name);
        } else if (parameters.containsKey(name) || !value.equals(opened)) {
            parameters.put(name, List.of(value));
        }
    }

    /** {@code path?parameters&lang=language}, every name and value URL-encoded. */
    static String link(String path, Map<String, List<String>> parameters, String language) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, values) -> {
            if (!name.equals("lang")) {
                for (String value : values) {
                    query.append(encode(name)).append('=').append(encode(value)).append('&');
                }
            }
        });
        return path + "?" + query + "lang=" + encode(language);
    }

    /** The parameters of a query string, in order, decoded; a name may repeat. */
    static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;   // a malformed escape is kept as typed rather than failing the page
        }
    }
}
