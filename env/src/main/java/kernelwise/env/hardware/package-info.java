/**
 * Hardware cost models behind {@link kernelwise.env.hardware.HardwareModel}: {@code bitfusion} (spatial, fused 2-bit
 * bricks), {@code bismo} (bit-serial), {@code size} (packed storage), {@code bops} (bit-operations) and {@code table}
 * (the user's measured CSV). Parameters are records read from JSON (defaults in
 * {@code /kernelwise/hardware/*.json}, to copy and edit). Which models skip pruned weights: {@code size} and
 * {@code bops} count only kept weights; {@code bitfusion}, {@code bismo} and {@code table} skip removed kernels only
 * (dense arrays), though the roofline models move packed (pruned) weights from DRAM.
 */
package kernelwise.env.hardware;
