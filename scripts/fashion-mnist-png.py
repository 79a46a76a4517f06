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
"""Writes Fashion-MNIST as folders of PNG files, the layout ImageFolderDataSource reads:

    OUT/train/<class>/<index>.png    OUT/test/<class>/<index>.png

Classes are named "<label>-<name>" (0-tshirt-top ... 9-ankle-boot), so that their sorted order is
the label order of the IDX files. Files are 8-bit grey PNGs holding the IDX bytes unchanged; the
index is the image's position in its IDX file. The first N_TRAIN and N_TEST images are written
(0 = all: 60000 and 10000); an existing OUT/train or OUT/test is replaced.

Usage: scripts/fashion-mnist-png.py [OUT] [N_TRAIN] [N_TEST] [SOURCE_DIR]
Defaults: output/fashion-mnist-png, 0, 0, the folder scripts/fetch-fashion-mnist.sh prints.
Python 3 standard library only; the PNG files are byte-for-byte reproducible.
"""

import gzip
import os
import shutil
import struct
import subprocess
import sys
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAMES = ["tshirt-top", "trouser", "pullover", "dress", "coat",
         "sandal", "shirt", "sneaker", "bag", "ankle-boot"]


def read_idx(path, dims):
    with gzip.open(path, "rb") as f:
        magic = struct.unpack(">I", f.read(4))[0]
        if magic != 0x800 | dims:
            sys.exit(f"{path}: not an unsigned-byte IDX file of {dims} dimensions (magic {magic:#x})")
        shape = struct.unpack(">" + "I" * dims, f.read(4 * dims))
        return shape, f.read()


def png(width, height, pixels):
    """An 8-bit greyscale PNG of the row-major pixels (filter 0 on every row)."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xffffffff)
    rows = b"".join(b"\0" + pixels[y * width:(y + 1) * width] for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9))
            + chunk(b"IEND", b""))


def export(source, prefix, out, count):
    (n, height, width), images = read_idx(os.path.join(source, prefix + "-images-idx3-ubyte.gz"), 3)
    (n_labels,), labels = read_idx(os.path.join(source, prefix + "-labels-idx1-ubyte.gz"), 1)
    if n != n_labels:
        sys.exit(f"{prefix}: {n} images but {n_labels} labels")
    count = n if count <= 0 else min(count, n)
    shutil.rmtree(out, ignore_errors=True)
    for label, name in enumerate(NAMES):
        os.makedirs(os.path.join(out, f"{label}-{name}"))
    size = height * width
    digits = len(str(n - 1))
    for i in range(count):
        label = labels[i]
        path = os.path.join(out, f"{label}-{NAMES[label]}", f"{i:0{digits}d}.png")
        with open(path, "wb") as f:
            f.write(png(width, height, images[i * size:(i + 1) * size]))
    print(f"{out}: {count} images of {height}x{width}")


def main():
    args = sys.argv[1:]
    out = args[0] if len(args) > 0 else os.path.join(ROOT, "output", "fashion-mnist-png")
    n_train = int(args[1]) if len(args) > 1 else 0
    n_test = int(args[2]) if len(args) > 2 else 0
    if len(args) > 3:
        source = args[3]
    else:
        fetch = os.path.join(ROOT, "scripts", "fetch-fashion-mnist.sh")
        source = subprocess.run([fetch], check=True, capture_output=True, text=True).stdout.strip()
    export(source, "train", os.path.join(out, "train"), n_train)
    export(source, "t10k", os.path.join(out, "test"), n_test)


if __name__ == "__main__":
    main()
