/**
 * The compression environment. {@link kernelwise.env.CompressionEnv} implements
 * {@link kernelwise.env.HierarchicalEnv} from small parts ({@link kernelwise.env.EnvParts}): a hardware model
 * ({@code .hardware}), an action mapper ({@code .action}), an observation builder ({@code .obs}), a budget projector
 * ({@code .budget}) and a reward ({@code .reward}), configured by {@link kernelwise.env.EnvConfig}; plans are scored
 * on a {@link kernelwise.env.ScorerPool}.
 */
package kernelwise.env;
