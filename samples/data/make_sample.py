#!/usr/bin/env python3
"""Builds samples/data/{train,val}/<domain>.jsonl.gz from the 25-domain corpus built by the corpus builder
(shared/data/build_corpus.sh OUT_DIR; this script reads OUT_DIR/corpus). Deterministic: documents are taken in
order of sha1(id) until a per-domain byte budget is reached, so a rebuild of the same corpus gives the same sample.
Usage: make_sample.py CORPUS_DIR [OUT_DIR]
Domains whose licence forbids redistribution (misc-sentences) or whose translations are copyrighted
(ml-quran-parallel) are left out.
"""
import gzip, hashlib, json, os, sys, collections

DOMAINS = ["brown-news", "brown-fiction", "brown-learned", "email-ham", "email-spam", "code-python",
           "docs-technical", "reference-dictionary", "speeches-sotu", "encyclopedic-factbook", "quotes-fortunes",
           "books-literature", "ml-bible-es", "ml-fortunes", "ml-debian-handbook"]
BUDGET = {"train": 260_000, "val": 40_000}

def main():
    corpus = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))
    licences = collections.defaultdict(collections.Counter)
    for split, budget in BUDGET.items():
        os.makedirs(os.path.join(out, split), exist_ok=True)
        for d in DOMAINS:
            rows = [json.loads(l) for l in open(os.path.join(corpus, split, d + ".jsonl"), encoding="utf-8")]
            rows.sort(key=lambda r: hashlib.sha1(r["id"].encode()).hexdigest())
            picked, size = [], 0
            for r in rows:
                n = len(r["text"].encode())
                if n > budget // 2:  # keep the sample many-document, not one giant file
                    continue
                picked.append(r)
                size += n
                if size >= budget:
                    break
            path = os.path.join(out, split, d + ".jsonl.gz")
            # mtime=0 and no file name in the header: the file's bytes depend only on its content
            with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
                for r in picked:
                    gz.write((json.dumps(r, ensure_ascii=False) + "\n").encode())
                    licences[d][r.get("license", "?")] += 1
    with open(os.path.join(out, "LICENSES.md"), "w", encoding="utf-8") as f:
        f.write("# Licences of the sample corpus\n\nEvery record carries its own `license` field; per domain:\n\n")
        f.write("| domain | licence (records) |\n|---|---|\n")
        for d in DOMAINS:
            f.write(f"| {d} | " + "; ".join(f"{k} ({v})" for k, v in licences[d].most_common()) + " |\n")

main()
