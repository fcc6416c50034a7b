package org.npsloop.campaigns.audience.internal.imports;

import java.util.List;
import org.npsloop.domain.i18n.Message;
import org.npsloop.domain.i18n.StoredMessages;

/**
 * The reasons of a rejected line as stored in {@code import_rejection.reason}: keys and arguments (compact JSON,
 * e.g. {@code [{"k":"import.line.email.invalid","a":["jean@"]}]}), not a sentence, so that each reader gets them in
 * their own language ({@link StoredMessages}), within the column's size. Lines rejected before reasons had keys hold an
 * English sentence, which is read back as is.
 */
public final class StoredReasons {

    /** The size of {@code import_rejection.reason}. */
    public static final int MAX_LENGTH = 1000;

    /** Text arguments (a cell's content) are shortened until the reasons fit: the raw line is kept whole apart. */
    private static final int[] ARGUMENT_LENGTHS = {200, 60, 20};

    private StoredReasons() {
    }

    /** At most {@link #MAX_LENGTH} characters: long cell values are shortened, then the last reasons dropped. */
    public static String encode(List<Message> reasons) {
        for (int max : ARGUMENT_LENGTHS) {
            String json = array(reasons, max);
            if (json.length() <= MAX_LENGTH) {
                return json;
            }
        }
        int shortest = ARGUMENT_LENGTHS[ARGUMENT_LENGTHS.length - 1];
        for (int count = reasons.size() - 1; count > 0; count--) {
            String json = array(reasons.subList(0, count), shortest);
            if (json.length() <= MAX_LENGTH) {
                return json;
            }
        }
        return array(List.of(Message.of(reasons.get(0).key())), shortest);
    }

    /** The reasons in the reader's language; an older English sentence as it is. */
    public static List<Message> decode(String stored) {
        return StoredMessages.decode(stored);
    }

    private static String array(List<Message> reasons, int maxArgument) {
        return StoredMessages.encode(reasons, maxArgument);
    }
}
