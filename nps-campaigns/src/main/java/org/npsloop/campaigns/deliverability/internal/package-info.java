/** The implementation of deliverability's services. */
package org.npsloop.campaigns.deliverability.internal;
