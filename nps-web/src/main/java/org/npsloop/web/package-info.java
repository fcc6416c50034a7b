/**
 * Everything a person or a client touches: the JSF/PrimeFaces admin, public pages, the JAX-RS API,
 * security and operations (health, metrics). Beans and resources stay thin and call the modules' services.
 */
package org.npsloop.web;
