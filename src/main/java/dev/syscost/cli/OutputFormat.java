package dev.syscost.cli;

/** What a command prints on standard output: tables for people, JSON, or OpenMetrics for Prometheus. */
public enum OutputFormat { text, json, openmetrics }
