/**
 * Random numbers bit-compatible with PyTorch 1.13.1's CPU default generator
 * (pytorch-semantics.md §13, §16), on primitive arrays.
 *
 * <ul>
 *   <li>{@link dev.ember.random.Generator}: MT19937 with torch's seeding, {@code random32/random64},
 *       the scalar normal cache, and {@code get_rng_state}-compatible state bytes.</li>
 *   <li>{@link dev.ember.random.RandomKernels}: {@code uniform_}/{@code rand}, {@code randint}/
 *       {@code random_(from, to)}, {@code bernoulli_(p)}, RReLU training noise.</li>
 *   <li>{@link dev.ember.random.NormalKernels}: {@code normal_}/{@code randn} with torch's three paths.</li>
 *   <li>{@link dev.ember.random.LinearInit}: the {@code nn.Linear} init bounds and draw order.</li>
 * </ul>
 *
 * <p>Order of elements: the serial fills (uniform, randint, bernoulli, the scalar normal path)
 * visit a tensor in memory order, so a caller passes a contiguous or dense-permuted tensor as a
 * storage range and any other tensor as storage offsets sorted by address. RReLU is the
 * exception: torch runs it on {@code input.contiguous()}, so it sees logical (row-major) order.
 * Whether a normal fill takes a block path depends on {@code is_contiguous()} (a transposed
 * tensor is dense but not contiguous, and takes the scalar path).
 *
 * <p>Exactness: all float32 results and all integer results are bit-exact. Float64
 * {@code normal_} results depend on libm's {@code log/sin/cos}: Ember reproduces glibc 2.36's
 * (x86-64, FMA variants) in pure Java, so they are bit-exact with torch there too (with
 * {@link java.lang.Math} about 0.1% of them would differ in the last bit; see {@code Libm}).
 */
package dev.ember.random;
