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
 * and dropped), and op(A) into row panels {@link #PACKED_MR} tall when many B panels reuse it
 * (otherwise its rows are read in place, {@link #MR} at a time, which saves the copy for the
 * narrow layers of small networks). The micro-kernels keep a tile of C in registers and read A
 * and B with affine indices, so the JIT drops the bounds checks. Packing also turns the four
 * transpose combinations into one kernel.
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
    /**
     * Rows of the C tile held in registers when A is read in place: eight with AVX-512's 32
     * vector registers, six with AVX2's 16, where eight rows' 16 accumulators, two B vectors and
     * a broadcast spill ({@link #kernel} skips rows 6 and 7 then; MR is a constant, so the JIT
     * drops that code). With {@code -XX:UseAVX=2} six rows made Net A's first-layer product
     * about 20% faster and its training 12-35%.
     */
    static final int MR = L >= 16 ? 8 : 6;
    /**
     * Rows of the C tile when A is packed: its row offsets are then constants, which leaves the
     * registers free for more rows. Twelve with AVX-512's 32 vector registers
     * ({@link #kernelPacked12}), six with the 16 of AVX2 ({@link #kernelPacked6}).
     */
    static final int PACKED_MR = L >= 16 ? 12 : 6;
    /** Columns of the C tile: two vectors. */
    static final int NR = 2 * L;
    /** Depth of a packed block: an NR-wide panel of it stays in L1 while A streams past. */
    static final int KC = 256;
    /** Rows of A packed at once (kept in L2); a multiple of both tile heights. */
    static final int MC = 120;
    /** B panels from which on A is packed rather than read in place. */
    static final int PACK_A_MIN_PANELS = 4;

    /** True when the vector registers are wide enough for this kernel to beat the scalar loop. */
    static boolean worthwhile() {
        return S.vectorBitSize() >= 256;
    }

    /** Height of the C tiles for a product whose C has this many columns, which decides whether A is packed. */
    static int tileRows(int columns) {
        return packsA((columns + NR - 1) / NR) ? PACKED_MR : MR;
    }

    /**
     * A is read in place unless many B panels reuse it: then a p-major copy is cheaper than
     * re-reading MR rows far apart (or MR-float runs k rows apart when A is transposed).
     */
    private static boolean packsA(int panels) {
        return panels >= PACK_A_MIN_PANELS;
    }

    /** Per-thread buffers, grown on demand and reused so steady-state calls allocate nothing. */
    private static final class Scratch {
        float[] a = new float[0];
        float[] b = new float[0];
        float[] shared = new float[0];
        /** An edge tile: rows for whole MR-row kernel calls over a packed panel's PACKED_MR rows. */
        final float[] tile = new float[(PACKED_MR + MR - 1) / MR * MR * NR];
        private final int[] rowsAt = new int[L];
        private int rowsAtK = -1;

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

        /**
         * Gather offsets of rows 0..L-1 in a row-major A with k columns, clamped to a packed
         * panel's last row so that a gather never reads past it; kept for the last k.
         */
        int[] rowsAt(int k) {
            if (rowsAtK != k) {
                for (int ii = 0; ii < L; ii++) rowsAt[ii] = Math.min(ii, PACKED_MR - 1) * k;
                rowsAtK = k;
            }
            return rowsAt;
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
        boolean packA = packsA(panels);
        int tile = packA ? PACKED_MR : MR;
        // Step p, row ii of an A block is at aOff + p*ps + min(ii, rows-1)*rs.
        int ps = packA ? PACKED_MR : transA ? m : 1;
        int rs = packA || transA ? 1 : k;
        float[] ap = packA ? s.a(((Math.min(i1 - i0, MC) + tile - 1) / tile) * tile * Math.min(k, KC) + L) : a;
        // Equal row blocks of whole tiles: a thin last block would stream every B panel for a few rows.
        int blocks = (i1 - i0 + MC - 1) / MC;
        int blockRows = ((i1 - i0 + blocks - 1) / blocks + tile - 1) / tile * tile;
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            boolean loadC = accumulate || pc > 0;
            int bBlock = packedB != null ? panels * NR * pc : 0;
            if (packedB == null) packB(transB, n, k, b, pc, kc, j0, j1, bp, 0);
            for (int ic = i0; ic < i1; ic += blockRows) {
                int mc = Math.min(blockRows, i1 - ic);
                if (packA) packA(transA, m, k, a, pc, kc, ic, mc, ap, s);
                for (int jp = 0; jp < panels; jp++) {
                    int jc = j0 + jp * NR;
                    int nr = Math.min(NR, j1 - jc);
                    int bOff = bBlock + jp * NR * kc;
                    for (int ir = ic; ir < ic + mc; ir += tile) {
                        int mr = Math.min(tile, ic + mc - ir);
                        int aOff = packA ? (ir - ic) * kc : ir * rs + pc * ps;
                        int rows = packA ? PACKED_MR : mr; // packed panels are zero-padded
                        if (mr == tile && nr == NR && packA) {
                            if (PACKED_MR == 12) kernelPacked12(kc, ap, aOff, bp, bOff, c, ir * n + jc, n, loadC);
                            else kernelPacked6(kc, ap, aOff, bp, bOff, c, ir * n + jc, n, loadC);
                        } else if (mr == tile && nr == NR) {
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

    /** Packs rows [ic, ic+mc) and columns [pc, pc+kc) of op(A) into panels PACKED_MR tall, p-major inside, zero-padded. */
    private static void packA(boolean transA, int m, int k, float[] a, int pc, int kc,
                              int ic, int mc, float[] ap, Scratch s) {
        int[] rowsAt = transA ? null : s.rowsAt(k);
        for (int ir = 0, off = 0; ir < mc; ir += PACKED_MR, off += PACKED_MR * kc) {
            int mr = Math.min(PACKED_MR, mc - ir);
            if (transA && mr == PACKED_MR) {
                // Whole vectors, as in the gather below, while A has L floats left.
                for (int p = 0, src = pc * m + ic + ir, dst = off; p < kc; p++, src += m, dst += PACKED_MR) {
                    if (src + L <= a.length) {
                        FloatVector.fromArray(S, a, src).intoArray(ap, dst);
                    } else {
                        for (int ii = 0; ii < PACKED_MR; ii++) ap[dst + ii] = a[src + ii];
                    }
                }
            } else if (transA) {
                for (int p = 0, src = pc * m + ic + ir, dst = off; p < kc; p++, src += m, dst += PACKED_MR) {
                    for (int ii = 0; ii < PACKED_MR; ii++) ap[dst + ii] = ii < mr ? a[src + ii] : 0f;
                }
            } else if (mr == PACKED_MR) {
                // One gather per step p collects the panel's rows (and L - PACKED_MR lanes more,
                // which the next step overwrites; the buffer has room past the end). Faster than
                // scalar copies in either order: 6-8% on the whole product for 784×512×256.
                for (int p = 0, src = (ic + ir) * k + pc, dst = off; p < kc; p++, src++, dst += PACKED_MR) {
                    FloatVector.fromArray(S, a, src, rowsAt, 0).intoArray(ap, dst);
                }
            } else {
                for (int ii = 0; ii < PACKED_MR; ii++) {
                    int src = (ic + ir + ii) * k + pc;
                    for (int p = 0; p < kc; p++) ap[off + p * PACKED_MR + ii] = ii < mr ? a[src + p] : 0f;
                }
            }
        }
    }


    /**
     * A partial tile of mr rows and nr columns, A's layout as in {@link #kernel}: run the kernel
     * on a full-size scratch tile holding C's valid part, MR rows at a time, then copy that part back.
     */
    private static void edge(int kc, float[] a, int aOff, int ps, int rs, int rows, int mr, float[] bp, int bOff,
                             float[] c, int cOff, int ldc, boolean loadC, int nr, float[] tile) {
        if (loadC) {
            for (int i = 0; i < mr; i++) System.arraycopy(c, cOff + i * ldc, tile, i * NR, nr);
        }
        for (int i = 0; i < mr; i += MR) {
            kernel(kc, a, aOff + i * rs, ps, rs, Math.min(MR, rows - i), bp, bOff, tile, i * NR, NR, loadC);
        }
        for (int i = 0; i < mr; i++) System.arraycopy(tile, i * NR, c, cOff + i * ldc, nr);
    }

    /**
     * C[MR×NR] at cOff (row stride ldc) = (loadC ? C : 0) + A block · packed B panel. A's element
     * (row ii, step p) is a[aOff + p*ps + min(ii, rows-1)*rs]: rows past the valid ones re-read the
     * last valid row, so a partial tile never reads outside A (the caller drops those rows). The
     * three layouts (packed: ps = PACKED_MR; row-major: ps = 1; transposed: ps = m) get their own loop
     * copies from the JIT's unswitching; the first two index with constant strides and keep no
     * bounds checks. Sixteen accumulators, two B vectors and a broadcast fit the 32 AVX-512
     * registers (with AVX2 six rows, see {@link #MR}); they are written out as separate locals
     * because the JIT keeps vectors in registers only as scalar-replaced locals (an array of them
     * would live in memory).
     */
    private static void kernel(int kc, float[] a, int aOff, int ps, int rs, int rows,
                               float[] bp, int bOff, float[] c, int cOff, int ldc, boolean loadC) {
        int a1 = Math.min(1, rows - 1) * rs, a2 = Math.min(2, rows - 1) * rs, a3 = Math.min(3, rows - 1) * rs;
        int a4 = Math.min(4, rows - 1) * rs, a5 = Math.min(5, rows - 1) * rs, a6 = Math.min(6, rows - 1) * rs;
        int a7 = Math.min(7, rows - 1) * rs;
        FloatVector z = FloatVector.zero(S);
        int r0 = cOff, r1 = r0 + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
        int r4 = r3 + ldc, r5 = r4 + ldc, r6 = r5 + ldc, r7 = r6 + ldc;
        FloatVector c0_0 = loadC ? FloatVector.fromArray(S, c, r0) : z;
        FloatVector c0_1 = loadC ? FloatVector.fromArray(S, c, r0 + L) : z;
        FloatVector c1_0 = loadC ? FloatVector.fromArray(S, c, r1) : z;
        FloatVector c1_1 = loadC ? FloatVector.fromArray(S, c, r1 + L) : z;
        FloatVector c2_0 = loadC ? FloatVector.fromArray(S, c, r2) : z;
        FloatVector c2_1 = loadC ? FloatVector.fromArray(S, c, r2 + L) : z;
        FloatVector c3_0 = loadC ? FloatVector.fromArray(S, c, r3) : z;
        FloatVector c3_1 = loadC ? FloatVector.fromArray(S, c, r3 + L) : z;
        FloatVector c4_0 = loadC ? FloatVector.fromArray(S, c, r4) : z;
        FloatVector c4_1 = loadC ? FloatVector.fromArray(S, c, r4 + L) : z;
        FloatVector c5_0 = loadC ? FloatVector.fromArray(S, c, r5) : z;
        FloatVector c5_1 = loadC ? FloatVector.fromArray(S, c, r5 + L) : z;
        boolean eight = MR == 8;
        FloatVector c6_0 = eight && loadC ? FloatVector.fromArray(S, c, r6) : z;
        FloatVector c6_1 = eight && loadC ? FloatVector.fromArray(S, c, r6 + L) : z;
        FloatVector c7_0 = eight && loadC ? FloatVector.fromArray(S, c, r7) : z;
        FloatVector c7_1 = eight && loadC ? FloatVector.fromArray(S, c, r7 + L) : z;
        for (int p = 0; p < kc; p++) {
            int bi = bOff + p * NR;
            int ai = ps == PACKED_MR ? aOff + p * PACKED_MR : ps == 1 ? aOff + p : aOff + p * ps;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            c0_0 = x.fma(b0, c0_0);
            c0_1 = x.fma(b1, c0_1);
            x = FloatVector.broadcast(S, a[ai + a1]);
            c1_0 = x.fma(b0, c1_0);
            c1_1 = x.fma(b1, c1_1);
            x = FloatVector.broadcast(S, a[ai + a2]);
            c2_0 = x.fma(b0, c2_0);
            c2_1 = x.fma(b1, c2_1);
            x = FloatVector.broadcast(S, a[ai + a3]);
            c3_0 = x.fma(b0, c3_0);
            c3_1 = x.fma(b1, c3_1);
            x = FloatVector.broadcast(S, a[ai + a4]);
            c4_0 = x.fma(b0, c4_0);
            c4_1 = x.fma(b1, c4_1);
            x = FloatVector.broadcast(S, a[ai + a5]);
            c5_0 = x.fma(b0, c5_0);
            c5_1 = x.fma(b1, c5_1);
            if (!eight) continue; // AVX2: six rows
            x = FloatVector.broadcast(S, a[ai + a6]);
            c6_0 = x.fma(b0, c6_0);
            c6_1 = x.fma(b1, c6_1);
            x = FloatVector.broadcast(S, a[ai + a7]);
            c7_0 = x.fma(b0, c7_0);
            c7_1 = x.fma(b1, c7_1);
        }
        c0_0.intoArray(c, r0);
        c0_1.intoArray(c, r0 + L);
        c1_0.intoArray(c, r1);
        c1_1.intoArray(c, r1 + L);
        c2_0.intoArray(c, r2);
        c2_1.intoArray(c, r2 + L);
        c3_0.intoArray(c, r3);
        c3_1.intoArray(c, r3 + L);
        c4_0.intoArray(c, r4);
        c4_1.intoArray(c, r4 + L);
        c5_0.intoArray(c, r5);
        c5_1.intoArray(c, r5 + L);
        if (!eight) return;
        c6_0.intoArray(c, r6);
        c6_1.intoArray(c, r6 + L);
        c7_0.intoArray(c, r7);
        c7_1.intoArray(c, r7 + L);
    }

    /**
     * {@link #kernel} for a full packed A panel (ps = PACKED_MR, rs = 1), with those strides as
     * constants and twelve rows, for AVX-512. It repeats kernel's body on purpose: with the strides as
     * parameters the JIT keeps index arithmetic in the loop (this copy made the 1024³ product
     * about 20% faster at eight rows), and with constant row offsets the general-purpose
     * registers suffice for twelve rows: 24 accumulators, two B vectors and a broadcast in the 32
     * vector registers, 24 fused multiply-adds per step for the same dozen instructions of loop
     * overhead. Alone on data in L1 the 12-row kernel ran about 155 GFLOP/s against 130 for the
     * 8-row one (one core of a 2-FMA-unit AVX-512 Xeon, peak about 195).
     */
    private static void kernelPacked12(int kc, float[] a, int aOff,
                                     float[] bp, int bOff, float[] c, int cOff, int ldc, boolean loadC) {
        FloatVector z = FloatVector.zero(S);
        int r0 = cOff;
        int r1 = r0 + ldc;
        int r2 = r1 + ldc;
        int r3 = r2 + ldc;
        int r4 = r3 + ldc;
        int r5 = r4 + ldc;
        int r6 = r5 + ldc;
        int r7 = r6 + ldc;
        int r8 = r7 + ldc;
        int r9 = r8 + ldc;
        int r10 = r9 + ldc;
        int r11 = r10 + ldc;
        FloatVector c0_0 = loadC ? FloatVector.fromArray(S, c, r0) : z;
        FloatVector c0_1 = loadC ? FloatVector.fromArray(S, c, r0 + L) : z;
        FloatVector c1_0 = loadC ? FloatVector.fromArray(S, c, r1) : z;
        FloatVector c1_1 = loadC ? FloatVector.fromArray(S, c, r1 + L) : z;
        FloatVector c2_0 = loadC ? FloatVector.fromArray(S, c, r2) : z;
        FloatVector c2_1 = loadC ? FloatVector.fromArray(S, c, r2 + L) : z;
        FloatVector c3_0 = loadC ? FloatVector.fromArray(S, c, r3) : z;
        FloatVector c3_1 = loadC ? FloatVector.fromArray(S, c, r3 + L) : z;
        FloatVector c4_0 = loadC ? FloatVector.fromArray(S, c, r4) : z;
        FloatVector c4_1 = loadC ? FloatVector.fromArray(S, c, r4 + L) : z;
        FloatVector c5_0 = loadC ? FloatVector.fromArray(S, c, r5) : z;
        FloatVector c5_1 = loadC ? FloatVector.fromArray(S, c, r5 + L) : z;
        FloatVector c6_0 = loadC ? FloatVector.fromArray(S, c, r6) : z;
        FloatVector c6_1 = loadC ? FloatVector.fromArray(S, c, r6 + L) : z;
        FloatVector c7_0 = loadC ? FloatVector.fromArray(S, c, r7) : z;
        FloatVector c7_1 = loadC ? FloatVector.fromArray(S, c, r7 + L) : z;
        FloatVector c8_0 = loadC ? FloatVector.fromArray(S, c, r8) : z;
        FloatVector c8_1 = loadC ? FloatVector.fromArray(S, c, r8 + L) : z;
        FloatVector c9_0 = loadC ? FloatVector.fromArray(S, c, r9) : z;
        FloatVector c9_1 = loadC ? FloatVector.fromArray(S, c, r9 + L) : z;
        FloatVector c10_0 = loadC ? FloatVector.fromArray(S, c, r10) : z;
        FloatVector c10_1 = loadC ? FloatVector.fromArray(S, c, r10 + L) : z;
        FloatVector c11_0 = loadC ? FloatVector.fromArray(S, c, r11) : z;
        FloatVector c11_1 = loadC ? FloatVector.fromArray(S, c, r11 + L) : z;
        for (int p = 0; p < kc; p++) {
            int bi = bOff + p * NR;
            int ai = aOff + p * PACKED_MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c0_0 = x0.fma(b0, c0_0);
            c0_1 = x0.fma(b1, c0_1);
            FloatVector x1 = FloatVector.broadcast(S, a[ai + 1]);
            c1_0 = x1.fma(b0, c1_0);
            c1_1 = x1.fma(b1, c1_1);
            FloatVector x2 = FloatVector.broadcast(S, a[ai + 2]);
            c2_0 = x2.fma(b0, c2_0);
            c2_1 = x2.fma(b1, c2_1);
            FloatVector x3 = FloatVector.broadcast(S, a[ai + 3]);
            c3_0 = x3.fma(b0, c3_0);
            c3_1 = x3.fma(b1, c3_1);
            FloatVector x4 = FloatVector.broadcast(S, a[ai + 4]);
            c4_0 = x4.fma(b0, c4_0);
            c4_1 = x4.fma(b1, c4_1);
            FloatVector x5 = FloatVector.broadcast(S, a[ai + 5]);
            c5_0 = x5.fma(b0, c5_0);
            c5_1 = x5.fma(b1, c5_1);
            FloatVector x6 = FloatVector.broadcast(S, a[ai + 6]);
            c6_0 = x6.fma(b0, c6_0);
            c6_1 = x6.fma(b1, c6_1);
            FloatVector x7 = FloatVector.broadcast(S, a[ai + 7]);
            c7_0 = x7.fma(b0, c7_0);
            c7_1 = x7.fma(b1, c7_1);
            FloatVector x8 = FloatVector.broadcast(S, a[ai + 8]);
            c8_0 = x8.fma(b0, c8_0);
            c8_1 = x8.fma(b1, c8_1);
            FloatVector x9 = FloatVector.broadcast(S, a[ai + 9]);
            c9_0 = x9.fma(b0, c9_0);
            c9_1 = x9.fma(b1, c9_1);
            FloatVector x10 = FloatVector.broadcast(S, a[ai + 10]);
            c10_0 = x10.fma(b0, c10_0);
            c10_1 = x10.fma(b1, c10_1);
            FloatVector x11 = FloatVector.broadcast(S, a[ai + 11]);
            c11_0 = x11.fma(b0, c11_0);
            c11_1 = x11.fma(b1, c11_1);
        }
        c0_0.intoArray(c, r0);
        c0_1.intoArray(c, r0 + L);
        c1_0.intoArray(c, r1);
        c1_1.intoArray(c, r1 + L);
        c2_0.intoArray(c, r2);
        c2_1.intoArray(c, r2 + L);
        c3_0.intoArray(c, r3);
        c3_1.intoArray(c, r3 + L);
        c4_0.intoArray(c, r4);
        c4_1.intoArray(c, r4 + L);
        c5_0.intoArray(c, r5);
        c5_1.intoArray(c, r5 + L);
        c6_0.intoArray(c, r6);
        c6_1.intoArray(c, r6 + L);
        c7_0.intoArray(c, r7);
        c7_1.intoArray(c, r7 + L);
        c8_0.intoArray(c, r8);
        c8_1.intoArray(c, r8 + L);
        c9_0.intoArray(c, r9);
        c9_1.intoArray(c, r9 + L);
        c10_0.intoArray(c, r10);
        c10_1.intoArray(c, r10 + L);
        c11_0.intoArray(c, r11);
        c11_1.intoArray(c, r11 + L);
    }

    /**
     * {@link #kernelPacked12} with six rows, for AVX2's 16 vector registers: 12 accumulators, two
     * B vectors and a broadcast fit, where twelve rows spill.
     * With AVX-512 turned off ({@code -XX:UseAVX=2}) the 1024³ product ran about 50% faster with
     * it than with the 12-row kernel (74 against 48 GFLOP/s on one core), and 20-35% faster than
     * with one kernel for both whose rows 6 to 11 were behind a test of PACKED_MR.
     */
    private static void kernelPacked6(int kc, float[] a, int aOff,
                                     float[] bp, int bOff, float[] c, int cOff, int ldc, boolean loadC) {
        FloatVector z = FloatVector.zero(S);
        int r0 = cOff;
        int r1 = r0 + ldc;
        int r2 = r1 + ldc;
        int r3 = r2 + ldc;
        int r4 = r3 + ldc;
        int r5 = r4 + ldc;
        FloatVector c0_0 = loadC ? FloatVector.fromArray(S, c, r0) : z;
        FloatVector c0_1 = loadC ? FloatVector.fromArray(S, c, r0 + L) : z;
        FloatVector c1_0 = loadC ? FloatVector.fromArray(S, c, r1) : z;
        FloatVector c1_1 = loadC ? FloatVector.fromArray(S, c, r1 + L) : z;
        FloatVector c2_0 = loadC ? FloatVector.fromArray(S, c, r2) : z;
        FloatVector c2_1 = loadC ? FloatVector.fromArray(S, c, r2 + L) : z;
        FloatVector c3_0 = loadC ? FloatVector.fromArray(S, c, r3) : z;
        FloatVector c3_1 = loadC ? FloatVector.fromArray(S, c, r3 + L) : z;
        FloatVector c4_0 = loadC ? FloatVector.fromArray(S, c, r4) : z;
        FloatVector c4_1 = loadC ? FloatVector.fromArray(S, c, r4 + L) : z;
        FloatVector c5_0 = loadC ? FloatVector.fromArray(S, c, r5) : z;
        FloatVector c5_1 = loadC ? FloatVector.fromArray(S, c, r5 + L) : z;
        for (int p = 0; p < kc; p++) {
            int bi = bOff + p * NR;
            int ai = aOff + p * PACKED_MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x0 = FloatVector.broadcast(S, a[ai]);
            c0_0 = x0.fma(b0, c0_0);
            c0_1 = x0.fma(b1, c0_1);
            FloatVector x1 = FloatVector.broadcast(S, a[ai + 1]);
            c1_0 = x1.fma(b0, c1_0);
            c1_1 = x1.fma(b1, c1_1);
            FloatVector x2 = FloatVector.broadcast(S, a[ai + 2]);
            c2_0 = x2.fma(b0, c2_0);
            c2_1 = x2.fma(b1, c2_1);
            FloatVector x3 = FloatVector.broadcast(S, a[ai + 3]);
            c3_0 = x3.fma(b0, c3_0);
            c3_1 = x3.fma(b1, c3_1);
            FloatVector x4 = FloatVector.broadcast(S, a[ai + 4]);
            c4_0 = x4.fma(b0, c4_0);
            c4_1 = x4.fma(b1, c4_1);
            FloatVector x5 = FloatVector.broadcast(S, a[ai + 5]);
            c5_0 = x5.fma(b0, c5_0);
            c5_1 = x5.fma(b1, c5_1);
        }
        c0_0.intoArray(c, r0);
        c0_1.intoArray(c, r0 + L);
        c1_0.intoArray(c, r1);
        c1_1.intoArray(c, r1 + L);
        c2_0.intoArray(c, r2);
        c2_1.intoArray(c, r2 + L);
        c3_0.intoArray(c, r3);
        c3_1.intoArray(c, r3 + L);
        c4_0.intoArray(c, r4);
        c4_1.intoArray(c, r4 + L);
        c5_0.intoArray(c, r5);
        c5_1.intoArray(c, r5 + L);
    }
}
