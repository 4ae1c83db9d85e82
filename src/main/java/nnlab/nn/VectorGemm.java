package nnlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API matrix product behind {@link MatMul#gemm}. Only {@link MatMul} touches this class,
 * and only when the {@code jdk.incubator.vector} module is in the boot layer, so the library still
 * loads without {@code --add-modules}.
 *
 * <p>Layout follows the usual Goto/BLIS scheme: op(B) is copied ("packed") into column panels
 * {@value #KC} rows deep and {@link #NR} wide (at the right edge the extra columns are computed
 * and dropped), and op(A) into row panels
 * {@link #MR} tall when it is transposed or reused by many panels (otherwise its rows are read in
 * place, which saves the copy for the narrow layers of small networks). The micro-kernel keeps an
 * MR×NR tile of C in registers and reads A and B with affine indices, so the JIT drops the bounds
 * checks. Packing also turns the four transpose combinations into one kernel.
 *
 * <p>Every element of C is the same fused-multiply-add chain as in {@link MatMul#scalarGemm}:
 * start at C (when accumulating) or 0, then {@code s = fma(a[i][p], b[p][j], s)} for p = 0..k-1 in
 * order. The k blocking does not change that chain, because a tile is reloaded from C where the
 * previous block stored it, so both paths give bit-identical results.
 */
final class VectorGemm {
    private VectorGemm() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats in one vector register (16 with AVX-512). */
    private static final int L = S.length();
    /** Rows of the C tile held in registers. */
    static final int MR = 8;
    /** Columns of the C tile: two vectors. */
    static final int NR = 2 * L;
    /** Depth of a packed block: an NR-wide panel of it stays in L1 while A streams past. */
    static final int KC = 256;
    /** Rows of A packed at once (kept in L2). */
    static final int MC = 128;
    /** B panels from which on A is packed rather than read in place. */
    static final int PACK_A_MIN_PANELS = 4;

    /** True when the vector registers are wide enough for this kernel to beat the scalar loop. */
    static boolean worthwhile() {
        return S.vectorBitSize() >= 256;
    }

    /** Per-thread buffers, grown on demand and reused so steady-state calls allocate nothing. */
    private static final class Scratch {
        float[] a = new float[0];
        float[] b = new float[0];
        float[] shared = new float[0];
        final float[] tile = new float[MR * NR];

        float[] a(int size) {
            if (a.length < size) a = new float[size];
            return a;
        }

        float[] b(int size) {
            if (b.length < size) b = new float[size];
            return b;
        }

        float[] shared(int size) {
            if (shared.length < size) shared = new float[size];
            return shared;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Same contract as {@link MatMul#gemm}; computes only rows [i0, i1) and columns [j0, j1) of C. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, float[] b, float[] c, boolean accumulate,
                     int i0, int i1, int j0, int j1) {
        gemm(transA, transB, m, n, k, a, b, c, accumulate, i0, i1, j0, j1, null);
    }

    /**
     * A buffer for all of op(B) packed as {@link #gemm} packs it block by block, so that threads
     * computing different rows of one product share one copy instead of each packing its own. It
     * is the calling thread's and valid until that thread's next call.
     */
    static float[] sharedB(int n, int k) {
        return SCRATCH.get().shared((n + NR - 1) / NR * NR * k);
    }

    /** Packs B panels [jp0, jp1) of every k block into a {@link #sharedB} buffer; threads may pack disjoint ranges at once. */
    static void packB(boolean transB, int n, int k, float[] b, float[] bp, int jp0, int jp1) {
        int panels = (n + NR - 1) / NR;
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            packB(transB, n, k, b, pc, kc, jp0 * NR, Math.min(n, jp1 * NR), bp, panels * NR * pc + jp0 * NR * kc);
        }
    }

    /**
     * {@link #gemm(boolean, boolean, int, int, int, float[], float[], float[], boolean, int, int, int, int)}
     * with op(B) already packed into a {@link #sharedB} buffer when packedB is not null (then j0 = 0, j1 = n).
     */
    static void gemm(boolean transA, boolean transB, int m, int n, int k,
                     float[] a, float[] b, float[] c, boolean accumulate,
                     int i0, int i1, int j0, int j1, float[] packedB) {
        if (k == 0) {
            if (!accumulate) clear(c, n, i0, i1, j0, j1);
            return;
        }
        Scratch s = SCRATCH.get();
        int panels = (j1 - j0 + NR - 1) / NR;
        float[] bp = packedB != null ? packedB : s.b(panels * NR * Math.min(k, KC));
        // A is read in place unless many B panels reuse it: then a p-major copy is cheaper than
        // re-reading MR rows far apart (or MR-float runs k rows apart when A is transposed).
        boolean packA = panels >= PACK_A_MIN_PANELS;
        // Step p, row ii of an A block is at aOff + p*ps + min(ii, rows-1)*rs.
        int ps = packA ? MR : transA ? m : 1;
        int rs = packA || transA ? 1 : k;
        float[] ap = packA ? s.a(((Math.min(i1 - i0, MC) + MR - 1) / MR) * MR * Math.min(k, KC)) : a;
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            boolean loadC = accumulate || pc > 0;
            int bBlock = packedB != null ? panels * NR * pc : 0;
            if (packedB == null) packB(transB, n, k, b, pc, kc, j0, j1, bp, 0);
            for (int ic = i0; ic < i1; ic += MC) {
                int mc = Math.min(MC, i1 - ic);
                if (packA) packA(transA, m, k, a, pc, kc, ic, mc, ap);
                for (int jp = 0; jp < panels; jp++) {
                    int jc = j0 + jp * NR;
                    int nr = Math.min(NR, j1 - jc);
                    int bOff = bBlock + jp * NR * kc;
                    for (int ir = ic; ir < ic + mc; ir += MR) {
                        int mr = Math.min(MR, ic + mc - ir);
                        int aOff = packA ? (ir - ic) * kc : ir * rs + pc * ps;
                        int rows = packA ? MR : mr; // packed panels are zero-padded to MR rows
                        if (mr == MR && nr == NR && packA) {
                            kernelPacked(kc, ap, aOff, bp, bOff, c, ir * n + jc, n, loadC);
                        } else if (mr == MR && nr == NR) {
                            kernel(kc, ap, aOff, ps, rs, rows, bp, bOff, c, ir * n + jc, n, loadC);
                        } else {
                            edge(kc, ap, aOff, ps, rs, rows, mr, bp, bOff, c, ir * n + jc, n, loadC, nr, s.tile);
                        }
                    }
                }
            }
        }
    }

    private static void clear(float[] c, int n, int i0, int i1, int j0, int j1) {
        for (int i = i0; i < i1; i++) java.util.Arrays.fill(c, i * n + j0, i * n + j1, 0f);
    }

    /** Packs rows [pc, pc+kc) and columns [j0, j1) of op(B) into NR-wide panels from bp[start] on, p-major inside. */
    private static void packB(boolean transB, int n, int k, float[] b, int pc, int kc,
                              int j0, int j1, float[] bp, int start) {
        for (int jc = j0, off = start; jc < j1; jc += NR, off += NR * kc) {
            int nr = Math.min(NR, j1 - jc);
            if (!transB && nr == NR) {
                for (int p = 0, src = pc * n + jc, dst = off; p < kc; p++, src += n, dst += NR) {
                    FloatVector.fromArray(S, b, src).intoArray(bp, dst);
                    FloatVector.fromArray(S, b, src + L).intoArray(bp, dst + L);
                }
            } else if (!transB) {
                // Columns past nr only feed C columns that the edge tile drops, so they may hold
                // whatever follows in b: copy whole vectors while b has them, zeros at its end.
                for (int p = 0, src = pc * n + jc, dst = off; p < kc; p++, src += n, dst += NR) {
                    if (src + NR <= b.length) {
                        FloatVector.fromArray(S, b, src).intoArray(bp, dst);
                        FloatVector.fromArray(S, b, src + L).intoArray(bp, dst + L);
                    } else {
                        for (int jj = 0; jj < NR; jj++) bp[dst + jj] = jj < nr ? b[src + jj] : 0f;
                    }
                }
            } else {
                for (int jj = 0; jj < NR; jj++) {
                    if (jj < nr) {
                        int src = (jc + jj) * k + pc;
                        for (int p = 0; p < kc; p++) bp[off + p * NR + jj] = b[src + p];
                    } else {
                        for (int p = 0; p < kc; p++) bp[off + p * NR + jj] = 0f;
                    }
                }
            }
        }
    }

    /** Packs rows [ic, ic+mc) and columns [pc, pc+kc) of op(A) into MR-tall panels, p-major inside, zero-padded. */
    private static void packA(boolean transA, int m, int k, float[] a, int pc, int kc,
                              int ic, int mc, float[] ap) {
        for (int ir = 0, off = 0; ir < mc; ir += MR, off += MR * kc) {
            int mr = Math.min(MR, mc - ir);
            if (transA && mr == MR) {
                for (int p = 0, src = pc * m + ic + ir, dst = off; p < kc; p++, src += m, dst += MR) {
                    for (int ii = 0; ii < MR; ii++) ap[dst + ii] = a[src + ii];
                }
            } else if (transA) {
                for (int p = 0, src = pc * m + ic + ir, dst = off; p < kc; p++, src += m, dst += MR) {
                    for (int ii = 0; ii < MR; ii++) ap[dst + ii] = ii < mr ? a[src + ii] : 0f;
                }
            } else {
                for (int ii = 0; ii < MR; ii++) {
                    int src = (ic + ir + ii) * k + pc;
                    for (int p = 0; p < kc; p++) ap[off + p * MR + ii] = ii < mr ? a[src + p] : 0f;
                }
            }
        }
    }

    /** A partial tile: run the kernel on a full-size scratch tile holding C's valid part, then copy that part back. */
    private static void edge(int kc, float[] a, int aOff, int ps, int rs, int rows, int mr, float[] bp, int bOff,
                             float[] c, int cOff, int ldc, boolean loadC, int nr, float[] tile) {
        if (loadC) {
            for (int i = 0; i < mr; i++) System.arraycopy(c, cOff + i * ldc, tile, i * NR, nr);
        }
        kernel(kc, a, aOff, ps, rs, rows, bp, bOff, tile, 0, NR, loadC);
        for (int i = 0; i < mr; i++) System.arraycopy(tile, i * NR, c, cOff + i * ldc, nr);
    }

    /**
     * C[MR×NR] at cOff (row stride ldc) = (loadC ? C : 0) + A block · packed B panel. A's element
     * (row ii, step p) is a[aOff + p*ps + min(ii, rows-1)*rs]: rows past the valid ones re-read the
     * last valid row, so a partial tile never reads outside A (the caller drops those rows). The
     * three layouts (packed: ps = MR; row-major: ps = 1; transposed: ps = m) get their own loop
     * copies from the JIT's unswitching; the first two index with constant strides and keep no
     * bounds checks. Sixteen accumulators, two B vectors and a broadcast fit the 32 AVX-512
     * registers; they are written out as separate locals because the JIT keeps vectors in
     * registers only as scalar-replaced locals (an array of them would live in memory).
     */
    private static void kernel(int kc, float[] a, int aOff, int ps, int rs, int rows,
                               float[] bp, int bOff, float[] c, int cOff, int ldc, boolean loadC) {
        int a1 = Math.min(1, rows - 1) * rs, a2 = Math.min(2, rows - 1) * rs, a3 = Math.min(3, rows - 1) * rs;
        int a4 = Math.min(4, rows - 1) * rs, a5 = Math.min(5, rows - 1) * rs, a6 = Math.min(6, rows - 1) * rs;
        int a7 = Math.min(7, rows - 1) * rs;
        FloatVector z = FloatVector.zero(S);
        int r0 = cOff, r1 = r0 + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
        int r4 = r3 + ldc, r5 = r4 + ldc, r6 = r5 + ldc, r7 = r6 + ldc;
        FloatVector c00 = loadC ? FloatVector.fromArray(S, c, r0) : z;
        FloatVector c01 = loadC ? FloatVector.fromArray(S, c, r0 + L) : z;
        FloatVector c10 = loadC ? FloatVector.fromArray(S, c, r1) : z;
        FloatVector c11 = loadC ? FloatVector.fromArray(S, c, r1 + L) : z;
        FloatVector c20 = loadC ? FloatVector.fromArray(S, c, r2) : z;
        FloatVector c21 = loadC ? FloatVector.fromArray(S, c, r2 + L) : z;
        FloatVector c30 = loadC ? FloatVector.fromArray(S, c, r3) : z;
        FloatVector c31 = loadC ? FloatVector.fromArray(S, c, r3 + L) : z;
        FloatVector c40 = loadC ? FloatVector.fromArray(S, c, r4) : z;
        FloatVector c41 = loadC ? FloatVector.fromArray(S, c, r4 + L) : z;
        FloatVector c50 = loadC ? FloatVector.fromArray(S, c, r5) : z;
        FloatVector c51 = loadC ? FloatVector.fromArray(S, c, r5 + L) : z;
        FloatVector c60 = loadC ? FloatVector.fromArray(S, c, r6) : z;
        FloatVector c61 = loadC ? FloatVector.fromArray(S, c, r6 + L) : z;
        FloatVector c70 = loadC ? FloatVector.fromArray(S, c, r7) : z;
        FloatVector c71 = loadC ? FloatVector.fromArray(S, c, r7 + L) : z;
        for (int p = 0; p < kc; p++) {
            int bi = bOff + p * NR;
            int ai = ps == MR ? aOff + p * MR : ps == 1 ? aOff + p : aOff + p * ps;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ai + a1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ai + a2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ai + a3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ai + a4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ai + a5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[ai + a6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[ai + a7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.intoArray(c, r0);
        c01.intoArray(c, r0 + L);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + L);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + L);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + L);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + L);
        c50.intoArray(c, r5);
        c51.intoArray(c, r5 + L);
        c60.intoArray(c, r6);
        c61.intoArray(c, r6 + L);
        c70.intoArray(c, r7);
        c71.intoArray(c, r7 + L);
    }

    /**
     * {@link #kernel} for a packed A panel (ps = MR, rs = 1, all MR rows valid), with those strides
     * as constants. It repeats kernel's body on purpose: with the strides as parameters the JIT
     * keeps index arithmetic in the loop, and this copy made the 1024³ product about 20% faster.
     */
    private static void kernelPacked(int kc, float[] a, int aOff,
                               float[] bp, int bOff, float[] c, int cOff, int ldc, boolean loadC) {
        FloatVector z = FloatVector.zero(S);
        int r0 = cOff, r1 = r0 + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
        int r4 = r3 + ldc, r5 = r4 + ldc, r6 = r5 + ldc, r7 = r6 + ldc;
        FloatVector c00 = loadC ? FloatVector.fromArray(S, c, r0) : z;
        FloatVector c01 = loadC ? FloatVector.fromArray(S, c, r0 + L) : z;
        FloatVector c10 = loadC ? FloatVector.fromArray(S, c, r1) : z;
        FloatVector c11 = loadC ? FloatVector.fromArray(S, c, r1 + L) : z;
        FloatVector c20 = loadC ? FloatVector.fromArray(S, c, r2) : z;
        FloatVector c21 = loadC ? FloatVector.fromArray(S, c, r2 + L) : z;
        FloatVector c30 = loadC ? FloatVector.fromArray(S, c, r3) : z;
        FloatVector c31 = loadC ? FloatVector.fromArray(S, c, r3 + L) : z;
        FloatVector c40 = loadC ? FloatVector.fromArray(S, c, r4) : z;
        FloatVector c41 = loadC ? FloatVector.fromArray(S, c, r4 + L) : z;
        FloatVector c50 = loadC ? FloatVector.fromArray(S, c, r5) : z;
        FloatVector c51 = loadC ? FloatVector.fromArray(S, c, r5 + L) : z;
        FloatVector c60 = loadC ? FloatVector.fromArray(S, c, r6) : z;
        FloatVector c61 = loadC ? FloatVector.fromArray(S, c, r6 + L) : z;
        FloatVector c70 = loadC ? FloatVector.fromArray(S, c, r7) : z;
        FloatVector c71 = loadC ? FloatVector.fromArray(S, c, r7 + L) : z;
        for (int p = 0; p < kc; p++) {
            int bi = bOff + p * NR;
            int ai = aOff + p * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[ai + 1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[ai + 2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[ai + 3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[ai + 4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[ai + 5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
            x = FloatVector.broadcast(S, a[ai + 6]);
            c60 = x.fma(b0, c60);
            c61 = x.fma(b1, c61);
            x = FloatVector.broadcast(S, a[ai + 7]);
            c70 = x.fma(b0, c70);
            c71 = x.fma(b1, c71);
        }
        c00.intoArray(c, r0);
        c01.intoArray(c, r0 + L);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + L);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + L);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + L);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + L);
        c50.intoArray(c, r5);
        c51.intoArray(c, r5 + L);
        c60.intoArray(c, r6);
        c61.intoArray(c, r6 + L);
        c70.intoArray(c, r7);
        c71.intoArray(c, r7 + L);
    }
}
