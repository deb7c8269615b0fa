#!/usr/bin/env python3
"""Writes keras-reference.json: Keras's own values and gradients for `notebook loss` cases.

Not run by CI (CI has no Keras); run it by hand when cases change, and commit the output:

    python3 -m venv /tmp/kenv && /tmp/kenv/bin/pip install keras 'jax[cpu]'
    KERAS_BACKEND=jax JAX_ENABLE_X64=1 /tmp/kenv/bin/python \
        Tests/LossCLITests/Fixtures/generate_keras_reference.py

Keras computes in float64 here (floatx float64) so the reference is exact to about 1e-15.
The gradient is jax.grad of the reduced loss with respect to y_pred (of the sum of the
per-sample losses for reduction "none").
"""
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_ENABLE_X64", "1")
import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import keras  # noqa: E402

keras.config.set_floatx("float64")
keras.config.set_dtype_policy("float64")

class Float64Losses:
    """keras.losses with dtype float64 passed to every constructor."""

    def __getattr__(self, name):
        cls = getattr(keras.losses, name)
        return lambda **kw: cls(dtype="float64", **kw)


Float64Losses = Float64Losses()
CATEGORICAL = {"categorical-crossentropy", "sparse-categorical-crossentropy", "kl-divergence"}

REDUCTIONS = {"mean": "sum_over_batch_size", "sum": "sum", "none": "none"}


def make(name, opts, reduction):
    r = REDUCTIONS[reduction]
    L = Float64Losses
    if name == "mse":
        return L.MeanSquaredError(reduction=r)
    if name == "mae":
        return L.MeanAbsoluteError(reduction=r)
    if name == "huber":
        return L.Huber(delta=opts.get("delta", 1.0), reduction=r)
    if name == "log-cosh":
        return L.LogCosh(reduction=r)
    if name == "binary-crossentropy":
        return L.BinaryCrossentropy(from_logits=opts.get("from_logits", False),
                                    label_smoothing=opts.get("label_smoothing", 0.0), reduction=r)
    if name == "categorical-crossentropy":
        return L.CategoricalCrossentropy(from_logits=opts.get("from_logits", False),
                                         label_smoothing=opts.get("label_smoothing", 0.0), reduction=r)
    if name == "sparse-categorical-crossentropy":
        return L.SparseCategoricalCrossentropy(from_logits=opts.get("from_logits", False), reduction=r)
    if name == "hinge":
        return L.Hinge(reduction=r)
    if name == "squared-hinge":
        return L.SquaredHinge(reduction=r)
    if name == "kl-divergence":
        return L.KLDivergence(reduction=r)
    raise ValueError(name)


def case(name, y_true, y_pred, reduction="mean", sample_weight=None, source="generated", **opts):
    loss = make(name, opts, reduction)
    # `notebook loss` reads a 1-D array as n samples of one element (the convention);
    # Keras reads it as one sample. Give Keras the (n, 1) column so both mean the same thing.
    column = name not in CATEGORICAL and not isinstance(y_pred[0], list)
    keras_true = [[v] for v in y_true] if column else y_true
    keras_pred = [[v] for v in y_pred] if column else y_pred
    yt = jnp.asarray(keras_true, dtype=jnp.int64 if name.startswith("sparse") else jnp.float64)
    sw = None if sample_weight is None else jnp.asarray(sample_weight, dtype=jnp.float64)

    def total(yp):
        value = loss(yt, yp, sample_weight=sw)
        return jnp.sum(value)

    yp = jnp.asarray(keras_pred, dtype=jnp.float64)
    value = loss(yt, yp, sample_weight=sw)
    grad = jax.grad(total)(yp)
    if column:
        grad = grad.reshape(-1)
    return {
        "name": name, "source": source, "y_true": y_true, "y_pred": y_pred, "reduction": reduction,
        "sample_weight": sample_weight, "options": opts,
        "loss": value.tolist(), "gradient": grad.tolist(),
    }


