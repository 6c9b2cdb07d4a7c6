// Package export writes packet captures as Apache Parquet tables that
// DuckDB, Spark, Trino and Athena read: a packets table, one row per
// packet with a column per decoded field named as Wireshark names it, and a
// flows table, one row per conversation as Zeek's conn.log gives it, with
// its Community ID.
//
// An Exporter takes packets one at a time (Add) and writes them through a
// second goroutine that encodes and compresses the Parquet pages, so that
// decoding and encoding run on two cores. Files are written under
// DIR/packets and DIR/flows, optionally in Hive-style partitions by date or
// hour (DIR/packets/date=2026-01-02/hour=03/part-00000.parquet), rolled
// when they pass a size limit. A file is written under a hidden name and
// renamed when its footer is written, so an engine reading the directory
// meanwhile never sees a file cut short.
//
// The output is deterministic: the same packets give byte-identical files.
// The schema is versioned in each file's key-value metadata (SchemaVersion).
//
// An Exporter is not safe for concurrent use.
package export
