package cn.gov.county.campaign.audit;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the chain costs the engine's threads since start: time spent copying events and appending
 * them, entries and transactions. Read by the benchmark; cheap enough to keep in production.
 */
final class AuditStatistics {

  static final LongAdder SNAPSHOT_NANOS = new LongAdder();
  static final LongAdder APPEND_NANOS = new LongAdder();
  static final LongAdder ENTRIES = new LongAdder();
  static final LongAdder APPENDS = new LongAdder();

  private AuditStatistics() {
  }

  record Sample(long snapshotNanos, long appendNanos, long entries, long appends) {

    Sample minus(Sample earlier) {
      return new Sample(snapshotNanos - earlier.snapshotNanos, appendNanos - earlier.appendNanos,
          entries - earlier.entries, appends - earlier.appends);
    }

    double millis() {
      return (snapshotNanos + appendNanos) / 1e6;
    }
  }

  static Sample sample() {
    return new Sample(SNAPSHOT_NANOS.sum(), APPEND_NANOS.sum(), ENTRIES.sum(), APPENDS.sum());
  }
}
