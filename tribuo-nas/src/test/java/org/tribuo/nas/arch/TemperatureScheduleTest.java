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

package org.tribuo.nas.arch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

public class TemperatureScheduleTest {

    @Test
    public void gdasFallsLinearlyFromTenToOneTenth() {
        TemperatureSchedule s = TemperatureSchedule.gdas(250);
        assertEquals(10f, s.at(0), 1e-6f);
        assertEquals(0.1f, s.at(249), 1e-5f);
        assertEquals(10 - 9.9 * 124 / 249, s.at(124), 1e-5);
    }

    @Test
    public void gaeaGdasHoldsTenDuringWarmUpAndNeverReachesTheMinimum() {
        TemperatureSchedule s = new TemperatureSchedule(10f, 0.1f, 50, 250);
        assertEquals(10f, s.at(0), 0f);
        assertEquals(10f, s.at(49), 0f);
        assertEquals(10f, s.at(50), 0f);
        assertEquals(10 - 9.9 * 199 / 249, s.at(249), 1e-5);
        assertEquals(2.09, s.at(249), 0.01);
    }

    @Test
    public void badTemperaturesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TemperatureSchedule(1f, 2f, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new TemperatureSchedule(1f, 0f, 0, 5));
        assertEquals(3f, new TemperatureSchedule(3f, 1f, 0, 1).at(0), 0f);
    }
}
