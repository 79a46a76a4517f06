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


/**
 * Where the networks run: DJL's engine settings and their restoration ({@link
 * org.tribuo.nas.runtime.DjlRuntime}), the device choice ({@link org.tribuo.nas.runtime.Devices}),
 * the recorded runtime environment, and batched inference over image data.
 */
package org.tribuo.nas.runtime;
