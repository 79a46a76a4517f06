# Copyright (c) 2026 tribuo-nas authors. Licensed under the Apache License, Version 2.0.
# Sourced by the scripts that run Java benchmarks and experiments (from the repository root):
# offline DJL without tracking, DJL's cache inside the checkout, and glibc settings that keep
# freed native tensors mapped instead of returning them to the OS on every step (without them
# page faults dominate step times on these VMs; see the DJL notes).
export OPT_OUT_TRACKING=true
export DJL_CACHE_DIR="$PWD/.djl-cache"
# NO_MALLOC_TUNING=1 leaves glibc's defaults (to measure what the settings cost in memory).
if [[ "${NO_MALLOC_TUNING:-0}" != 1 ]]; then
    export MALLOC_MMAP_THRESHOLD_=1073741824
    export MALLOC_TRIM_THRESHOLD_=1073741824
    # Per-thread arenas (the JVM thread calling libtorch) ignore the trim threshold and unmap whole
    # 64 MiB heaps unless this much top padding is kept: 7,000-17,000 page faults in one step otherwise.
    export MALLOC_TOP_PAD_=67108864
fi
