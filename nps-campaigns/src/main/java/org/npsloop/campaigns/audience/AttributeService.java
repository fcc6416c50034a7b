package org.npsloop.campaigns.audience;

import java.util.List;
import org.npsloop.domain.audience.AttributeType;

/** The custom contact attributes marketers have defined. */
public interface AttributeService {

    record AttributeView(long id, String name, AttributeType type) {
    }

    List<AttributeView> list();

    AttributeView define(String name, AttributeType type);
}
