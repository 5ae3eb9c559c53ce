package kernelwise.search.cli;

import kernelwise.search.ToyRunFactory;

/** The command line over the toy environment, as a main class for child JVMs (the kill tests). */
public final class ToyMain {
    private ToyMain() {
    }

    public static void main(String[] args) {
        System.exit(Main.commandLine(new ToyRunFactory()).execute(args));
    }
}
