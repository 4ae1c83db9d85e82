/*
 * The float32 FMA peak of one core: 24 independent chains of vfmadd231ps on zmm (AVX-512) or
 * 12 on ymm (AVX2), in registers, no memory traffic. Enough chains to cover the FMA latency on
 * every x86 core with one or two FMA units, so the loop runs at the issue limit.
 * Prints the best of 5 runs in GFLOP/s. bench/report.py builds and runs it (one copy per core).
 * usage: fma_peak [seconds per run, default 0.2]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

#define Z(r) "vfmadd231ps %%zmm30, %%zmm31, %%zmm" #r "\n"
#define Y(r) "vfmadd231ps %%ymm14, %%ymm15, %%ymm" #r "\n"

#define ZERO(r) "vpxord %%zmm" #r ", %%zmm" #r ", %%zmm" #r "\n"

/*
 * n blocks of 24 zmm FMAs (24 x 16 lanes x 2 flops) or 12 ymm FMAs (12 x 8 x 2). The registers
 * start at zero so that no denormal or NaN can slow an FMA down.
 */
__attribute__((target("avx512f"))) static void zmm_block(long n) {
    __asm__ volatile(
        ZERO(0) ZERO(1) ZERO(2) ZERO(3) ZERO(4) ZERO(5) ZERO(6) ZERO(7) ZERO(8) ZERO(9) ZERO(10) ZERO(11)
        ZERO(12) ZERO(13) ZERO(14) ZERO(15) ZERO(16) ZERO(17) ZERO(18) ZERO(19) ZERO(20) ZERO(21)
        ZERO(22) ZERO(23) ZERO(30) ZERO(31)
        "1:\n"
        Z(0) Z(1) Z(2) Z(3) Z(4) Z(5) Z(6) Z(7) Z(8) Z(9) Z(10) Z(11)
        Z(12) Z(13) Z(14) Z(15) Z(16) Z(17) Z(18) Z(19) Z(20) Z(21) Z(22) Z(23)
        "dec %0\n jnz 1b\n" : "+r"(n) :
        : "cc", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9",
          "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15", "xmm16", "xmm17", "xmm18", "xmm19",
          "xmm20", "xmm21", "xmm22", "xmm23", "xmm30", "xmm31");
}

__attribute__((target("avx2,fma"))) static void ymm_block(long n) {
    __asm__ volatile(
        "vzeroall\n"
        "1:\n"
        Y(0) Y(1) Y(2) Y(3) Y(4) Y(5) Y(6) Y(7) Y(8) Y(9) Y(10) Y(11)
        "dec %0\n jnz 1b\n" : "+r"(n) :
        : "cc", "xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9",
          "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
}

int main(int argc, char **argv) {
    double seconds = argc > 1 ? atof(argv[1]) : 0.2;
    __builtin_cpu_init();
    int avx512 = __builtin_cpu_supports("avx512f");
    if (!avx512 && !__builtin_cpu_supports("fma")) {
        printf("{\"skipped\": \"no FMA instructions\"}\n");
        return 0;
    }
    double flops_per_iter = avx512 ? 24.0 * 16 * 2 : 12.0 * 8 * 2;
    long n = 1000000;
    double best = 0;
    for (int run = 0; run < 5; run++) {
        double start = now();
        if (avx512) zmm_block(n); else ymm_block(n);
        double dt = now() - start;
        double rate = n * flops_per_iter / dt / 1e9;
        if (rate > best) best = rate;
        n = (long) (n * seconds / dt) + 1; /* later runs last about `seconds` */
    }
    printf("{\"isa\": \"%s\", \"gflops\": %.1f}\n", avx512 ? "AVX-512" : "AVX2", best);
    return 0;
}
