#!/usr/bin/env python3
"""Appends the benchmark's events to the Python `eventsourcing` library (9.5.x) on SQLite.

Reads the events `claims-bench` wrote (one per line: stream, TAB, type, TAB, canonical payload
JSON), then times only the append: `SQLiteApplicationRecorder.insert_events`, one call (one
transaction, with the library's optimistic-concurrency check on originator id and version) per
batch. Streams become originator ids (UUID v5 of the stream name), versions count from 1 per
stream, the topic is the event type and the state is the payload bytes. Prints one JSON line:
{"events": N, "seconds": S, "events_per_second": R, "version": "9.5.x", "batch": B}.

This is the library's fastest public append path (below aggregates and the application's
save(), which would add object construction and transcoding on top); it is the fair floor
to compare with `claims-bench`'s import.

Exit code 3 when the package is missing, so the caller can skip with a message.
Usage: eventsourcing-append.py EVENTS_FILE DB_PATH [BATCH]
"""
import json
import os
import sys
import time
import uuid

try:
    from importlib.metadata import version as package_version
    from eventsourcing.persistence import StoredEvent
    from eventsourcing.sqlite import SQLiteApplicationRecorder, SQLiteDatastore
except ImportError as error:  # pragma: no cover
    print(f"eventsourcing is not installed ({error}); pip install 'eventsourcing>=9.5,<9.6'", file=sys.stderr)
    sys.exit(3)


def main() -> None:
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    events_path, db_path = sys.argv[1], sys.argv[2]
    batch_size = int(sys.argv[3]) if len(sys.argv) > 3 else 10_000
    if os.path.exists(db_path):
        os.remove(db_path)

    # Build the stored events first (untimed): the comparison is about the store, not parsing.
    batches = []
    versions: dict[str, int] = {}
    current = []
    with open(events_path, "rb") as f:
        for line in f:
            stream, topic, payload = line.rstrip(b"\n").split(b"\t", 2)
            key = stream.decode()
            v = versions.get(key, 0) + 1
            versions[key] = v
            current.append(StoredEvent(originator_id=uuid.uuid5(uuid.NAMESPACE_URL, key), originator_version=v,
                                       topic=topic.decode(), state=payload))
            if len(current) == batch_size:
                batches.append(current)
                current = []
    if current:
        batches.append(current)

    datastore = SQLiteDatastore(db_path)
    recorder = SQLiteApplicationRecorder(datastore)
    recorder.create_table()
    n = sum(len(b) for b in batches)
    start = time.perf_counter()
    for b in batches:
        recorder.insert_events(b)
    seconds = time.perf_counter() - start
    print(json.dumps({"events": n, "seconds": seconds, "events_per_second": n / seconds if seconds else 0,
                      "version": package_version("eventsourcing"), "batch": batch_size}))


if __name__ == "__main__":
    main()
