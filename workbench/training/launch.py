"""Commands to run a saved config on a bigger machine: torchrun (one node or several) and Slurm."""

from __future__ import annotations

import shlex
from pathlib import Path


def torchrun_command(config: str | Path, nproc_per_node: int, nnodes: int = 1, master: str = "",
                     run_dir: str = "") -> str:
    """The shell command that trains `config` with distributed data parallel.

    One node: `torchrun --standalone`. Several: every node runs the same command with the
    rendezvous host (`master`, host:port) and its own rank assigned by the rendezvous.
    run_dir pins the run folder so every node writes to the same place (shared filesystem).
    """
    parts = ["torchrun"]
    if nnodes > 1:
        endpoint = master or "$MASTER_ADDR:29500"
        parts += [f"--nnodes={nnodes}", "--rdzv-backend=c10d", f"--rdzv-endpoint={endpoint}",
                  "--rdzv-id=workbench"]
    else:
        parts.append("--standalone")
    parts += [f"--nproc-per-node={nproc_per_node}", "-m", "workbench", "train", "--config", str(config)]
    if run_dir:
        parts += ["--run-dir", run_dir]
    return " ".join(p if p.startswith("$") or "$" in p else shlex.quote(p) for p in parts)


def slurm_script(config: str | Path, gpus_per_node: int, nodes: int = 1, hours: int = 4,
                 run_dir: str = "") -> str:
    """An sbatch script: one torchrun per node, the first node as the rendezvous host."""
    command = torchrun_command(config, gpus_per_node, nodes, "$MASTER_ADDR:29500", run_dir)
    return "\n".join([
        "#!/bin/bash",
        "#SBATCH --job-name=workbench-train",
        f"#SBATCH --nodes={nodes}",
        "#SBATCH --ntasks-per-node=1",
        f"#SBATCH --gpus-per-node={gpus_per_node}",
        f"#SBATCH --time={hours:02d}:00:00",
        "",
        "# The first node hosts the rendezvous; every node runs one torchrun with one process per GPU.",
        'export MASTER_ADDR=$(scontrol show hostnames "$SLURM_JOB_NODELIST" | head -n 1)',
        f"srun {command}",
        "",
    ])
