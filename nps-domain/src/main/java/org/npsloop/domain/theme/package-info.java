/** Comment themes: keyword rules (FR and EN) and the matcher that assigns themes to comments. */
package org.npsloop.domain.theme;
