/** Cross-module notification events: mail that one module asks another to deliver. */
package org.npsloop.domain.notification;
