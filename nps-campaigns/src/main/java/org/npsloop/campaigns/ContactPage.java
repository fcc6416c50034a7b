package org.npsloop.campaigns;

import java.util.List;

public record ContactPage(List<ContactSummary> rows, long total) {
}
