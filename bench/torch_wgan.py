"""The PyTorch reference for the benchmark: the workloads of bench/ipmgan-loop.mjs
on --threads CPU threads (default 1).

WGAN (weight clipping) on the 8-Gaussian ring (radius 2, std 0.02, all / 1.414),
generator 2 -> 3x512 ReLU -> 2, critic 2 -> 3x512 ReLU -> 1,
RMSprop(lr=5e-5, alpha=0.99, eps=1e-8), clamp_ to [-0.01, 0.01] after each critic
step, n_critic 5.

--workload dcgan: WGAN with ipmgan's dcgan-generator / dcgan-critic (filters 64, z 100):
generator Linear(100, 7*7*128, no bias) -> BatchNorm2d -> ReLU ->
ConvTranspose2d(128, 64, 4, 2, 1, no bias) -> BatchNorm2d -> ReLU ->
ConvTranspose2d(64, 1, 4, 2, 1) -> tanh; critic Conv2d(1, 64, 4, 2, 1) -> LeakyReLU(0.2) ->
Conv2d(64, 128, 4, 2, 1, no bias) -> BatchNorm2d -> LeakyReLU(0.2) -> Linear(7*7*128, 1).
The real batches are drawn from a fixed pool of 10,000 uniform [-1, 1] 28x28 images: the
values do not change the cost, and the benchmark needs no MNIST download.

    python3 bench/torch_wgan.py --batch 64 --iterations 20 --warmup 2
    python3 bench/torch_wgan.py --workload dcgan --threads 2 --iterations 5 --warmup 1

prints {"workload", "batch", "backend", "threads", "torch", "blas", "iterations",
"genItersPerSec", "genItersPerCpuSec"} as one JSON line. A benchmark reference
only: ipmgan never depends on torch. Debian's python3-torch uses whatever
libblas.so.3 the system selects: the reference netlib BLAS is several times
slower than OpenBLAS (apt-get install libopenblas0-pthread), hence "blas".
"""

import argparse
import json
import math
import os
import time

parser = argparse.ArgumentParser()
parser.add_argument("--workload", choices=["mlp", "dcgan"], default="mlp")
parser.add_argument("--batch", type=int, default=64)
parser.add_argument("--iterations", type=int, default=20)
parser.add_argument("--warmup", type=int, default=2)
parser.add_argument("--seed", type=int, default=1)
parser.add_argument("--threads", type=int, default=1)
args = parser.parse_args()

# OpenBLAS starts its own threads; torch.set_num_threads does not reach them.
os.environ["OPENBLAS_NUM_THREADS"] = str(args.threads)

import torch  # noqa: E402
from torch import nn  # noqa: E402

HIDDEN = 512
NOISE_DIM = 2
N_CRITIC = 5
CLIP = 0.01
RING_RADIUS = 2.0
MODE_STD = 0.02
SCALE = 1.414

torch.set_num_threads(args.threads)
torch.manual_seed(args.seed)

angles = torch.arange(8, dtype=torch.float32) * (2 * math.pi / 8)
centres = RING_RADIUS * torch.stack([angles.cos(), angles.sin()], dim=1)


def sample_ring(n):
    """n points from 8 equal-weight modes, std MODE_STD, all / SCALE."""
    modes = centres[torch.randint(0, 8, (n,))]
    return (modes + MODE_STD * torch.randn(n, 2)) / SCALE


def mlp(input_dim, output_dim):
    return nn.Sequential(
        nn.Linear(input_dim, HIDDEN), nn.ReLU(),
        nn.Linear(HIDDEN, HIDDEN), nn.ReLU(),
        nn.Linear(HIDDEN, HIDDEN), nn.ReLU(),
        nn.Linear(HIDDEN, output_dim),
    )


def dcgan_generator():
    return nn.Sequential(
        nn.Linear(DCGAN_NOISE_DIM, 7 * 7 * 128, bias=False), nn.Unflatten(1, (128, 7, 7)),
        nn.BatchNorm2d(128), nn.ReLU(),
        nn.ConvTranspose2d(128, 64, 4, 2, 1, bias=False), nn.BatchNorm2d(64), nn.ReLU(),
        nn.ConvTranspose2d(64, 1, 4, 2, 1), nn.Tanh(),
    )


def dcgan_critic():
    return nn.Sequential(
        nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2),
        nn.Conv2d(64, 128, 4, 2, 1, bias=False), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),
        nn.Flatten(), nn.Linear(7 * 7 * 128, 1),
    )


DCGAN_NOISE_DIM = 100
if args.workload == "dcgan":
    generator, critic, noise_dim = dcgan_generator(), dcgan_critic(), DCGAN_NOISE_DIM
    pool = torch.rand(10_000, 1, 28, 28) * 2 - 1

    def sample_real(n):
        return pool[torch.randint(0, pool.shape[0], (n,))]
else:
    generator, critic, noise_dim = mlp(NOISE_DIM, 2), mlp(2, 1), NOISE_DIM
    sample_real = sample_ring
generator_opt = torch.optim.RMSprop(generator.parameters(), lr=5e-5, alpha=0.99, eps=1e-8)
critic_opt = torch.optim.RMSprop(critic.parameters(), lr=5e-5, alpha=0.99, eps=1e-8)


def critic_step():
    real = sample_real(args.batch)
    with torch.no_grad():
        fake = generator(torch.randn(args.batch, noise_dim))
    critic_opt.zero_grad()
    # The critic maximizes E[D(real)] - E[D(fake)].
    loss = critic(fake).mean() - critic(real).mean()
    loss.backward()
    critic_opt.step()
    with torch.no_grad():
        for p in critic.parameters():
            p.clamp_(-CLIP, CLIP)


def generator_step():
    # As in the WGAN authors' code: no gradients for the critic in the generator step.
    for p in critic.parameters():
        p.requires_grad_(False)
    generator_opt.zero_grad()
    loss = -critic(generator(torch.randn(args.batch, noise_dim))).mean()
    loss.backward()
    generator_opt.step()
    for p in critic.parameters():
        p.requires_grad_(True)


def train(steps):
    for _ in range(steps):
        for _ in range(N_CRITIC):
            critic_step()
        generator_step()


def loaded_blas():
    """The BLAS libraries this process has mapped, e.g. openblas-pthread/libblas.so.3."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.split("/")[-1]}
    return ", ".join(sorted("/".join(p.split("/")[-2:]) for p in paths)) or "unknown"


train(args.warmup)
start, cpu_start = time.perf_counter(), time.process_time()
train(args.iterations)
seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu_start

print(json.dumps({
    "workload": args.workload,
    "batch": args.batch,
    "backend": "pytorch",
    "threads": torch.get_num_threads(),
    "torch": torch.__version__,
    "blas": loaded_blas(),
    "iterations": args.iterations,
    "genItersPerSec": args.iterations / seconds,
    "genItersPerCpuSec": args.iterations / cpu_seconds,
}))
