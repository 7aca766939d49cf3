#!/usr/bin/python3
"""Writes the small Keras HDF5 fixtures of the import tests, without TensorFlow.

The files have the layout Keras 2.4's model.save(...) writes (a model_config JSON attribute,
weights under model_weights/<top-level layer>/<layer>/<name>:0), with a Teachable Machine-like
nesting: a Sequential holding a Sequential (a functional backbone, then global pooling) and a
Sequential head. numpy computes the reference outputs for a few inputs, so the test checks the
import against an independent forward pass.

Run with Debian's python3-h5py and python3-numpy:
    /usr/bin/python3 scripts/make_keras_fixture.py src/test/resources/keras
"""
import json
import sys

import h5py
import numpy as np

SIZE = 16
rng = np.random.default_rng(20261127)


GLOROT = {"class_name": "GlorotUniform", "config": {"seed": None}}
ZEROS = {"class_name": "Zeros", "config": {}}
ONES = {"class_name": "Ones", "config": {}}
# the fields Keras 2.4 writes for every weighted layer (DL4J's importer reads them)
DENSE_FIELDS = {"kernel_initializer": GLOROT, "bias_initializer": ZEROS,
                "kernel_regularizer": None, "bias_regularizer": None,
                "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None}
DEPTHWISE_FIELDS = {"depthwise_initializer": GLOROT, "bias_initializer": ZEROS,
                    "depthwise_regularizer": None, "bias_regularizer": None,
                    "activity_regularizer": None, "depthwise_constraint": None,
                    "bias_constraint": None}
BN_FIELDS = {"beta_initializer": ZEROS, "gamma_initializer": ONES,
             "moving_mean_initializer": ZEROS, "moving_variance_initializer": ONES,
             "beta_regularizer": None, "gamma_regularizer": None, "beta_constraint": None,
             "gamma_constraint": None}


def conv_cfg(name, filters, kernel, bias):
    return {"class_name": "Conv2D", "config": {**DENSE_FIELDS,
        "name": name, "trainable": True, "dtype": "float32", "filters": filters,
        "kernel_size": [kernel, kernel], "strides": [1, 1], "padding": "same",
        "data_format": "channels_last", "dilation_rate": [1, 1], "groups": 1,
        "activation": "linear", "use_bias": bias}}


def node(layer, *inputs):
    layer = dict(layer)
    layer["name"] = layer["config"]["name"]
    layer["inbound_nodes"] = [[[i, 0, 0, {}] for i in inputs]] if inputs else []
    return layer


def input_layer(name):
    return {"class_name": "InputLayer", "config": {
        "batch_input_shape": [None, SIZE, SIZE, 3], "dtype": "float32", "sparse": False,
        "ragged": False, "name": name}}


def model_config(extra_layer=None):
    backbone_layers = [
        node(input_layer("input_1")),
        node(conv_cfg("c1", 4, 3, True), "input_1"),
        node({"class_name": "BatchNormalization", "config": {**BN_FIELDS,
            "name": "bn1", "trainable": True, "dtype": "float32", "axis": [3],
            "momentum": 0.99, "epsilon": 0.001, "center": True, "scale": True}}, "c1"),
        node({"class_name": "ReLU", "config": {
            "name": "r1", "trainable": True, "dtype": "float32", "max_value": 6.0,
            "negative_slope": 0.0, "threshold": 0.0}}, "bn1"),
        node(conv_cfg("c2", 4, 1, False), "r1"),
        node({"class_name": "Add", "config": {"name": "add1", "trainable": True,
                                              "dtype": "float32"}}, "r1", "c2"),
        node({"class_name": "DepthwiseConv2D", "config": {**DEPTHWISE_FIELDS,
            "name": "dw", "trainable": True, "dtype": "float32", "kernel_size": [3, 3],
            "strides": [1, 1], "padding": "same", "data_format": "channels_last",
            "dilation_rate": [1, 1], "activation": "linear", "use_bias": False,
            "depth_multiplier": 1}}, "add1"),
    ]
    output = "dw"
    if extra_layer is not None:
        backbone_layers.append(node(extra_layer, "dw"))
        output = extra_layer["config"]["name"]
    backbone = {"class_name": "Functional", "config": {
        "name": "backbone", "layers": backbone_layers,
        "input_layers": [["input_1", 0, 0]], "output_layers": [[output, 0, 0]]}}
    features = {"class_name": "Sequential", "config": {"name": "features", "layers": [
        input_layer("backbone_input"), backbone,
        {"class_name": "GlobalAveragePooling2D", "config": {
            "name": "gap", "trainable": True, "dtype": "float32",
            "data_format": "channels_last"}}]}}
    head = {"class_name": "Sequential", "config": {"name": "head", "layers": [
        {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 4],
                                                "dtype": "float32", "name": "d1_input"}},
        {"class_name": "Dense", "config": {**DENSE_FIELDS, "name": "d1", "trainable": True,
                                           "batch_input_shape": [None, 4], "units": 8,
                                           "activation": "relu", "use_bias": True}},
        {"class_name": "Dense", "config": {**DENSE_FIELDS, "name": "d2", "trainable": True, "units": 3,
                                           "activation": "softmax", "use_bias": True}}]}}
    return {"class_name": "Sequential", "config": {"name": "outer", "layers": [
        input_layer("features_input"), features, head]}}


