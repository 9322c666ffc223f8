/**
 * The text of numbers, below every other package: one shortest round-trip form of a float or
 * double on every JDK, and the JSON mapper that writes it. Depends on nothing of polygate's.
 */
package dev.polygate.text;
