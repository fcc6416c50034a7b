/** The audit trail: who changed what, when and from where, appended and never rewritten. */
package org.npsloop.platform.audit;
