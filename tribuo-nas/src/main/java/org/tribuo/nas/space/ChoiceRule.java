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

package org.tribuo.nas.space;

import java.util.Arrays;

/**
 * How a cell takes its ops from α: the rows fall into consecutive groups (the edges into one node),
 * a cell uses {@code keep} rows of every group (all of them in a smaller group) and on each used
 * row one of the choosable ops. NAS-Bench-201 and the tabular space use every row, each its own
 * group, and may choose any op; DARTS keeps two of each node's incoming edges and never chooses
 * {@code none} (its derivation skips it).
 * <p>
 * A cell is written as one α column per row, {@link #UNUSED} on the rows it does not use.
 */
public final class ChoiceRule {

    /** The column of a row that a cell does not use. */
    public static final int UNUSED = -1;

    private final int[] groupSizes;
    private final int keep;
    private final boolean[] choosable;

    /**
     * Creates a rule.
     * @param groupSizes The sizes of the consecutive row groups.
     * @param keep How many rows of each group a cell uses (all rows of a smaller group).
     * @param choosable Per op column, whether a cell may choose it on a used row.
     */
    public ChoiceRule(int[] groupSizes, int keep, boolean[] choosable) {
        if (groupSizes.length == 0 || Arrays.stream(groupSizes).anyMatch(size -> size <= 0)) {
            throw new IllegalArgumentException("row groups must be non-empty, got " + Arrays.toString(groupSizes));
        }
        if (keep <= 0) {
            throw new IllegalArgumentException("a cell must keep at least one row of each group, got " + keep);
        }
        boolean any = false;
        for (boolean c : choosable) {
            any |= c;
        }
        if (!any) {
            throw new IllegalArgumentException("a cell needs at least one choosable op");
        }
        this.groupSizes = groupSizes.clone();
        this.keep = keep;
        this.choosable = choosable.clone();
    }

    /**
     * The rule of spaces whose cell uses every row and may choose any op there.
     * @param rows The α rows.
     * @param ops The op columns.
     * @return The rule.
     */
    public static ChoiceRule everyRow(int rows, int ops) {
        int[] sizes = new int[rows];
        Arrays.fill(sizes, 1);
        boolean[] all = new boolean[ops];
        Arrays.fill(all, true);
        return new ChoiceRule(sizes, 1, all);
    }

    /**
     * Whether a cell uses every row and may choose any op: then α's expected cost is the plain
     * {@code Σ α·c}.
     * @return True for one op on every row.
     */
    public boolean isEveryRow() {
        for (int size : groupSizes) {
            if (size > keep) {
                return false;
            }
        }
        for (boolean c : choosable) {
            if (!c) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of α rows the rule covers.
     * @return The sum of the group sizes.
     */
    public int rows() {
        return Arrays.stream(groupSizes).sum();
    }

    /**
     * The number of groups.
     * @return The count.
     */
    public int groups() {
        return groupSizes.length;
    }

    /**
     * The first row of a group.
     * @param group The group.
     * @return Its first row.
     */
    public int firstRow(int group) {
        int row = 0;
        for (int g = 0; g < group; g++) {
            row += groupSizes[g];
        }
        return row;
    }

    /**
     * The rows of a group.
     * @param group The group.
     * @return Its size.
     */
    public int size(int group) {
        return groupSizes[group];
    }

    /**
     * How many rows of a group a cell uses.
     * @param group The group.
     * @return {@code min(keep, size)}.
     */
    public int kept(int group) {
        return Math.min(keep, groupSizes[group]);
    }

    /**
     * Whether a cell may choose an op on a used row.
     * @param op The op column.
     * @return True if it may.
     */
    public boolean choosable(int op) {
        return choosable[op];
    }

    /**
     * The number of op columns.
     * @return The count.
     */
    public int ops() {
        return choosable.length;
    }

    /**
     * Checks a cell follows the rule.
     * @param choices One column per row, {@link #UNUSED} where the cell does not use the row.
     * @return The choices.
     * @throws IllegalArgumentException naming the first group or row that breaks the rule.
     */
    public int[] check(int[] choices) {
        if (choices.length != rows()) {
            throw new IllegalArgumentException("a cell chooses on " + rows() + " rows, got " + choices.length);
        }
        for (int g = 0; g < groups(); g++) {
            int used = 0;
            for (int r = firstRow(g); r < firstRow(g) + size(g); r++) {
                if (choices[r] != UNUSED) {
                    if (choices[r] < 0 || choices[r] >= ops() || !choosable[choices[r]]) {
                        throw new IllegalArgumentException("row " + r + " chooses column " + choices[r] + ", which is not a choosable op");
                    }
                    used++;
                }
            }
            if (used != kept(g)) {
                throw new IllegalArgumentException("group " + g + " uses " + used + " rows, the rule keeps " + kept(g));
            }
        }
        return choices;
    }

    /**
     * The same rows with one op everywhere: the uniform cell of an op.
     * @param choices A cell.
     * @param op The op column, choosable.
     * @return The cell with every used row choosing {@code op}.
     */
    public int[] withOp(int[] choices, int op) {
        if (!choosable[op]) {
            throw new IllegalArgumentException("column " + op + " is not a choosable op");
        }
        int[] out = choices.clone();
        for (int r = 0; r < out.length; r++) {
            if (out[r] != UNUSED) {
                out[r] = op;
            }
        }
        return out;
    }

    /**
     * A cell using the first {@code kept(g)} rows of every group, all choosing the given op.
     * @param op The op column, choosable.
     * @return The cell.
     */
    public int[] firstRows(int op) {
        int[] choices = new int[rows()];
        Arrays.fill(choices, UNUSED);
        for (int g = 0; g < groups(); g++) {
            for (int i = 0; i < kept(g); i++) {
                choices[firstRow(g) + i] = op;
            }
        }
        return withOp(choices, op);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChoiceRule other && keep == other.keep && Arrays.equals(groupSizes, other.groupSizes)
                && Arrays.equals(choosable, other.choosable);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(groupSizes) + keep) + Arrays.hashCode(choosable);
    }

    @Override
    public String toString() {
        return "ChoiceRule(keep " + keep + " of groups " + Arrays.toString(groupSizes) + ", choosable "
                + Arrays.toString(choosable) + ")";
    }
}
