#!/usr/bin/python3
"""Writes normalization.txt.gz, the Unicode data behind Curation.Tokenizers' NFC/NFD/NFKC/NFKD.

Input: UnicodeData.txt and DerivedNormalizationProps.txt of the Debian package `unicode-data`
(/usr/share/unicode, Unicode 15.0; Unicode licence, data may be redistributed). Output lines:
  C <cp> <ccc>            canonical combining class (non-zero only)
  D <cp> <cp>...          canonical decomposition (one level; applied recursively)
  K <cp> <cp>...          compatibility decomposition (one level)
  X <cp>                  Full_Composition_Exclusion
Usage: make_normalization_table.py [UNICODE_DIR] [OUT]
"""
import gzip, sys

src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
out = sys.argv[2] if len(sys.argv) > 2 else "normalization.txt.gz"
lines = []
with open(f"{src}/UnicodeData.txt", encoding="utf-8") as f:
    for row in f:
        fields = row.split(";")
        cp, ccc, decomp = fields[0], int(fields[3]), fields[5]
        if ccc:
            lines.append(f"C {cp} {ccc}")
        if decomp:
            parts = decomp.split()
            if parts[0].startswith("<"):
                lines.append("K " + cp + " " + " ".join(parts[1:]))
            else:
                lines.append("D " + cp + " " + " ".join(parts))
with open(f"{src}/DerivedNormalizationProps.txt", encoding="utf-8") as f:
    for row in f:
        row = row.split("#")[0].strip()
        if not row:
            continue
        rng, prop = [x.strip() for x in row.split(";")[:2]]
        if prop != "Full_Composition_Exclusion":
            continue
        lo, _, hi = rng.partition("..")
        for cp in range(int(lo, 16), int(hi or lo, 16) + 1):
            lines.append(f"X {cp:04X}")
with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as g:
    g.write(("\n".join(lines) + "\n").encode("ascii"))
print(f"{out}: {len(lines)} lines")
