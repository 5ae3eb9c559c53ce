package kernelwise.agents.ddpg;

import kernelwise.agents.util.Rng;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActorCriticTest {

    private static DdpgConfig small() {
        return new DdpgConfig(32, 32, 64, 1e-3, 1e-2, 0.05, 1.0, DdpgConfig.Returns.MONTE_CARLO, 0.5, 0.99, 0.02,
                0, 10_000, 1, 0.9);
    }

    @Test
    void givenAnActor_whenActing_thenTheSnapshotForwardMatchesDl4jOutput() {
        ActorCritic ac = new ActorCritic(3, 2, small(), 7);
        double[] obs = {0.2, 0.9, 0.4};
        double[] out = new double[2];
        ac.act(obs, out);
        INDArray dl4j = ac.actor().output(Nd4j.create(new float[]{0.2f, 0.9f, 0.4f}, new long[]{1, 3}, DataType.FLOAT), false);
        assertEquals(dl4j.getDouble(0), out[0], 1e-5);
        assertEquals(dl4j.getDouble(1), out[1], 1e-5);
    }

    @Test
    void givenAQuadraticBanditWithOptimumAtTheObservation_whenTrained_thenTheActorFindsIt() {
        // reward = -|a - target(s)|^2 with target = (s0, 1 - s1): a contextual bandit with a known optimum.
        ActorCritic ac = new ActorCritic(2, 2, small(), 11);
        ReplayBuffer buf = new ReplayBuffer(10_000, 2, 2);
        Rng rng = new Rng(3);
        double[] s = new double[2];
        double[] a = new double[2];
        for (int episode = 0; episode < 100; episode++) {
            for (int k = 0; k < 32; k++) {
                s[0] = rng.nextDouble();
                s[1] = rng.nextDouble();
                ac.act(s, a);
                for (int j = 0; j < 2; j++) a[j] = rng.truncatedNormal(a[j], 0.3, 0, 1);
                double r = -sq(a[0] - s[0]) - sq(a[1] - (1 - s[1]));
                buf.add(s, a, r, null, true, 0);
            }
            ac.train(buf, 0, rng, 20);
        }
        double err = 0;
        for (int i = 0; i < 50; i++) {
            s[0] = rng.nextDouble();
            s[1] = rng.nextDouble();
            ac.act(s, a);
            err += Math.abs(a[0] - s[0]) + Math.abs(a[1] - (1 - s[1]));
        }
        assertTrue(err / 100 < 0.08, "mean absolute distance to the optimum " + err / 100);
    }

    @Test
    void givenATrainedActorCritic_whenWrittenAndRead_thenItTrainsOnBitIdentically() throws IOException {
        ActorCritic a = new ActorCritic(2, 1, small(), 5);
        ReplayBuffer buf = new ReplayBuffer(100, 2, 1);
        Rng rng = new Rng(9);
        for (int i = 0; i < 100; i++) buf.add(new double[]{rng.nextDouble(), rng.nextDouble()}, new double[]{rng.nextDouble()}, rng.nextDouble(), null, true, 0);
        a.train(buf, 0, rng, 5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.write(new DataOutputStream(bytes));
        ActorCritic b = new ActorCritic(2, 1, small(), 99);
        b.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        long st = rng.state();
        a.train(buf, 0, rng, 5);
        rng.setState(st);
        b.train(buf, 0, rng, 5);
        double[] oa = new double[1];
        double[] ob = new double[1];
        a.act(new double[]{0.3, 0.6}, oa);
        b.act(new double[]{0.3, 0.6}, ob);
        assertArrayEquals(oa, ob, 0.0);
        assertArrayEquals(a.critic().params().toFloatVector(), b.critic().params().toFloatVector(), 0f);
    }

    private static double sq(double x) {
        return x * x;
    }
}
