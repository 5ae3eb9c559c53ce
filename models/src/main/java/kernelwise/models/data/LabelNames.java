package kernelwise.models.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns label text into class indices over every file of a data set at once: labels that are all whole numbers
 * {@code >= 0} are the indices; otherwise the distinct names in sorted order are classes 0, 1, ...
 */
final class LabelNames {
    private final List<String> names;

    private LabelNames(List<String> names) {
        this.names = names;
    }

    /** The mapping for all of {@code tables}' labels. */
    static LabelNames of(List<CsvExamples.Table> tables) {
        boolean numeric = tables.stream().allMatch(t -> t.labels().stream().allMatch(LabelNames::isIndex));
        if (numeric) return new LabelNames(null);
        TreeSet<String> all = new TreeSet<>();
        for (CsvExamples.Table t : tables) all.addAll(t.labels());
        return new LabelNames(new ArrayList<>(all));
    }

    /** The class names in index order, or an empty list when labels are indices. */
    List<String> names() {
        return names == null ? List.of() : List.copyOf(names);
    }

    /** {@code table}'s rows as examples of vectors. */
    Examples examples(CsvExamples.Table table) throws DataFormatException {
        int[] y = new int[table.labels().size()];
        for (int i = 0; i < y.length; i++) y[i] = index(table.file(), table.labels().get(i), i + table.firstRow());
        return new Examples(table.file(), FeatureShape.vector(table.features()), table.values(), y);
    }

    private int index(Path file, String label, int row) throws DataFormatException {
        if (names != null) return names.indexOf(label);
        try {
            return Integer.parseInt(label.endsWith(".0") ? label.substring(0, label.length() - 2) : label);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, "row " + row, "a class index", "'" + label + "'");
        }
    }

    private static boolean isIndex(String s) {
        String t = s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        if (t.isEmpty() || t.length() > 9) return false;
        for (int i = 0; i < t.length(); i++) if (!Character.isDigit(t.charAt(i))) return false;
        return true;
    }
}
