package io.imbot.core.delivery;

import io.vertx.core.Future;

/**
 * A send handed to the message center. Both futures complete on the message center's context:
 * chain work that touches other state onto its own context.
 *
 * @param stored completes with the message ID once the message is durable in the outbox (or was
 *     stored before under the same reply ID); fails with {@link io.imbot.api.DeliveryException}
 *     when it never will be (refused, stopping, the store failed)
 * @param outcome completes once the send has ended, acknowledged or not; never fails
 */
public record Submission(Future<String> stored, Future<DeliveryOutcome> outcome) {}
