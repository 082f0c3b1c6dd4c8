"""Argos Translate packages run through their CTranslate2 model and tokenizer directly.

``argostranslate.translate.translate()`` re-splits each text into sentences, loads
Stanza/spaCy/torch on import, and translates one sentence per batch with at most 256
output pieces. Here, for pre-segmented sentences: one CTranslate2 translator per
translator object, every sentence encoded at once, sorted by length and sent in large
token-budgeted batches, with the decoding options Argos uses (``replace_unknowns``,
``length_penalty=0.2``, the package's ``target_prefix``) and the same detokenization,
so that with the same beam size the output is Argos' own, sentence for sentence -
except that the output limit grows with the input (``max_length_ratio``) instead of
cutting long sentences at 256 pieces.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from corpus_tools.errors import BackendUnavailableError, ConfigError
from corpus_tools.translate.packages import PackageInfo, find_package

if TYPE_CHECKING:
    from corpus_tools.translate import TranslateOptions

ARGOS_LENGTH_PENALTY = 0.2  # argostranslate.translate.apply_packaged_translation
ARGOS_MAX_DECODING_LENGTH = 256  # CTranslate2's default, which Argos keeps; our floor
_DECODING_SLACK = 16


def fingerprint(pkg: PackageInfo) -> str:
    """Cheap identity of a package's weights: metadata, model config, and the model file's size and ends."""
    h = hashlib.sha256()
    for rel in ("metadata.json", "model/config.json"):
        f = pkg.path / rel
        if f.is_file():
            h.update(f.read_bytes())
    model_bin = pkg.path / "model" / "model.bin"
    if model_bin.is_file():
        size = model_bin.stat().st_size
        h.update(str(size).encode())
        with open(model_bin, "rb") as fb:
            h.update(fb.read(1 << 20))
            fb.seek(max(0, size - (1 << 20)))
            h.update(fb.read(1 << 20))
    return h.hexdigest()[:16]


def _unk_token(package_path: Path) -> str:
    try:
        config = json.loads((package_path / "model" / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        config = {}
    return str(config.get("unk_token") or "<unk>") if isinstance(config, dict) else "<unk>"


class ArgosTranslator:
    """Batched translation with an installed Argos package (see the module docstring)."""

    def __init__(self, src_lang: str, tgt_lang: str, options: TranslateOptions) -> None:
        try:
            import ctranslate2
            from argostranslate.package import Package
        except ImportError as exc:
            raise BackendUnavailableError("translation with Argos Translate", "argos") from exc
        self.options = options
        self.package = find_package(src_lang, tgt_lang)
        argos_pkg = Package(self.package.path)
        self._tokenizer: Any = getattr(argos_pkg, "tokenizer", None)
        if self._tokenizer is None:
            raise ConfigError(f"Argos package {self.package.path} has neither sentencepiece.model nor bpe.model")
        self._target_prefix: str = argos_pkg.target_prefix or ""
        self._unk = _unk_token(self.package.path)
        try:
            self._ct2 = ctranslate2.Translator(
                str(Path(self.package.path) / "model"), device=options.device,
                compute_type=options.compute_type, inter_threads=1, intra_threads=options.threads)
        except (RuntimeError, ValueError) as exc:
            raise ConfigError(f"cannot load the CTranslate2 model of {self.package.model_id} "
                              f"on {options.device} with compute type {options.compute_type}: {exc}") from exc
        self.model = self.package.model_id
        self.name = f"argos:{self.model}:beam{options.beam_size}"
        self.fingerprint = fingerprint(self.package)
        # what "auto"/"default" resolved to here: it changes the output, so it keys the cache
        self._resolved = f"{getattr(self._ct2, 'device', options.device)}:{getattr(self._ct2, 'compute_type', '')}"

    def signature(self) -> str:
        return f"{self.options.signature()}|{self._resolved}"

    def _max_length(self, longest: int) -> int:
        return max(ARGOS_MAX_DECODING_LENGTH,
                   math.ceil(self.options.max_length_ratio * longest) + _DECODING_SLACK)

    def _decode(self, pieces: list[str]) -> str:
        # argostranslate.translate.apply_packaged_translation, verbatim in effect
        value: str = self._tokenizer.decode(pieces)
        if self._target_prefix and value.startswith(self._target_prefix):
            value = value[len(self._target_prefix):]
        if value[:1] == " ":
            value = value[1:]
        return value

    def _translate_band(self, tokens: list[list[str]], replace_unknowns: bool) -> list[Any]:
        prefix = [[self._target_prefix]] * len(tokens) if self._target_prefix else None
        return list(self._ct2.translate_batch(
            tokens, target_prefix=prefix, replace_unknowns=replace_unknowns,
            max_batch_size=self.options.batch_tokens, batch_type="tokens",
            beam_size=self.options.beam_size, num_hypotheses=1,
            length_penalty=ARGOS_LENGTH_PENALTY, return_scores=True,
            max_input_length=0, max_decoding_length=self._max_length(max(len(t) for t in tokens))))

    def translate_scored(self, sentences: Sequence[str]) -> list[tuple[str, float | None]]:
        out: list[tuple[str, float | None]] = [("", None)] * len(sentences)
        first: dict[str, int] = {}  # identical sentences are translated once
        encoded: list[tuple[int, list[str]]] = []
        for i, s in enumerate(sentences):
            if s.strip() and s not in first:
                first[s] = i
                pieces = self._tokenizer.encode(s)
                if pieces:
                    encoded.append((i, pieces))
        encoded.sort(key=lambda item: len(item[1]))
        budget = self.options.batch_tokens * 8
        start = 0
        while start < len(encoded):
            # one call per length band, so that the output limit can follow the input length
            end, used = start, 0
            while end < len(encoded) and (end == start or used + len(encoded[end][1]) <= budget):
                used += len(encoded[end][1])
                end += 1
            band = encoded[start:end]
            tokens = [pieces for _, pieces in band]
            # Argos asks for replace_unknowns, which makes CTranslate2 keep every step's
            # attention (costly in beam search) though it only rewrites <unk> outputs, and
            # the search is the same either way: redo only the hypotheses holding <unk>.
            results = self._translate_band(tokens, replace_unknowns=False)
            redo = [k for k, res in enumerate(results) if self._unk in res.hypotheses[0]]
            if redo:
                for k, res in zip(redo, self._translate_band([tokens[k] for k in redo], replace_unknowns=True)):
                    results[k] = res
            for (i, _), res in zip(band, results):
                out[i] = (self._decode(res.hypotheses[0]), float(res.scores[0]) if res.scores else None)
            start = end
        for i, s in enumerate(sentences):
            j = first.get(s)
            if j is not None and j != i:
                out[i] = out[j]
        return out

    def translate(self, sentences: Sequence[str]) -> list[str]:
        return [t for t, _ in self.translate_scored(sentences)]

    def close(self) -> None:
        self._ct2 = None