DOC = "keras.io example"
cases = [
    # The examples published in Keras's documentation of each loss class.
    case("mse", [[0., 1.], [0., 0.]], [[1., 1.], [1., 0.]], source=DOC),
    case("mae", [[0., 1.], [0., 0.]], [[1., 1.], [1., 0.]], source=DOC),
    case("huber", [[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]], source=DOC),
    case("log-cosh", [[0., 1.], [0., 0.]], [[1., 1.], [0., 0.]], source=DOC),
    case("binary-crossentropy", [0, 1, 0, 0], [-18.6, 0.51, 2.94, -12.8], from_logits=True, source=DOC),
    case("binary-crossentropy", [[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]], source=DOC),
    case("categorical-crossentropy", [[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]], source=DOC),
    case("sparse-categorical-crossentropy", [1, 2], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]], source=DOC),
    case("hinge", [[0., 1.], [0., 0.]], [[0.6, 0.4], [0.4, 0.6]], source=DOC),
    case("squared-hinge", [[0., 1.], [0., 0.]], [[0.6, 0.4], [0.4, 0.6]], source=DOC),
    case("kl-divergence", [[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]], source=DOC),
    # Reductions, sample weights and options.
    case("mse", [[0., 1.], [0., 0.]], [[1., 1.], [1., 0.]], sample_weight=[0.7, 0.3], source=DOC),
    case("mse", [1.5, -2.0, 3.25], [1.0, 0.5, 2.0], reduction="sum"),
    case("mae", [[1.5, -2.0], [3.25, 4.0]], [[1.0, 0.5], [2.0, 4.5]], reduction="none"),
    case("huber", [0.0, 1.0, -3.0, 2.0], [0.2, 3.5, 1.0, 2.1], delta=1.5, sample_weight=[1, 2, 0.5, 0]),
    case("huber", [[0.0, 1.0], [-3.0, 2.0]], [[0.2, 3.5], [1.0, 2.1]], delta=0.5, reduction="none"),
    case("log-cosh", [0.0, 10.0, -3.0], [300.0, -400.0, 1.0], reduction="sum"),
    case("binary-crossentropy", [[1, 0, 1], [0, 0, 1]], [[0.9, 0.2, 0.6], [0.3, 0.05, 0.99]],
         label_smoothing=0.1),
    case("binary-crossentropy", [1, 0, 1, 0], [1e4, -1e4, -1e4, 1e4], from_logits=True, reduction="none"),
    case("binary-crossentropy", [1, 0, 1, 0], [1.0, 0.0, 0.0, 1.0], reduction="none"),
    case("binary-crossentropy", [[1, 0], [0, 1]], [[2.0, -1.0], [0.5, 3.0]], from_logits=True,
         label_smoothing=0.2, sample_weight=[2.0, 0.5]),
    case("categorical-crossentropy", [[0, 1, 0], [1, 0, 0]], [[2.0, 5.0, -1.0], [0.5, 0.1, 3.0]],
         from_logits=True),
    case("categorical-crossentropy", [[0, 1, 0], [1, 0, 0]], [[1e4, -1e4, 0.0], [-1e4, 0.0, 1e4]],
         from_logits=True, reduction="none"),
    case("categorical-crossentropy", [[0, 1, 0], [1, 0, 0]], [[0.2, 0.5, 0.3], [0.6, 0.1, 0.3]],
         label_smoothing=0.1, reduction="sum"),
    case("categorical-crossentropy", [[0, 1, 0], [1, 0, 0]], [[0.4, 1.0, 0.6], [1.2, 0.2, 0.6]],
         sample_weight=[1.0, 3.0]),
    case("sparse-categorical-crossentropy", [0, 2, 1], [[2.0, 1.0, 0.1], [0.5, 2.5, 0.3], [0.0, 0.0, 4.0]],
         from_logits=True, reduction="none"),
    case("hinge", [[-1, 1], [1, -1]], [[0.3, -2.0], [1.5, 0.2]], reduction="sum"),
    case("squared-hinge", [-1, 1, 1, -1], [0.3, -2.0, 1.5, 0.2], sample_weight=[1, 1, 2, 2]),
    case("kl-divergence", [[0.2, 0.3, 0.5], [0.6, 0.3, 0.1]], [[0.1, 0.6, 0.3], [0.3, 0.3, 0.4]],
         reduction="none"),
]

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "keras-reference.json")
with open(out, "w") as f:
    json.dump({"keras": keras.__version__, "jax": jax.__version__, "cases": cases}, f, indent=1)
    f.write("\n")
print(f"wrote {len(cases)} cases to {out}", file=sys.stderr)
