package io.rollout.migration;

import java.util.List;

/**
 * What a dataset of a legacy source must look like, as the data steward registers it (table
 * {@code migration_dataset} with its rules in {@code migration_rule}).
 *
 * @param dataset          the dataset name in the project's scope, e.g. {@code customers}
 * @param columns          the header columns an extract must have, in any order
 * @param keyColumns       the columns that identify a record (traceability and the default uniqueness key)
 * @param reconcileColumns numeric columns whose sums are reconciled before and after cleansing
 * @param rejectThreshold  the highest reject rate in percent before sign-off; {@code null} = the project's
 * @param department       the owning department, whose business owner signs the dataset off
 * @param rules            the cleansing rules in the order they are applied
 */
record DatasetDefinition(
        String dataset,
        List<String> columns,
        List<String> keyColumns,
        List<String> reconcileColumns,
        Integer rejectThreshold,
        String department,
        List<CleansingRule> rules) {

    DatasetDefinition {
        columns = columns == null ? List.of() : List.copyOf(columns);
        keyColumns = keyColumns == null ? List.of() : List.copyOf(keyColumns);
        reconcileColumns = reconcileColumns == null ? List.of() : List.copyOf(reconcileColumns);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    DatasetDefinition withDataset(String name) {
        return new DatasetDefinition(name, columns, keyColumns, reconcileColumns, rejectThreshold, department, rules);
    }
}
