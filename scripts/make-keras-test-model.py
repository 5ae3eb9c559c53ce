#!/usr/bin/python3
"""Writes the Keras test model: a tf.keras 2.x functional MLP (Dense 32 ReLU, BatchNormalization, Dense 3 softmax)
in the HDF5 layout `model.save("m.h5")` writes, trained here with NumPy on the generated tabular set, so that no
TensorFlow is needed. Needs Debian's python3-numpy and python3-h5py.

    ./kernelwise data generate tabular --out /tmp/tab            # 600 rows, seed 1
    /usr/bin/python3 scripts/make-keras-test-model.py /tmp/tab/tabular.csv models/src/test/resources/keras/tabular-mlp.h5

The Keras pitfalls DL4J's import has (1.0.0-M1.1): the file needs `training_config` with a loss, or the last Dense
imports as a plain dense layer; its optimizer config needs `decay` (absent from tf.keras >= 2.11, an NPE in
KerasOptimizerUtils); Keras 3 `.keras` files are not HDF5.
"""
import json
import sys

import h5py
import numpy as np

HIDDEN, CLASSES, NAMES = 32, 3, ["alpha", "beta", "gamma"]


def read(csv):
    rows = [l.strip().split(",") for l in open(csv) if l.strip()][1:]
    x = np.array([[float(v) for v in r[:-1]] for r in rows], dtype=np.float32)
    y = np.array([NAMES.index(r[-1]) for r in rows])
    return x, y


def train(x, y, epochs=300, lr=0.05, seed=1):
    rng = np.random.default_rng(seed)
    w1 = rng.normal(0, np.sqrt(2 / x.shape[1]), (x.shape[1], HIDDEN)).astype(np.float32)
    b1 = np.zeros(HIDDEN, np.float32)
    w2 = rng.normal(0, np.sqrt(1 / HIDDEN), (HIDDEN, CLASSES)).astype(np.float32)
    b2 = np.zeros(CLASSES, np.float32)
    t = np.eye(CLASSES, dtype=np.float32)[y]
    for _ in range(epochs):
        h = np.maximum(0, x @ w1 + b1)
        z = h @ w2 + b2
        p = np.exp(z - z.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        g = (p - t) / len(x)
        gh = (g @ w2.T) * (h > 0)
        w2 -= lr * h.T @ g
        b2 -= lr * g.sum(0)
        w1 -= lr * x.T @ gh
        b1 -= lr * gh.sum(0)
    h = np.maximum(0, x @ w1 + b1)
    acc = ((h @ w2 + b2).argmax(1) == y).mean()
    return w1, b1, w2, b2, h, acc


def dense(name, units, activation, inputs=None):
    c = {"name": name, "trainable": True, "dtype": "float32", "units": units, "activation": activation, "use_bias": True,
         "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": None}},
         "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": None, "bias_regularizer": None,
         "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None}
    if inputs:
        c["batch_input_shape"] = [None, inputs]
    return {"class_name": "Dense", "config": c}


def batch_norm(name):
    return {"class_name": "BatchNormalization", "config": {
        "name": name, "trainable": True, "dtype": "float32", "axis": [1], "momentum": 0.99, "epsilon": 0.001,
        "center": True, "scale": True, "beta_initializer": {"class_name": "Zeros", "config": {}},
        "gamma_initializer": {"class_name": "Ones", "config": {}},
        "moving_mean_initializer": {"class_name": "Zeros", "config": {}},
        "moving_variance_initializer": {"class_name": "Ones", "config": {}},
        "beta_regularizer": None, "gamma_regularizer": None, "beta_constraint": None, "gamma_constraint": None}}


def node(layer, inbound):
    layer["name"] = layer["config"]["name"]
    layer["inbound_nodes"] = [[[inbound, 0, 0, {}]]] if inbound else []
    return layer


def write(path, inputs, layers):
    # A functional model (keras.Model(inputs, outputs)): DL4J M1.1 imports BatchNormalization only with inbound nodes,
    # which Sequential configs do not carry (an NPE in KerasBatchNormalization's constructor).
    model_config = {"class_name": "Functional", "config": {"name": "model", "layers": [
        node({"class_name": "InputLayer", "config": {"batch_input_shape": [None, inputs], "dtype": "float32", "sparse": False,
                                                     "ragged": False, "name": "input_1"}}, None),
        node(dense("dense", HIDDEN, "relu"), "input_1"), node(batch_norm("batch_normalization"), "dense"),
        node(dense("dense_1", CLASSES, "softmax"), "batch_normalization")],
        "input_layers": [["input_1", 0, 0]], "output_layers": [["dense_1", 0, 0]]}}
    training_config = {"loss": "categorical_crossentropy", "metrics": [], "weighted_metrics": None, "loss_weights": None,
                       "optimizer_config": {"class_name": "Adam", "config": {
                           "name": "Adam", "learning_rate": 0.001, "decay": 0.0, "beta_1": 0.9, "beta_2": 0.999,
                           "epsilon": 1e-07, "amsgrad": False}}}
    with h5py.File(path, "w") as f:
        f.attrs["backend"] = "tensorflow"
        f.attrs["keras_version"] = "2.10.0"
        f.attrs["model_config"] = json.dumps(model_config).encode("utf8")
        f.attrs["training_config"] = json.dumps(training_config).encode("utf8")
        g = f.create_group("model_weights")
        g.attrs["backend"] = "tensorflow"
        g.attrs["keras_version"] = "2.10.0"
        layers = [("input_1", [])] + layers
        g.attrs["layer_names"] = np.array([name.encode("utf8") for name, _ in layers])
        for name, weights in layers:
            lg = g.create_group(name)
            lg.attrs["weight_names"] = np.array([f"{name}/{w}:0".encode("utf8") for w, _ in weights])
            for w, value in weights:
                lg.create_dataset(f"{name}/{w}:0", data=value.astype(np.float32))


def main(csv, out):
    x, y = read(csv)
    w1, b1, w2, b2, h, acc = train(x, y)
    mean, var, eps = h.mean(0), h.var(0), 1e-3
    # batch norm set to the identity on the training activations' statistics: the network computes what it trained
    write(out, x.shape[1], [
        ("dense", [("kernel", w1), ("bias", b1)]),
        ("batch_normalization", [("gamma", np.sqrt(var + eps)), ("beta", mean), ("moving_mean", mean), ("moving_variance", var)]),
        ("dense_1", [("kernel", w2), ("bias", b2)])])
    print(f"wrote {out}: training accuracy {acc:.4f} on {len(x)} rows")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