def weights():
    w = {
        "features": {
            "c1": {"kernel:0": rng.normal(0, 0.5, (3, 3, 3, 4)), "bias:0": rng.normal(0, 0.1, 4)},
            "bn1": {"gamma:0": rng.uniform(0.5, 1.5, 4), "beta:0": rng.normal(0, 0.2, 4),
                    "moving_mean:0": rng.normal(0, 0.3, 4),
                    "moving_variance:0": rng.uniform(0.5, 2.0, 4)},
            "c2": {"kernel:0": rng.normal(0, 0.5, (1, 1, 4, 4))},
            "dw": {"depthwise_kernel:0": rng.normal(0, 0.4, (3, 3, 4, 1))},
        },
        "head": {
            "d1": {"kernel:0": rng.normal(0, 0.8, (4, 8)), "bias:0": rng.normal(0, 0.1, 8)},
            "d2": {"kernel:0": rng.normal(0, 0.8, (8, 3)), "bias:0": rng.normal(0, 0.1, 3)},
        },
    }
    return {g: {l: {n: np.asarray(v, np.float32) for n, v in p.items()} for l, p in ls.items()}
            for g, ls in w.items()}


def conv_same(x, kernel):
    """x: HxWxC, kernel: kh x kw x C x F, stride 1, zero 'same' padding."""
    kh, kw = kernel.shape[:2]
    p = np.pad(x, ((kh // 2, kh // 2), (kw // 2, kw // 2), (0, 0)))
    out = np.zeros(x.shape[:2] + (kernel.shape[3],), np.float64)
    for i in range(kh):
        for j in range(kw):
            out += p[i:i + x.shape[0], j:j + x.shape[1], :] @ kernel[i, j]
    return out


def depthwise_same(x, kernel):
    kh, kw = kernel.shape[:2]
    p = np.pad(x, ((kh // 2, kh // 2), (kw // 2, kw // 2), (0, 0)))
    out = np.zeros_like(x, dtype=np.float64)
    for i in range(kh):
        for j in range(kw):
            out += p[i:i + x.shape[0], j:j + x.shape[1], :] * kernel[i, j, :, 0]
    return out


def forward(x, w):
    f, h = w["features"], w["head"]
    y = conv_same(x, f["c1"]["kernel:0"]) + f["c1"]["bias:0"]
    bn = f["bn1"]
    y = bn["gamma:0"] * (y - bn["moving_mean:0"]) / np.sqrt(bn["moving_variance:0"] + 1e-3) \
        + bn["beta:0"]
    r = np.clip(y, 0, 6)
    y = r + conv_same(r, f["c2"]["kernel:0"])
    y = depthwise_same(y, f["dw"]["depthwise_kernel:0"])
    y = y.mean(axis=(0, 1))
    y = np.maximum(y @ h["d1"]["kernel:0"] + h["d1"]["bias:0"], 0)
    z = y @ h["d2"]["kernel:0"] + h["d2"]["bias:0"]
    e = np.exp(z - z.max())
    return e / e.sum()


def write(path, config, w):
    with h5py.File(path, "w") as f:
        f.attrs["keras_version"] = np.bytes_("2.4.0")
        f.attrs["backend"] = np.bytes_("tensorflow")
        f.attrs["model_config"] = np.bytes_(json.dumps(config))
        mw = f.create_group("model_weights")
        mw.attrs["layer_names"] = np.array([g.encode() for g in w], dtype="S")
        for group, layers in w.items():
            g = mw.create_group(group)
            names = [f"{l}/{n}".encode() for l, p in layers.items() for n in p]
            g.attrs["weight_names"] = np.array(names, dtype="S")
            for layer, params in layers.items():
                for name, value in params.items():
                    g.create_dataset(f"{layer}/{name}", data=value)


def main(out):
    w = weights()
    write(f"{out}/nested.h5", model_config(), w)
    lam = {"class_name": "Lambda", "config": {
        "name": "evil", "function": ["4wEAAAAAAAAAAAAAAAEAAAACAAAAQwAAAHMEAAAAfABTACkBTqkAKQHaAXhyAQAAAHIBAAAA",
                                     None, None], "function_type": "lambda"}}
    write(f"{out}/lambda.h5", model_config(lam), w)
    images = rng.uniform(0, 1, (3, SIZE, SIZE, 3))
    expected = {
        "classes": ["A", "B", "C"],
        "preprocess": "unit",
        # pixels as the workbench holds them: [image][channel][row][column] on [0,1]
        "pixels": [img.transpose(2, 0, 1).reshape(-1).round(6).tolist() for img in images],
        "probabilities": [forward(img.round(6), w).tolist() for img in images],
    }
    with open(f"{out}/nested-expected.json", "w") as f:
        json.dump(expected, f)


if __name__ == "__main__":
    main(sys.argv[1])
