/**
 * Use cases shared by the GUI and the CLI. Progress and cancellation go through plain interfaces
 * so that the core never needs a UI toolkit.
 */
package org.lowtide.service;
