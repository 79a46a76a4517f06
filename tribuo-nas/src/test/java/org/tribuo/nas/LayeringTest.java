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
package org.tribuo.nas;

import ai.djl.ndarray.NDArray;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The packages read top-down, and this test keeps them so (ArchUnit, on the compiled library):
 * <pre>
 * repro                              reproduces a model from its provenance
 * org.tribuo.nas                     GaeaTrainer, GaeaModel: the Tribuo API
 * search, train                      the search and the final training, side by side
 * cost                               op costs and the cost penalty of a cost-aware search
 * loop, runtime                      the training loop both phases run, SGD; devices, the engine
 * checkpoint                         storage of a run's phases, knowing none of them
 * nb201, darts, tabular              the search spaces, side by side, none knowing another
 * nn                                 blocks the spaces build from (MixedOp, pooling, convolutions)
 * data                               tensors from Tribuo datasets
 * space, arch, onnx, util, protos,   interfaces, value types, the architecture optimizers,
 * numerics                           the engine's self-checked convolutions
 * </pre>
 * A layer may use the layers below it, never one above.
 */
public class LayeringTest {

    private static final String ROOT = "org.tribuo.nas";
    private static final List<String> SPACES = List.of("nb201", "darts", "tabular");

    private static JavaClasses classes;

    @BeforeAll
    public static void importLibrary() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    public void layersOnlyUseTheLayersBelow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Repro").definedBy(ROOT + ".repro..")
                .layer("Api").definedBy(ROOT)
                .layer("Search").definedBy(ROOT + ".search..")
                .layer("Train").definedBy(ROOT + ".train..")
                .layer("Cost").definedBy(ROOT + ".cost..")
                .layer("Loop").definedBy(ROOT + ".loop..", ROOT + ".runtime..")
                .layer("Checkpoint").definedBy(ROOT + ".checkpoint..")
                .layer("Spaces").definedBy(ROOT + ".nb201..", ROOT + ".darts..", ROOT + ".tabular..")
                .layer("Blocks").definedBy(ROOT + ".nn..")
                .layer("Data").definedBy(ROOT + ".data..")
                .layer("Foundation").definedBy(ROOT + ".space..", ROOT + ".arch..", ROOT + ".onnx..", ROOT + ".util..",
                        ROOT + ".protos..", ROOT + ".numerics..")
                .whereLayer("Repro").mayNotBeAccessedByAnyLayer()
                .whereLayer("Api").mayOnlyBeAccessedByLayers("Repro")
                .whereLayer("Search").mayOnlyBeAccessedByLayers("Api", "Repro")
                .whereLayer("Train").mayOnlyBeAccessedByLayers("Api", "Repro")
                .whereLayer("Cost").mayOnlyBeAccessedByLayers("Search", "Api", "Repro")
                .whereLayer("Loop").mayOnlyBeAccessedByLayers("Search", "Train", "Api", "Repro")
                .whereLayer("Checkpoint").mayOnlyBeAccessedByLayers("Loop", "Train", "Search", "Api", "Repro")
                .whereLayer("Spaces").mayOnlyBeAccessedByLayers("Api", "Repro")
                .whereLayer("Blocks").mayOnlyBeAccessedByLayers("Spaces", "Cost", "Api")
                .whereLayer("Data").mayOnlyBeAccessedByLayers("Spaces", "Checkpoint", "Loop", "Train", "Search", "Api", "Repro")
                .check(classes);
    }

    @Test
    public void noSpaceKnowsAnother() {
        for (String space : SPACES) {
            String[] others = SPACES.stream().filter(s -> !s.equals(space)).map(s -> ROOT + "." + s + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage(ROOT + "." + space + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("search spaces are symmetric plug-ins; what they share lives in nn, data or space")
                    .check(classes);
        }
    }

    @Test
    public void theApiNamesNoConcreteSpace() {
        noClasses().that().resideInAPackage(ROOT)
                .should().dependOnClassesThat().resideInAnyPackage(SPACES.stream().map(s -> ROOT + "." + s + "..").toArray(String[]::new))
                .because("GaeaTrainer and GaeaModel work with any SearchSpace, a user's own included").check(classes);
    }

    @Test
    public void searchAndFinalTrainingShareOnlyTheLoop() {
        noClasses().that().resideInAPackage(ROOT + ".search..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".train..")
                .because("what the search and the final training share is the loop and the runtime").check(classes);
        noClasses().that().resideInAPackage(ROOT + ".train..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".search..")
                .check(classes);
    }

    @Test
    public void foundationPackagesStandAlone() {
        noClasses().that().resideInAPackage(ROOT + ".space..")
                .should().dependOnClassesThat().resideInAnyPackage(otherThan("space", "util"))
                .because("space holds the interfaces and value types every space implements").check(classes);
        noClasses().that().resideInAPackage(ROOT + ".arch..")
                .should().dependOnClassesThat().resideInAnyPackage(otherThan("arch"))
                .because("the architecture optimizers need nothing else of tribuo-nas").check(classes);
        noClasses().that().resideInAnyPackage(ROOT + ".onnx..", ROOT + ".util..")
                .should().dependOnClassesThat().resideInAnyPackage(otherThan("onnx", "util"))
                .check(classes);
    }

    /**
     * No library class calls DJL's {@code NDArray} methods that take a {@code Number}
     * ({@code mul(Number)}, {@code div(Number)}, ...): they back the number with a Java buffer
     * that the next garbage collection may free while an autograd graph still reads it
     * ({@link org.tribuo.nas.numerics.NativeScalars}).
     */
    @Test
    public void noScalarOverloadsOfDjlArrays() {
        noClasses().should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("an NDArray method taking a Number") {
            @Override
            public boolean test(JavaMethodCall call) {
                return call.getTarget().getOwner().isAssignableTo(NDArray.class)
                        && call.getTarget().getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(Number.class));
            }
        }).because("DJL frees the number's buffer while the graph still uses it; use numerics.NativeScalars").check(classes);
    }

    /** Every package of the library but the given ones (and protos). */
    private static String[] otherThan(String... allowed) {
        List<String> all = List.of("", "repro", "search", "cost", "train", "loop", "runtime", "checkpoint", "nb201", "darts", "tabular", "nn", "data",
                "space", "arch", "onnx", "util", "numerics");
        List<String> keep = List.of(allowed);
        return all.stream().filter(p -> !keep.contains(p)).map(p -> p.isEmpty() ? ROOT : ROOT + "." + p + "..")
                .toArray(String[]::new);
    }
}
