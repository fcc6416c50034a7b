/** The loop background workers share: a round every interval on the container's scheduler, after the schema is ready. */
package org.npsloop.platform.worker;
