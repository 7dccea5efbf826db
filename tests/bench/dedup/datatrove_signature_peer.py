#!/usr/bin/python3
"""A stand-in for datatrove's MinhashDedupSignature hashing loop (datatrove itself is not installable
here: no PyPI). It follows datatrove's code path: simplify_text (lowercase, numbers -> 0, punctuation
removed, whitespace collapsed, NFD diacritics stripped), word 5-grams, xxhash64 per shingle, then numpy
universal hashing (a*x + b) % (2^61 - 1) for 14 x 8 permutations and a min per permutation. Word
tokenisation is str.split (datatrove uses a language tokenizer, which is slower), so this is an upper
bound of datatrove's speed. Prints documents per CPU-second.
Usage: datatrove_signature_peer.py CORPUS_DIR [STRIDE]  (every STRIDE-th document of the corpus, in sorted file order)"""
import glob
import json
import os
import re
import sys
import time
import unicodedata

import numpy as np
import xxhash

PUNCT = re.compile(r"[^\w\s]|_")
NUMBERS = re.compile(r"\d+(\.\d+)?")
WS = re.compile(r"\s+")
MERSENNE = np.uint64((1 << 61) - 1)
MAX_HASH = np.uint64((1 << 32) - 1)


def simplify_text(text):
    text = text.lower()
    text = NUMBERS.sub("0", text)
    text = PUNCT.sub(" ", text)
    text = WS.sub(" ", text.strip())
    text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
    return text.strip()


def main():
    corpus = sys.argv[1]
    stride = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    texts = []
    index = 0
    for path in sorted(glob.glob(os.path.join(corpus, "**", "*.jsonl"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    if index % stride == 0:
                        texts.append(json.loads(line)["text"])
                    index += 1
    rng = np.random.RandomState(1)
    a, b = (
        rng.randint(1, np.iinfo(np.uint64).max, dtype=np.uint64, size=(1, 112)),
        rng.randint(0, np.iinfo(np.uint64).max, dtype=np.uint64, size=(1, 112)),
    )
    n = 5
    t0 = time.process_time()
    check = 0
    with np.errstate(over="ignore"):
        for text in texts:
            words = simplify_text(text).split(" ")
            grams = [" ".join(words[i:i + n]) for i in range(max(1, len(words) - n + 1))]
            shingles = np.fromiter((xxhash.xxh64_intdigest(g) for g in grams), dtype=np.uint64, count=len(grams)).reshape((-1, 1))
            phv = (shingles * a + b) % MERSENNE  # datatrove's formula (uint64 arithmetic wraps, as in datatrove)
            sig = np.min(phv, axis=0)
            check ^= int(sig[0])
    cpu = time.process_time() - t0
    print(f"python datatrove-style minhash: {len(texts)} docs, cpu {cpu:.2f} s, {len(texts) / cpu:.0f} docs/CPU-s (check {check:x})")


if __name__ == "__main__":
    main()
