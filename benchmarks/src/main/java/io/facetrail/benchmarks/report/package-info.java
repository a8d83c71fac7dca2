/** What every benchmark's JSON line carries: its configuration, the machine, latency summaries. */
package io.facetrail.benchmarks.report;
