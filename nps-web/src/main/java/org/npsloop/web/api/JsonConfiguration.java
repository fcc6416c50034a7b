package org.npsloop.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Type;
import java.util.regex.Pattern;

/**
 * The JSON-B of the API: the defaults, except that whole numbers are read strictly. Yasson reads a
 * JSON string into an Integer with {@code Integer.parseInt}, which takes fullwidth ({@code "９"}) or
 * Arabic-Indic digits: a score of 9 nobody typed. Numbers, and strings of ASCII digits, still work.
 */
@Provider
public class JsonConfiguration implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withDeserializers(new StrictInteger()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    /** The same JSON-B, for a resource that reads part of a body itself. */
    static Jsonb jsonb() {
        return JSONB;
    }

    /** An Integer from a JSON number or string of ASCII digits, else a refused body. */
    static final class StrictInteger implements JsonbDeserializer<Integer> {

        private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,10}");

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return parse(parser.getString());
        }

        static Integer parse(String text) {
            if (!WHOLE.matcher(text).matches()) {
                throw new JsonbException("not a whole number in ASCII digits: " + text);
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                throw new JsonbException("too large a number: " + text);
            }
        }
    }
}
