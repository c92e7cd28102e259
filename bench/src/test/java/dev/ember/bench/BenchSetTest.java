package dev.ember.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark set is the issue's, and its work counts (which the throughput column divides by) are right. */
class BenchSetTest {

    @Test
    void everyOpHasAUniqueIdAndPositiveWork() {
        for (BenchOp op : BenchOp.all()) {
            assertThat(BenchOp.of(op.id())).isSameAs(op);
            assertThat(op.work(false)).as(op.id()).isPositive();
            assertThat(op.work(true)).as(op.id()).isGreaterThan(op.work(false));
        }
    }

    @Test
    void linearWorkIsTwoMknFlopsPerProduct() {
        BenchOp big = BenchOp.all().stream().filter(o -> o.kind == BenchOp.Kind.LINEAR && o.shape[0] == 4096)
                .findFirst().orElseThrow();
        double mkn = 4096.0 * 4096 * 4096;
        assertThat(big.work(false)).isEqualTo(2 * mkn);
        assertThat(big.work(true)).isEqualTo(6 * mkn);
    }

    @Test
    void theFmaCeilingLoopRunsEveryChainItCounts() {
        // 12 chains c_j ← fma(c_j, 0.999999, 1e-7) from seed + j, in every lane, summed: a loop that skipped
        // chains or iterations would do fewer flops than fmaFlops counts
        int iters = 1000;
        double expected = 0;
        for (int j = 0; j < Baselines.FMA_CHAINS; j++) {
            float c = 1f + j;
            for (int i = 0; i < iters; i++) c = Math.fma(c, 0.999999f, 1e-7f);
            expected += c;
        }
        expected *= Baselines.S.length();
        assertThat((double) Baselines.fmaLoop(iters, 1f)).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-3));
        assertThat(Baselines.fmaFlops(2)).isEqualTo(2 * Baselines.fmaFlops(1));
    }
}
