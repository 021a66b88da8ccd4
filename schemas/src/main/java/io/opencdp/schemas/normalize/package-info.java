/**
 * The one place where personal data is normalized. Every connector (Spark batch, Flink stream),
 * identity resolution, the API's lookup-by-identifier and the audience exports call these methods,
 * so a value normalizes the same way wherever it enters.
 *
 * <p>Each normalizer returns a {@link io.opencdp.schemas.normalize.Normalized} that keeps the raw
 * value next to the normalized one, and a stable {@link io.opencdp.schemas.normalize.InvalidReason}
 * code when the value is invalid. Normalizers check syntax only: whether a well-formed value is
 * junk ({@code test@test.com}, {@code 0000000000}) is decided by resolve's guardrails, not here.
 *
 * <p>All classes are immutable and thread-safe. They compile no regular expression per call and
 * throw no exception on the common invalid paths (null, blank, garbage); invalid input is a result,
 * not an error. Exceptions are reserved for programming errors (a null zone, a bad default region).
 */
package io.opencdp.schemas.normalize;
