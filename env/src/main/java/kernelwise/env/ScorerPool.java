package kernelwise.env;

import kernelwise.models.compress.PlanScore;
import kernelwise.models.compress.PlanScorer;
import kernelwise.models.plan.CompressionPlan;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * A fixed set of {@link PlanScorer}s (each with its own working copy of the network) shared by a fixed thread
 * pool of the same size. A scorer is used by one thread at a time. Results come back in input order.
 */
public final class ScorerPool implements AutoCloseable {

    private final BlockingQueue<PlanScorer> free;
    private final ExecutorService threads;
    private final int size;

    public ScorerPool(List<? extends PlanScorer> scorers) {
        if (scorers.isEmpty()) throw new IllegalArgumentException("a scorer pool needs at least one scorer, found none");
        this.size = scorers.size();
        this.free = new ArrayBlockingQueue<>(size, false, scorers);
        this.threads = Executors.newFixedThreadPool(size, r -> {
            Thread t = new Thread(r, "kernelwise-scorer");
            t.setDaemon(true);
            return t;
        });
    }

    public int size() {
        return size;
    }

    /** Scores {@code plan} on a free scorer, in the calling thread. */
    public PlanScore score(CompressionPlan plan) {
        PlanScorer s = take();
        try {
            return s.score(plan);
        } finally {
            free.add(s);
        }
    }

    private PlanScorer take() {
        try {
            return free.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free scorer", e);
        }
    }

    /** Applies {@code task} (which may call {@link #score}) to every item on the pool's threads; results in input order. */
    public <T, R> List<R> map(List<T> items, Function<T, R> task) {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) futures.add(threads.submit(() -> task.apply(item)));
        List<R> out = new ArrayList<>(items.size());
        for (Future<R> f : futures) {
            try {
                out.add(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while scoring plans", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                throw new IllegalStateException("scoring failed", e.getCause());
            }
        }
        return out;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
