package kernelwise.models.zoo;

import kernelwise.models.data.FeatureShape;
import org.deeplearning4j.nn.conf.inputs.InputType;

/** What a zoo network is built for: one example's shape and the number of classes. */
record ZooInput(FeatureShape shape, int classes) {
    ZooInput {
        if (classes < 2) throw new IllegalArgumentException("a classifier needs at least 2 classes, found " + classes);
    }

    /** The flattened-image input of a conv net, refusing vectors. */
    InputType image(String model) {
        if (!shape.isImage()) {
            throw new IllegalArgumentException(model + " needs images (CxHxW), found vectors of " + shape.size()
                    + " features; state their shape with shape=CxHxW in the data spec, or use lenet300");
        }
        return InputType.convolutionalFlat(shape.height(), shape.width(), shape.channels());
    }
}
