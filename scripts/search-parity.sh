#!/usr/bin/env bash
# Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
#
# Search-loss parity: GAEA searches of the NAS-Bench-201 space on the first 2000 Fashion-MNIST
# training images (C=16, N=1, batch 64, 8 epochs x 31 steps, single-level, EG eta 0.1, SGD 0.025 ->
# 0.001 cosine over 8 epochs), by tribuo-nas and by its PyTorch port, alternated seed by seed;
# then the per-epoch table (training loss, mean edge entropy, genotypes).
#
#   scripts/search-parity.sh [RAW_OUTPUT_FILE]     (default target/search-parity.jsonl)
# Env: SEEDS ("1 2 3"), EPOCHS (8), IMAGES (2000), THREADS (2). Takes ~15 min on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-fashion-mnist.sh >&2
scripts/install-python-torch.sh >&2
raw="${1:-target/search-parity.jsonl}"
mkdir -p "$(dirname "$raw")"
{
    echo "# $(date -u +%Y-%m-%dT%H:%MZ) commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- tribuo-nas examples bench || echo '+changes')"
    echo "# scripts/search-parity.sh, SEEDS='${SEEDS:-1 2 3}' EPOCHS=${EPOCHS:-8} IMAGES=${IMAGES:-2000} THREADS=${THREADS:-2}"
} > "$raw"
skip=0
for seed in ${SEEDS:-1 2 3}; do
    SKIP_BUILD=$skip scripts/run-bench.sh org.tribuo.nas.examples.parity.SearchParity --seed "$seed" \
        --epochs "${EPOCHS:-8}" --images "${IMAGES:-2000}" | tee -a "$raw"
    skip=1
    source scripts/java-env.sh
    python3 bench/pytorch/search_parity.py search --seed "$seed" --epochs "${EPOCHS:-8}" \
        --images "${IMAGES:-2000}" --threads "${THREADS:-2}" | tee -a "$raw"
done
python3 bench/pytorch/search_parity.py table "$raw"
