package ai.paid.spring.outbox;

/**
 * A lane this instance holds a lease on.
 *
 * @param key the lane key
 * @param token the fencing token: completion only applies while the lane row still carries it
 * @param enqueueSequence the lane's {@code enq_seq} when claimed
 */
record ClaimedLane(String key, long token, long enqueueSequence) {

}
