/**
 * The data sets of the week-5 notebooks: files packaged with the project (handwritten digits,
 * iris, breast cancer), Fashion-MNIST from the OS package, and seeded generators (blobs, the ReLU
 * lab's target, street scenes, ECG-like traces), as {@link nnlab.data.Dataset}s with Tensor and
 * Tablesaw views. Start at {@link nnlab.data.Datasets}.
 */
package nnlab.data;
