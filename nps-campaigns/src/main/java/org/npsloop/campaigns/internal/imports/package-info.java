/** CSV reading for contact import, on Apache Commons CSV. */
package org.npsloop.campaigns.internal.imports;
