package kernelwise.models.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A streaming CSV reader for tabular data: one example a row, comma-separated numbers and one label column (named
 * by the header or indexed, negative from the end; the last column by default). A header is a first row with a
 * field that is not a number (or stated). Labels are kept as text; {@link LabelNames} turns them into indices.
 * Blank lines are skipped; a {@code .gz} file is read through gunzip.
 */
final class CsvExamples {

    /** The rows of one file: features and the label column's text. */
    record Table(Path file, int features, float[] values, List<String> labels, int firstRow) {
    }

    private CsvExamples() {
    }

    /**
     * @param label  the label column: a header name, or an index (negative: from the end); null = the last column
     * @param header true / false, or null to detect
     */
    static Table read(Path file, String label, Boolean header) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8), 1 << 16)) {
            String line = nextLine(in);
            if (line == null) throw new DataFormatException(file, null, "rows of comma-separated values", "an empty file");
            String[] first = split(line);
            boolean hasHeader = header != null ? header : Arrays.stream(first).anyMatch(f -> !isNumber(f));
            int columns = first.length;
            if (columns < 2) throw new DataFormatException(file, "row 1", "at least 2 columns (features and a label)", columns + " column");
            int labelColumn = labelColumn(file, label, hasHeader ? first : null, columns);
            Rows rows = new Rows(file, columns, labelColumn);
            int row = 1;
            if (!hasHeader) rows.add(first, row);
            while ((line = nextLine(in)) != null) {
                row++;
                if (!line.isBlank()) rows.add(split(line), row);
            }
            if (rows.labels.isEmpty()) throw new DataFormatException(file, null, "at least one row of data", "a header only");
            return new Table(file, columns - 1, rows.values(), rows.labels, hasHeader ? 2 : 1);
        }
    }

    private static final class Rows {
        final Path file;
        final int columns, labelColumn;
        float[] values = new float[1 << 12];
        int size;
        final List<String> labels = new ArrayList<>();

        Rows(Path file, int columns, int labelColumn) {
            this.file = file;
            this.columns = columns;
            this.labelColumn = labelColumn;
        }

        void add(String[] fields, int row) throws DataFormatException {
            if (fields.length != columns) {
                throw new DataFormatException(file, "row " + row, columns + " columns (as row 1)", fields.length + " columns");
            }
            if (values.length < size + columns) values = Arrays.copyOf(values, Math.max(values.length * 2, size + columns));
            for (int c = 0; c < columns; c++) {
                if (c == labelColumn) continue;
                try {
                    values[size++] = Float.parseFloat(fields[c]);
                } catch (NumberFormatException e) {
                    throw new DataFormatException(file, "row " + row + " column " + (c + 1), "a number", "'" + fields[c] + "'");
                }
            }
            if (fields[labelColumn].isEmpty()) throw new DataFormatException(file, "row " + row + " column " + (labelColumn + 1), "a label", "an empty field");
            labels.add(fields[labelColumn]);
        }

        float[] values() {
            return Arrays.copyOf(values, size);
        }
    }

    private static int labelColumn(Path file, String label, String[] header, int columns) throws DataFormatException {
        if (label == null) return columns - 1;
        try {
            int i = Integer.parseInt(label);
            int c = i < 0 ? columns + i : i;
            if (c < 0 || c >= columns) throw new DataFormatException(file, "label column", "an index in " + (-columns) + ".." + (columns - 1), i);
            return c;
        } catch (NumberFormatException byName) {
            if (header == null) throw new DataFormatException(file, "label column", "a header row naming '" + label + "'", "no header");
            for (int c = 0; c < header.length; c++) if (header[c].equals(label)) return c;
            throw new DataFormatException(file, "label column", "a column named '" + label + "'", "columns " + Arrays.toString(header));
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static String nextLine(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.isBlank());
        return line;
    }

    private static String[] split(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) f[i] = unquote(f[i].trim());
        return f;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"' ? s.substring(1, s.length() - 1) : s;
    }

    private static boolean isNumber(String s) {
        try {
            Float.parseFloat(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
