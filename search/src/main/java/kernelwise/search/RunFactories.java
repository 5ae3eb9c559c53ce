package kernelwise.search;

/**
 * The {@link RunFactory} the command line uses: the model zoo, environment and agents of Kernelwise, unless the
 * system property {@code kernelwise.runFactory} names another implementation (a class with a no-argument
 * constructor; the tests use it to drive the command line with a small environment).
 */
public final class RunFactories {
    public static final String PROPERTY = "kernelwise.runFactory";

    private RunFactories() {
    }

    public static RunFactory fromSystem() {
        String cls = System.getProperty(PROPERTY);
        if (cls == null) return new ZooRunFactory();
        try {
            return (RunFactory) Class.forName(cls).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(PROPERTY + " names " + cls + ", which is not a RunFactory with a no-argument constructor", e);
        }
    }
}
