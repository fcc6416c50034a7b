package org.npsloop.web.ui;

import jakarta.faces.convert.FacesConverter;

/**
 * {@link StrictDateConverter} by id, for PrimeFaces' date pickers: they ignore converters registered by
 * type and would otherwise read a typed 2025-02-31 as 28 February.
 */
@FacesConverter("strictDay")
public class StrictDayPickerConverter extends StrictDateConverter {
}
