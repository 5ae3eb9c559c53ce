package kernelwise.env.bench;

import kernelwise.env.Cost;
import kernelwise.env.hardware.HardwareModel;
import kernelwise.env.hardware.HardwareModels;
import kernelwise.models.Folders;
import kernelwise.models.compress.NetworkSpecs;
import kernelwise.models.plan.CompressionPlan;
import kernelwise.models.plan.NetworkSpec;
import kernelwise.models.zoo.ModelZoo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measurement (not a test): the zoo LeNet-5 at all-8-bit and all-2-bit on every hardware model (table: the shipped
 * example exported from bitfusion). Prints one line per model and writes results/bench/env-lenet5-costs.csv.
 */
public final class LeNetCosts {

    private LeNetCosts() {
    }

    public static void main(String[] args) throws Exception {
        NetworkSpec spec = NetworkSpecs.of(ModelZoo.create("lenet5", 1));
        Path table = Path.of(LeNetCosts.class.getResource("/kernelwise/hardware/table-example-lenet5.csv").toURI());
        List<String> csv = new ArrayList<>(List.of("hardware,bits,cycles,seconds,energy_pj,storage_bits"));
        for (String name : HardwareModels.NAMES) {
            HardwareModel m = HardwareModels.byName(name, name.equals("table") ? table : null);
            for (int bits : new int[]{8, 2}) {
                Cost c = m.cost(spec, CompressionPlan.uniform(spec, bits, bits, 0));
                String row = String.format(Locale.ROOT, "%s,%d,%.0f,%.4e,%.4e,%d", name, bits, c.cycles(), c.seconds(), c.energyPj(), c.storageBits());
                csv.add(row);
                System.out.println(row);
            }
        }
        Path out = Folders.results().resolve("bench/env-lenet5-costs.csv");
        Files.createDirectories(out.getParent());
        Files.write(out, csv);
        System.out.println("written " + out);
    }
}
