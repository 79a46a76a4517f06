/*
 * Copyright (c) 2026 tribuo-nas authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package org.tribuo.nas.runtime;

import ai.djl.engine.Engine;

/**
 * The PyTorch engine as tribuo-nas uses it: finding it, seeding it, naming its version. The
 * library itself never changes DJL's settings; {@link #preferOffline()} is for applications
 * (the CLI, the examples) to call in their {@code main}.
 */
public final class DjlRuntime {

    /** The engine tribuo-nas runs on. */
    public static final String ENGINE = "PyTorch";

    /** Held while a network is seeded and initialized. */
    private static final Object INITIALIZATION = new Object();

    private DjlRuntime() {}

    /**
     * Turns DJL's offline mode on unless the user set it (so that the engine never calls the
     * network), before the engine starts. For applications: call first thing in {@code main};
     * the library never calls it.
     */
    public static void preferOffline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    /**
     * The PyTorch engine, starting it if needed with the user's DJL settings.
     * @return The engine.
     */
    public static Engine engine() {
        return Engine.getEngine(ENGINE);
    }

    /**
     * Seeds PyTorch's process-wide random generator, then initializes a network from it, with no
     * other seeded initialization in between: the generator is shared by every thread, so two
     * trainers initializing at once would otherwise interleave their draws.
     * @param seed The seed.
     * @param initialize Initializes the network (draws its weights).
     */
    public static void initializeSeeded(long seed, Runnable initialize) {
        synchronized (INITIALIZATION) {
            seed(seed);
            initialize.run();
        }
    }

    /**
     * Seeds PyTorch's and DJL's random generators; the weight initializers draw from them.
     * Process-wide: prefer {@link #initializeSeeded} where threads may train at once.
     * @param seed The seed.
     */
    public static void seed(long seed) {
        engine().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    /**
     * The DJL and PyTorch versions, e.g. {@code DJL 0.36.0 / PyTorch 2.7.1}.
     * @return The version string.
     */
    public static String versions() {
        return "DJL " + Engine.getDjlVersion() + " / PyTorch " + engine().getVersion();
    }
}
