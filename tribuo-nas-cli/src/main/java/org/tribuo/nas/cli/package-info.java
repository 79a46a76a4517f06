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
 * The {@code tribuo-nas} command line ({@link org.tribuo.nas.cli.TribuoNasCli}): {@code search}
 * from an OLCUT configuration file, {@code sweep} over many settings, {@code evaluate}, {@code describe} and {@code reproduce} a
 * saved model. The launcher script {@code bin/tribuo-nas} at the repository root runs it.
 */
package org.tribuo.nas.cli;
