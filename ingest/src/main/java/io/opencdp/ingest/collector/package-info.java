/**
 * The web/app event collector: a Segment-compatible HTTP Tracking API that lands messages for batch
 * ingest ({@code cdp collect}).
 *
 * <h2>API</h2>
 *
 * {@code POST /v1/track}, {@code /v1/identify}, {@code /v1/page}, {@code /v1/screen}, {@code
 * /v1/alias}, {@code /v1/group} (one message) and {@code /v1/batch} ({@code {"batch": [...],
 * "sentAt": ...}}), authenticated by write key (HTTP Basic user name, or the body's {@code
 * writeKey}); {@code 200 {"success":true}} once landed. Refusals are {@code
 * application/problem+json} with {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code code} and {@code field}: 400 invalid (a batch is all or nothing), 401 no or unknown key,
 * 413 too large, 503 not landed (retry). {@code GET /healthz}.
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li>A 200 means every message of the request is on disk: its line was written with one write
 *       and forced to the device before the answer.
 *   <li>Batch ingest only sees whole, immutable files: the collector appends to {@code
 *       _collector-<yyyyMMddHHmmss>-<n>.jsonl.inprogress} (skipped by ingest) and renames it
 *       atomically to {@code collector-<yyyyMMddHHmmss>-<n>.jsonl} at {@code
 *       collector.rotate_bytes}, {@code collector.rotate_seconds} or shutdown; a file left in
 *       progress by a crash is cut back to its last whole line and finished at the next start.
 *   <li>A messageId is landed at most once per workspace and source within {@code
 *       collector.dedup_window_hours} (at most {@code collector.dedup_max_ids} ids), across
 *       restarts; beyond that, ingest's merge on messageId is the backstop.
 * </ul>
 */
package io.opencdp.ingest.collector;
