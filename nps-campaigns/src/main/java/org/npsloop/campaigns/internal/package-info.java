/** Implementations of the campaigns module's services (JPA and JDBC). Never imported from outside. */
package org.npsloop.campaigns.internal;
