/**
 * A small JSON reader and writer ({@link org.qatwb.model.json.Json}) for the JSON a NAS prints:
 * TrueNAS's {@code midclt} answers. The model carries no JSON library.
 */
package org.qatwb.model.json;
