package nnlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JitWarmupTest {
    @Test
    void endsOnceTheVectorPathIsCompiledAndLeavesResultsAlone() {
        Product data = new Product();
        float[] before = data.product();
        Seed.setGlobal(7);
        try {
            assertTrue(JitWarmup.run(() -> true), "the vector path should win over the scalar one within 20 s of running");
            long next = Seed.next();
            Seed.setGlobal(7);
            assertEquals(Seed.next(), next, "the warm-up's model must not take a seed from the notebook's global sequence");
        } finally {
            Seed.clearGlobal();
        }
        // Compiled code gives the same bits as the code that ran before it was compiled.
        assertEquals(java.util.Arrays.toString(before), java.util.Arrays.toString(data.product()));
    }

    @Test
    void waitsWhileTheCallerIsBusyAndStopsWhenInterrupted() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        AtomicBoolean result = new AtomicBoolean(true), keptInterrupt = new AtomicBoolean();
        Thread t = new Thread(() -> {
            result.set(JitWarmup.run(() -> asked.incrementAndGet() < 0));
            keptInterrupt.set(Thread.currentThread().isInterrupted());
        });
        t.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (asked.get() < 3 && t.isAlive() && System.nanoTime() < deadline) Thread.sleep(10);
        assertTrue(asked.get() >= 3 && t.isAlive(), "it should ask again and again, and wait, while the caller is busy");
        t.interrupt();
        t.join(10_000);
        assertFalse(t.isAlive());
        assertFalse(result.get(), "an interrupted warm-up reports that it did not finish");
        assertTrue(keptInterrupt.get(), "the interrupt stays set for the thread's owner");
    }

    /** A product that goes through MatMul.gemm, as a layer's does. */
    private static final class Product {
        final float[] a = MatMulTest.random(new java.util.SplittableRandom(5), 33 * 70);
        final float[] b = MatMulTest.random(new java.util.SplittableRandom(6), 70 * 150);

        float[] product() {
            float[] c = new float[33 * 150];
            MatMul.gemm(false, false, 33, 150, 70, a, b, c, false);
            return c;
        }
    }
}
