package nnlab.nn;

/**
 * One trainable array of a layer (a kernel W or a bias b) together with the gradient of the loss
 * with respect to it. Optimizers update {@code value} from {@code grad} in place.
 */
final class Param {
    final String name;
    final int[] shape;
    final float[] value;
    final float[] grad;

    Param(String name, int[] shape) {
        this.name = name;
        this.shape = shape;
        this.value = new float[Tensor.sizeOf(shape)];
        this.grad = new float[value.length];
    }

    Tensor toTensor() {
        return new Tensor(shape.clone(), value.clone());
    }
}
