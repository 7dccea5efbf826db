#!/usr/bin/env bash
# Oracles for tests/Curation.Formats.Parquet.Tests: DuckDB (@duckdb/node-api), hyparquet (+ compressors,
# + writer) and parquet-wasm (arrow-rs) with apache-arrow. The round-trip tests run
# tests/fixtures/parquet/read_with_peers.mjs through node with these on NODE_PATH.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
npm_install @duckdb/node-api@1.5.6-r.1 hyparquet@1.31.5 hyparquet-compressors@1.1.2 \
  hyparquet-writer@0.17.0 parquet-wasm@0.8.0 apache-arrow@21.2.0
