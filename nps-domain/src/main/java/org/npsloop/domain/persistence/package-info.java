/** JPA plumbing shared by every entity. */
package org.npsloop.domain.persistence;
