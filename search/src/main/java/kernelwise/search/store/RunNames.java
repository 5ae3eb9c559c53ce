package kernelwise.search.store;

import java.util.regex.Pattern;

/** Run names become folder names under results/: letters, digits, '.', '_' and '-', starting with a letter or digit. */
public final class RunNames {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");

    private RunNames() {
    }

    public static String check(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("run name must be 1-80 letters, digits, '.', '_' or '-' starting with a letter or digit, found '"
                    + name + "'");
        }
        return name;
    }
}
