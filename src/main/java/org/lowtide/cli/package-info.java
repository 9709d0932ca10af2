/** The picocli command line; the only code that writes to standard output. */
package org.lowtide.cli;
