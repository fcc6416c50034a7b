/** MicroProfile Health checks served by Payara at /health/ready and /health/live. */
package org.npsloop.web.health;
