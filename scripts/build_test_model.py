#!/usr/bin/env python3
"""Build a small, real Argos Translate package offline, with constructed weights.

    python scripts/build_test_model.py OUT.argosmodel [--from en --to fr]
        [--layers 1 --d-model 64 --heads 2 --ffn 64] [--corpus FILE --vocab-size N]

The package is what ``argospm`` installs: one top-level folder holding
``metadata.json``, ``sentencepiece.model``, ``model/`` (CTranslate2) and
``minisbd/<from>.onnx``. No download and no torch:

* SentencePiece is trained in-process on a few built-in lines (or ``--corpus``).
* The CTranslate2 Transformer is declared with ``ctranslate2.specs.TransformerSpec``
  and its weights are built with numpy so that it copies its input piece by piece,
  swapping a few words (``hello`` -> ``bonjour``, ``world`` -> ``monde`` ...):
  the encoder is the identity (its sublayers output zero) and leaves a sinusoidal
  position code in a "position block" of every state; the last decoder layer's
  cross-attention compares the decoder step's position code with the source
  position codes (a sharp step t -> source position t attention) and reads the
  source piece's vector from a "token block"; the output projection scores every
  target piece against the vector of the source piece it is the swap of.
  Every other sublayer outputs zero, so deeper or wider models (``--layers 6
  --d-model 512``) cost what a real model of that size costs and translate the same.
* ``minisbd/<from>.onnx`` is a rule-based sentence splitter in MiniSBD's format
  (an ONNX graph written here with a minimal protobuf encoder; no ``onnx`` package
  needed): a sentence ends at ``.``, ``!`` or ``?`` followed by a space. Without a
  packaged splitter, Argos downloads one on first use.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

# Word pairs swapped by the model (both ways); each becomes one SentencePiece piece.
SWAPS: tuple[tuple[str, str], ...] = (
    ("hello", "bonjour"),
    ("world", "monde"),
    ("house", "maison"),
    ("cat", "chat"),
    ("dog", "chien"),
    ("red", "rouge"),
)

TRAINING_LINES: tuple[str, ...] = (
    "Hello world, this is a small test of the translation model.",
    "The president said on Monday that the government would present a new plan.",
    "A spokesman for the ministry declined to comment on the report.",
    "Prices rose by 3.5 per cent in the year to March, the statistics office said.",
    "The red house at the end of the street belongs to my neighbour.",
    "My cat and my dog sleep in the house when it rains.",
    "Officials in Washington and Moscow agreed to return their ambassadors.",
    "The talks ended without a breakthrough, but both sides called them constructive.",
    "Police arrested two men after the attack, according to local media.",
    "\"We will find out shortly,\" he told reporters at a press conference.",
    "Investors were worried about inflation, interest rates and the economy.",
    "The company reported a profit of $1.2 billion for the second quarter.",
    "Children, parents and teachers gathered outside the school on Friday morning.",
    "Elections will be held in November; the opposition has not named a candidate.",
    "Scientists have found evidence of water on a distant planet.",
    "The match was postponed because of heavy rain and strong winds.",
    "Bonjour le monde, la maison rouge, le chat et le chien.",
    "Mr Biden and Mr Putin met in Geneva for about four hours.",
    "Is this the end? No! It is only the beginning.",
    "Numbers like 1, 2, 3, 10, 100, 2021 and 16 June appear in the news every day.",
    # every printable ASCII character and common typography, so real text has few unknown pieces
    "".join(chr(c) for c in range(33, 127)),
    "é è ê ë à â ä ç ô ö û ù ü î ï ñ ß É À Ç œ æ ’ ‘ “ ” « » – — … € £ ° ¿ ¡",
)

# Frequent English words, so that news text is not cut into single letters.
COMMON_WORDS: tuple[str, ...] = (
    "the of and to a in is it you that he was",
    "for on are with as his they be at one have this",
    "from or had by not word but what some we can out",
    "other were all there when up use your how said an each",
    "she which do their time if will way about many then them",
    "write would like so these her long make thing see him two",
    "has look more day could go come did number sound no most",
    "people my over know water than call first who may down side",
    "been now find any new work part take get place made live",
    "where after back little only round man year came show every good",
    "me give our under name very through just form sentence great think",
    "say help low line differ turn cause much mean before move right",
    "boy old too same tell does set three want air well also",
    "play small end put home read hand port large spell add even",
    "land here must big high such follow act why ask men change",
    "went light kind off need house picture try us again animal point",
    "mother world near build self earth father head stand own page should",
    "country found answer school grow study still learn plant cover food sun",
    "four between state keep eye never last let thought city tree cross",
    "farm hard start might story saw far sea draw left late run",
    "while press close night real life few north government president minister police",
    "officials week month report percent company market million billion economy election party",
    "leaders security talks summit meeting attack military health public court law support",
    "called group international national",
    # and more, some capitalised
    "According against already Although american another Because before being Between british business",
    "Campaign century children Community conference council Country decision development Different during economic",
    "Education european evidence Example experience federal Financial following foreign Former general global",
    "However important including Increase industry information Interest investment just Letter likely local",
    "Major member million Minister money months National nearly never Official others political",
    "Possible power private Problem program project Question recent religious Research result right",
    "Service since social Society something spokesman Statement support system Technology through tuesday",
    "Wednesday thursday friday Saturday sunday monday United university until Washington without women",
    "Worker would years Yesterday while where Whether which who Whose within become",
    "Became",
)

POSITIONS = 4096  # learned position table rows; CTranslate2 cannot go past them
FREQS = 8  # sinusoids in the position code, 4 dims each: [cos, sin, -cos, -sin]
ATTENTION_MARGIN = 120.0  # logit gap to any other source position: exp() of the rest underflows to 0, not to slow denormals
LOGIT_MARGIN = 110.0  # logit gap to any other piece: again, exp() underflows to 0, not to denormals


# --------------------------------------------------------------------------- SentencePiece

def train_sentencepiece(lines: Iterable[str], vocab_size: int) -> bytes:
    import sentencepiece as spm

    model = io.BytesIO()
    user_symbols = [f"\u2581{w}" for pair in SWAPS for w in pair]
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(list(lines)), model_writer=model, vocab_size=vocab_size,
        model_type="unigram", character_coverage=1.0, hard_vocab_limit=False,
        user_defined_symbols=user_symbols, num_threads=1, minloglevel=2,
    )
    return model.getvalue()


# --------------------------------------------------------------------------- CTranslate2

def position_codes(n: int) -> np.ndarray:
    """Rows of unit-mean-free sinusoid codes; code(t).code(s) = 2*sum cos(w (t-s))."""
    periods = np.geomspace(2.0, 5000.0, FREQS)
    w = 2 * np.pi / periods
    ang = np.outer(np.arange(n), w)
    c, s = np.cos(ang), np.sin(ang)
    code = np.concatenate([c, s, -c, -s], axis=1)
    code[np.abs(code) < 1e-6] = 0.0  # sin(pi t) is 1e-16-ish: products of such reach denormals, slow on CPUs
    return code.astype(np.float32)


def position_margin(n: int) -> float:
    periods = np.geomspace(2.0, 5000.0, FREQS)
    w = 2 * np.pi / periods
    d = np.arange(1, n)
    return float(2 * (FREQS - np.cos(np.outer(d, w)).sum(1).max()))


def token_vectors(n: int, dim: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    e = rng.standard_normal((n, dim))
    e /= np.linalg.norm(e, axis=1, keepdims=True)
    return e


def build_spec(vocab: Sequence[str], *, layers: int, d_model: int, heads: int, ffn: int,
               seed: int = 1234):  # type: ignore[no-untyped-def]
    from ctranslate2.specs import transformer_spec

    hd = d_model // heads
    pos_dims = 4 * FREQS
    if d_model % heads or hd < pos_dims or d_model - pos_dims < 8:
        raise SystemExit(f"d_model {d_model} with {heads} heads leaves too little room "
                         f"(each head needs >= {pos_dims} dims)")
    tok_dims = d_model - pos_dims
    v = len(vocab)
    index = {p: i for i, p in enumerate(vocab)}
    swap = list(range(v))
    for a, b in SWAPS:
        ia, ib = index.get(f"\u2581{a}"), index.get(f"\u2581{b}")
        if ia is not None and ib is not None:
            swap[ia], swap[ib] = ib, ia

    e = token_vectors(v, tok_dims, seed)
    worst = -1.0
    for i in range(0, v, 1024):  # largest cosine between two different pieces, in blocks
        block = e[i:i + 1024] @ e.T
        block[np.arange(block.shape[0]), np.arange(i, i + block.shape[0])] = -1.0
        worst = max(worst, float(block.max()))
    if worst > 0.98:
        raise SystemExit(f"token vectors too close ({worst:.3f}); raise --d-model")
    alpha = LOGIT_MARGIN / (1.0 - worst)
    f32 = np.float32

    spec = transformer_spec.TransformerSpec.from_config(
        (layers, layers), heads, pre_norm=True, no_final_norm=True)
    spec.config.add_source_eos = True
    spec.register_source_vocabulary(list(vocab))
    spec.register_target_vocabulary(list(vocab))

    pos = np.zeros((POSITIONS, d_model), dtype=f32)
    pos[:, :pos_dims] = position_codes(POSITIONS)

    def norm(ln) -> None:  # type: ignore[no-untyped-def]
        ln.gamma = np.ones(d_model, dtype=f32)
        ln.beta = np.zeros(d_model, dtype=f32)

    def linear(lin, out_dim: int, in_dim: int, w: np.ndarray | None = None) -> None:  # type: ignore[no-untyped-def]
        lin.weight = (np.zeros((out_dim, in_dim), dtype=f32) if w is None else w.astype(f32))
        lin.bias = np.zeros(out_dim, dtype=f32)

    def silent_ffn(ffn_spec) -> None:  # type: ignore[no-untyped-def]
        # linear_1 is zero, so the FFN adds nothing yet costs its full compute
        norm(ffn_spec.layer_norm)
        rng = np.random.default_rng(seed + 1)
        linear(ffn_spec.linear_0, ffn, d_model, rng.standard_normal((ffn, d_model)) * 0.05)
        linear(ffn_spec.linear_1, d_model, ffn)

    def silent_self_attention(att) -> None:  # type: ignore[no-untyped-def]
        norm(att.layer_norm)
        linear(att.linear[0], 3 * d_model, d_model)
        linear(att.linear[1], d_model, d_model)

    # Encoder: identity. Memory(s) = [position code(s) | token vector(src piece at s)].
    enc = spec.encoder
    enc.scale_embeddings = False
    emb = np.zeros((v, d_model), dtype=f32)
    emb[:, pos_dims:] = e
    enc.embeddings[0].weight = emb
    enc.position_encodings.encodings = pos
    for layer in enc.layer:
        silent_self_attention(layer.self_attention)
        silent_ffn(layer.ffn)

    # Decoder: the input piece is ignored (zero embeddings); only the step's position counts.
    dec = spec.decoder
    dec.scale_embeddings = False
    dec.embeddings.weight = np.zeros((v, d_model), dtype=f32)
    dec.position_encodings.encodings = pos
    # LayerNorm divides the decoder state (a position code of fixed norm) by this.
    sigma = float(np.sqrt(2.0 * FREQS / d_model + 1e-5))
    q_scale = ATTENTION_MARGIN * sigma * np.sqrt(hd) / position_margin(POSITIONS)
    for i, layer in enumerate(dec.layer):
        silent_self_attention(layer.self_attention)
        silent_ffn(layer.ffn)
        att = layer.attention
        norm(att.layer_norm)
        if i < len(dec.layer) - 1:
            linear(att.linear[0], d_model, d_model)
            linear(att.linear[1], 2 * d_model, d_model)
            linear(att.linear[2], d_model, d_model)
            continue
        wq = np.zeros((d_model, d_model))
        wk = np.zeros((d_model, d_model))
        for h in range(heads):  # every head attends by position
            for j in range(pos_dims):
                wq[h * hd + j, j] = q_scale
                wk[h * hd + j, j] = 1.0
        # Values: token block (memory dims pos_dims..) -> value dims 0..tok_dims, spread over
        # the heads; all heads attend alike, so the concatenation is the source piece vector.
        wv = np.zeros((d_model, d_model))
        wo = np.zeros((d_model, d_model))
        for j in range(tok_dims):
            wv[j, pos_dims + j] = 1.0
            wo[pos_dims + j, j] = 1.0
        linear(att.linear[0], d_model, d_model, wq)
        linear(att.linear[1], 2 * d_model, d_model, np.concatenate([wk, wv], axis=0))
        linear(att.linear[2], d_model, d_model, wo)

    proj = np.zeros((v, d_model), dtype=f32)
    proj[:, pos_dims:] = alpha * e[swap]  # target piece j scores the source piece it swaps with
    dec.projection.weight = proj
    dec.projection.bias = np.zeros(v, dtype=f32)
    return spec


def save_ct2_model(vocab: Sequence[str], out_dir: Path, **dims: int) -> None:
    from ctranslate2.converters.converter import Converter

    class _Constructed(Converter):
        """A converter whose 'source' is the spec built above."""

        def _load(self):  # type: ignore[no-untyped-def]
            return build_spec(vocab, **dims)

    _Constructed().convert(str(out_dir), force=True)


# --------------------------------------------------------------------------- MiniSBD ONNX

def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def _key(field: int, wire: int) -> bytes:
    return _varint(field << 3 | wire)


def _bytes(field: int, data: bytes | str) -> bytes:
    raw = data.encode() if isinstance(data, str) else data
    return _key(field, 2) + _varint(len(raw)) + raw


def _int(field: int, n: int) -> bytes:
    return _key(field, 0) + _varint(n & 0xFFFFFFFFFFFFFFFF)


def _tensor(name: str, arr: np.ndarray) -> bytes:
    dtype = {np.dtype(np.float32): 1, np.dtype(np.int64): 7}[arr.dtype]
    body = b"".join(_int(1, d) for d in arr.shape) + _int(2, dtype) + _bytes(8, name)
    return body + _bytes(9, np.ascontiguousarray(arr).tobytes())


def _value_info(name: str, elem: int, dims: Sequence[int | str]) -> bytes:
    shape = b"".join(_bytes(1, _int(1, d) if isinstance(d, int) else _bytes(2, d)) for d in dims)
    tensor_type = _int(1, elem) + _bytes(2, shape)
    return _bytes(1, name) + _bytes(2, _bytes(1, tensor_type))


def _node(op: str, inputs: Sequence[str], outputs: Sequence[str], name: str,
          attrs: bytes = b"") -> bytes:
    return (b"".join(_bytes(1, i) for i in inputs) + b"".join(_bytes(2, o) for o in outputs)
            + _bytes(3, name) + _bytes(4, op) + attrs)


def _int_attr(name: str, value: int) -> bytes:
    return _bytes(5, _bytes(1, name) + _int(3, value) + _int(20, 2))


def minisbd_onnx(lang: str) -> bytes:
    """A MiniSBD model: label 2 (sentence end) on [.!?] followed by a space, else 0."""
    units = ["<PAD>", "<UNK>", " ", ".", "!", "?"]
    n_cls = 5
    cur = np.zeros((len(units), n_cls), dtype=np.float32)
    cur[:, 0] = 1.5
    nxt = np.zeros((len(units), n_cls), dtype=np.float32)
    for u in ".!?":
        cur[units.index(u), 2] = 1.0
    nxt[units.index(" "), 2] = 1.0
    inits = [
        _tensor("cur_table", cur), _tensor("next_table", nxt),
        _tensor("one", np.array([1], dtype=np.int64)), _tensor("big", np.array([1 << 62], dtype=np.int64)),
        _tensor("pads", np.array([0, 0, 0, 0, 1, 0], dtype=np.int64)),
    ]
    nodes = [
        _node("Gather", ["cur_table", "units"], ["cur"], "g0", _int_attr("axis", 0)),
        _node("Gather", ["next_table", "units"], ["nxt"], "g1", _int_attr("axis", 0)),
        _node("Slice", ["nxt", "one", "big", "one"], ["nxt_shift"], "s0"),
        _node("Pad", ["nxt_shift", "pads"], ["nxt_pad"], "p0"),
        _node("Add", ["cur", "nxt_pad"], ["logits"], "a0"),
    ]
    graph = (b"".join(_bytes(1, n) for n in nodes) + _bytes(2, "minisbd_rules")
             + b"".join(_bytes(5, t) for t in inits)
             + _bytes(11, _value_info("units", 7, ["batch", "length"]))
             + _bytes(11, _value_info("features", 1, ["batch", "length", "feats"]))
             + _bytes(12, _value_info("logits", 1, ["batch", "length", n_cls])))
    config = {"skip_newline": False, "max_seqlen": 1000, "no_ssplit": False, "batch_size": 32,
              "feat_funcs": ["space_before"], "use_dictionary": False, "num_dict_feat": 0}
    vocab = {"lang": lang, "idx": 0, "cutoff": 0, "lower": False,
             "_unit2id": {u: i for i, u in enumerate(units)}, "_id2unit": units}
    meta = {"lang_code": lang, "config": json.dumps(config), "vocab": json.dumps(vocab), "lexicon": "null"}
    model = (_int(1, 8) + _bytes(2, "corpus-tools") + _bytes(7, graph)
             + _bytes(8, _bytes(1, "") + _int(2, 13))
             + b"".join(_bytes(14, _bytes(1, k) + _bytes(2, v)) for k, v in meta.items()))
    return model


# --------------------------------------------------------------------------- package

def build_package(out: Path, *, src: str = "en", tgt: str = "fr", layers: int = 1, d_model: int = 64,
                  heads: int = 2, ffn: int = 64, corpus: Path | None = None, vocab_size: int = 1000,
                  version: str = "1.0") -> Path:
    import sentencepiece as spm

    lines: list[str] = list(TRAINING_LINES) + list(COMMON_WORDS) * 3
    if corpus is not None:
        lines += [ln.strip() for ln in corpus.read_text(encoding="utf-8").splitlines() if ln.strip()]
    # the swap words must be pieces; repeating them keeps them whole words too
    lines += [" ".join(w for pair in SWAPS for w in pair)] * 5
    sp_bytes = train_sentencepiece(lines, vocab_size)
    sp = spm.SentencePieceProcessor(model_proto=sp_bytes)
    vocab = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]

    top = f"translate-{src}_{tgt}-{version.replace('.', '_')}"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / top
        root.mkdir()
        (root / "sentencepiece.model").write_bytes(sp_bytes)
        save_ct2_model(vocab, root / "model", layers=layers, d_model=d_model, heads=heads, ffn=ffn)
        (root / "minisbd").mkdir()
        (root / "minisbd" / f"{src}.onnx").write_bytes(minisbd_onnx(src))
        metadata = {
            "package_version": version, "argos_version": "1.9.0",
            "from_code": src, "from_name": {"en": "English"}.get(src, src),
            "to_code": tgt, "to_name": {"fr": "French"}.get(tgt, tgt),
            "type": "translate", "links": [],
        }
        (root / "metadata.json").write_text(json.dumps(metadata, indent=2) + "\n", encoding="utf-8")
        (root / "README.md").write_text(
            f"Test package built by corpus-tools scripts/build_test_model.py: copies {src} input "
            f"piece by piece, swapping {', '.join('/'.join(p) for p in SWAPS)}. "
            f"{layers}+{layers} layers, d_model {d_model}. Not a translation model.\n", encoding="utf-8")
        out.parent.mkdir(parents=True, exist_ok=True)
        part = out.with_name(out.name + ".part")
        with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as zf:
            for path in sorted(root.rglob("*")):
                zf.write(path, path.relative_to(tmp).as_posix())
        os.replace(part, out)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, help="the .argosmodel file to write")
    ap.add_argument("--from", dest="src", default="en")
    ap.add_argument("--to", dest="tgt", default="fr")
    ap.add_argument("--layers", type=int, default=1, help="encoder and decoder layers (default 1)")
    ap.add_argument("--d-model", type=int, default=64)
    ap.add_argument("--heads", type=int, default=2)
    ap.add_argument("--ffn", type=int, default=64, help="feed-forward width")
    ap.add_argument("--corpus", type=Path, help="extra SentencePiece training text, one sentence a line")
    ap.add_argument("--vocab-size", type=int, default=1000)
    ap.add_argument("--version", default="1.0", help="package_version in metadata.json")
    a = ap.parse_args(argv)
    build_package(a.out, src=a.src, tgt=a.tgt, layers=a.layers, d_model=a.d_model, heads=a.heads,
                  ffn=a.ffn, corpus=a.corpus, vocab_size=a.vocab_size, version=a.version)
    print(a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
