#!/usr/bin/env python3
# Copyright (c) 2026 tribuo-nas authors.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.
"""Writes the Fashion-MNIST test fixture: the first N train and test samples as gzipped IDX.

Usage: scripts/make-fixture.py [SOURCE_DIR] [DEST_DIR] [N_TRAIN] [N_TEST]
Defaults: /usr/share/datasets/fashion-mnist,
          tribuo-nas/src/test/resources/fixtures/fashion-mnist, 1000, 200.
Python 3 standard library only. The output is byte-for-byte reproducible (gzip mtime 0).
"""

import gzip
import os
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def read_idx(path):
    """Returns (type_code, dims, payload bytes) of a gzipped IDX file."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    zero, type_code, ndim = struct.unpack(">HBB", data[:4])
    if zero != 0 or type_code != 0x08:
        raise ValueError(f"{path}: not an unsigned-byte IDX file")
    dims = list(struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim]))
    return type_code, dims, data[4 + 4 * ndim:]


def write_subset(src, dest, n):
    """Copies the first n records of the IDX file src into the gzipped IDX file dest."""
    type_code, dims, payload = read_idx(src)
    if n > dims[0]:
        raise ValueError(f"{src} has only {dims[0]} records, asked for {n}")
    record = 1
    for d in dims[1:]:
        record *= d
    header = struct.pack(">HBB", 0, type_code, len(dims))
    header += struct.pack(">" + "I" * len(dims), n, *dims[1:])
    body = payload[:n * record]
    with open(dest, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(header + body)
    print(f"{dest}: {n} records of {dims[1:] or 'scalar'}, {os.path.getsize(dest)} bytes")


def main(argv):
    src = argv[1] if len(argv) > 1 else "/usr/share/datasets/fashion-mnist"
    dest = argv[2] if len(argv) > 2 else os.path.join(
        ROOT, "tribuo-nas", "src", "test", "resources", "fixtures", "fashion-mnist")
    n_train = int(argv[3]) if len(argv) > 3 else 1000
    n_test = int(argv[4]) if len(argv) > 4 else 200
    os.makedirs(dest, exist_ok=True)
    for split, n in (("train", n_train), ("t10k", n_test)):
        for kind in ("images-idx3", "labels-idx1"):
            name = f"{split}-{kind}-ubyte.gz"
            write_subset(os.path.join(src, name), os.path.join(dest, name), n)


if __name__ == "__main__":
    main(sys.argv)
