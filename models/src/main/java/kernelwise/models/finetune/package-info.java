/**
 * Training methods from the literature that train a float network into a
 * {@link kernelwise.models.plan.CompressionPlan}: {@link kernelwise.models.finetune.AdmmMethod} (ADMM, joint
 * pruning and quantization), {@link kernelwise.models.finetune.SlrMethod} (surrogate Lagrangian relaxation),
 * {@link kernelwise.models.finetune.AutoPruneMethod} (trainable auxiliary gates),
 * {@link kernelwise.models.finetune.BinaryPruneMethod} (latent-weight pruning of binary kernels with a per-layer
 * sensitivity analysis), and the baseline {@link kernelwise.models.finetune.ProjectThenRetrainMethod}; all are
 * {@link kernelwise.models.finetune.FinetuneMethod}s, created by name through
 * {@link kernelwise.models.finetune.FinetuneMethods}.
 * <p>
 * They share: the projection onto a plan ({@link kernelwise.models.compress.KernelProjection}), a minibatch loop that exposes the gradient before the updater ({@link kernelwise.models.finetune.HookedTrainer}),
 * straight-through training of latent weights ({@code LatentForward}), the final masked quantization-aware
 * retraining ({@link kernelwise.models.finetune.MaskedRetrain}) and optional distillation
 * ({@link kernelwise.models.finetune.DistillationLoss}). Weights pass through the methods only as ND4J arrays in
 * {@code [kernels, fanIn]} views ({@link kernelwise.models.finetune.PlanLayer}).
 */
package kernelwise.models.finetune;
