"""Reference figures for a GPU: the anchor's two models (../shared/anchors/torch_anchor.py, same layers) trained
and run in PyTorch on CUDA, so the README can say what the card gives next to our CPU figures.
Usage: python3 torch_gpu_reference.py [SIZES] [BATCHES]   (defaults 64,224 and 32,128)."""
import sys, time, torch, torch.nn as nn

C = 29
SIZES = [int(s) for s in (sys.argv[1] if len(sys.argv) > 1 else "64,224").split(",")]
BATCHES = [int(b) for b in (sys.argv[2] if len(sys.argv) > 2 else "32,128").split(",")]


def cnn(s):
    return nn.Sequential(
        nn.Conv2d(3, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.BatchNorm2d(64), nn.Flatten(), nn.Linear(64 * (s // 8) ** 2, 128), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(128, C))


def cbl(i, o, k, s):
    return nn.Sequential(nn.Conv2d(i, o, k, s, k // 2, bias=False), nn.BatchNorm2d(o), nn.LeakyReLU(0.1))


class Res(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.b = nn.Sequential(cbl(c, c // 2, 1, 1), cbl(c // 2, c, 3, 1))

    def forward(self, x):
        return x + self.b(x)


def darknet53(_s):
    layers = [cbl(3, 32, 3, 1)]
    c = 32
    for reps in (1, 2, 8, 8, 4):
        layers.append(cbl(c, c * 2, 3, 2))
        c *= 2
        layers += [Res(c) for _ in range(reps)]
    layers += [nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(c, C)]
    return nn.Sequential(*layers)


def timed(step, warm, iters):
    for _ in range(warm):
        step()
    torch.cuda.synchronize()
    t = time.perf_counter()
    for _ in range(iters):
        step()
    torch.cuda.synchronize()
    return time.perf_counter() - t


def bench(name, build, s, b):
    dev = torch.device("cuda")
    model = build(s).to(dev)
    x = torch.rand(b, 3, s, s, device=dev)
    y = (torch.arange(b, device=dev) % C)
    opt = torch.optim.Adam(model.parameters(), 1e-3)
    lossf = nn.CrossEntropyLoss()

    def train_step():
        opt.zero_grad()
        lossf(model(x), y).backward()
        opt.step()

    model.train()
    iters = 30
    train = iters * b / timed(train_step, 5, iters)
    model.eval()
    with torch.no_grad():
        infer = iters * b / timed(lambda: model(x), 5, iters)
    print(f"{name} size={s} batch={b} train_img_s={train:.0f} infer_img_s={infer:.0f}", flush=True)


print("device", torch.cuda.get_device_name(0), "torch", torch.__version__, "cudnn", torch.backends.cudnn.version())
for s in SIZES:
    for b in BATCHES:
        bench("torch-cnn", cnn, s, b)
        bench("torch-darknet53", darknet53, s, b)
