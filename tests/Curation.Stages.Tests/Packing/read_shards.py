#!/usr/bin/python3
"""Independent reader of Curation's token shards, written from the format specifications with numpy (Debian
python3-numpy). Prints one JSON object: {"records": [[ids...], ...], "boundaries": [[...], ...]}.

  read_shards.py FORMAT PREFIX      FORMAT: megatron | nanotron | npy | llmc
Megatron follows megatron/core/datasets/indexed_dataset.py's _IndexReader layout and assertions; nanotron follows
datatrove's DatatroveFileDataset (.ds + uint64 .ds.index of cumulative ends); npy and llm.c are flat streams split
by the boundaries sidecar.
"""
import json
import os
import sys

import numpy as np

MEGATRON_DTYPES = {1: np.uint8, 2: np.int8, 3: np.int16, 4: np.int32, 5: np.int64, 6: np.float64, 7: np.float32, 8: np.uint16}


def megatron(prefix):
    with open(prefix + ".idx", "rb") as f:
        assert f.read(9) == b"MMIDIDX\x00\x00", "bad magic"
        assert np.frombuffer(f.read(8), np.uint64)[0] == 1, "bad version"
        dtype = MEGATRON_DTYPES[f.read(1)[0]]
        seq_count = int(np.frombuffer(f.read(8), np.uint64)[0])
        doc_count = int(np.frombuffer(f.read(8), np.uint64)[0])
        offset = f.tell()
    buf = np.memmap(prefix + ".idx", mode="r", order="C")
    lengths = np.frombuffer(buf, np.int32, seq_count, offset)
    pointers = np.frombuffer(buf, np.int64, seq_count, offset + lengths.nbytes)
    docs = np.frombuffer(buf, np.int64, doc_count, offset + lengths.nbytes + pointers.nbytes)
    assert offset + lengths.nbytes + pointers.nbytes + docs.nbytes == os.path.getsize(prefix + ".idx")
    assert lengths.shape[0] == docs[-1], "sequence count != last document index"
    itemsize = np.dtype(dtype).itemsize
    expected = np.concatenate([[0], np.cumsum(lengths.astype(np.int64) * itemsize)[:-1]]) if seq_count else np.zeros(0)
    assert (pointers == expected).all(), "pointers are not prefix sums of length * itemsize"
    assert os.path.getsize(prefix + ".bin") == int((lengths.astype(np.int64) * itemsize).sum())
    data = np.memmap(prefix + ".bin", dtype=dtype, mode="r") if os.path.getsize(prefix + ".bin") else np.zeros(0, dtype)
    return [data[p // itemsize: p // itemsize + n].tolist() for p, n in zip(pointers.tolist(), lengths.tolist())]


def nanotron(prefix):
    path = prefix + ".ds"
    name, size = open(path + ".metadata").readline().strip().rsplit("|", 1)
    dtype = np.uint16 if int(size) == 2 else np.uint32
    ends = np.fromfile(path + ".index", dtype=np.uint64)
    data = np.fromfile(path, dtype=dtype)
    assert (len(ends) == 0 and len(data) == 0) or int(ends[-1]) == len(data)
    starts = np.concatenate([[0], ends[:-1]]).astype(np.int64)
    return [data[s:e].tolist() for s, e in zip(starts.tolist(), ends.astype(np.int64).tolist())]


def boundaries(prefix):
    starts = np.load(prefix + ".starts.npy")
    offsets = np.load(prefix + ".offsets.npy")
    assert offsets[0] == 0 and offsets[-1] == len(starts)
    return [starts[a:b].tolist() for a, b in zip(offsets[:-1].tolist(), offsets[1:].tolist())]


def flat(tokens, bounds):
    out, o = [], 0
    for b in bounds:
        out.append(tokens[o:o + b[-1]].tolist())
        o += b[-1]
    assert o == len(tokens)
    return out


def main():
    fmt, prefix = sys.argv[1], sys.argv[2]
    bounds = boundaries(prefix)
    if fmt == "megatron":
        records = megatron(prefix)
    elif fmt == "nanotron":
        records = nanotron(prefix)
    elif fmt == "npy":
        records = flat(np.load(prefix + ".npy", mmap_mode="r"), bounds)
    else:
        header = np.fromfile(prefix + ".bin", dtype=np.int32, count=256)
        assert header[0] == 20240520 and header[1] in (1, 2)
        tokens = np.fromfile(prefix + ".bin", dtype=np.uint16 if header[1] == 1 else np.uint32, offset=1024)
        assert len(tokens) == header[2]
        records = flat(tokens, bounds)
    json.dump({"records": records, "boundaries": bounds}, sys.stdout)


if __name__ == "__main__":
    main()
