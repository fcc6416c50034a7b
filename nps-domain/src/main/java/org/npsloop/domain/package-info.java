/**
 * The NPS Loop domain: the whole model (entities and value objects), the NPS arithmetic, repository
 * interfaces and the schema migrations. Depends on the Jakarta EE API only.
 */
package org.npsloop.domain;
