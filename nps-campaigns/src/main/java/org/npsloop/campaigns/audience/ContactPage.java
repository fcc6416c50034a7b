package org.npsloop.campaigns.audience;

import java.util.List;

public record ContactPage(List<ContactSummary> rows, long total) {
}
