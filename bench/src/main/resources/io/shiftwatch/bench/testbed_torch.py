"""Plain-PyTorch re-implementation of the testbed VLM's greedy generation with a KV cache, the baseline
of `./shiftwatch bench extraction`. Loads the weights exported by models' WeightExport (one .npy per
DJL parameter), checks its tokens and captured hidden states against DJL's on the same inputs, then
times generation over a batch-size sweep. Prints one JSON line.
argv: weights_dir inputs_dir max_new layers(comma, -1 = final norm) batches(comma) reps threads check(1/0)
inputs_dir: images.npy [N, S*S*3] bytes as float32, prompts.npy [N, Tmax] ids (-1 = none),
            djl_tokens.npy [n, max_new] (-1 = none) and djl_states_<layer>.npy [sum tokens, D] for the check."""
import json, math, os, sys, time
import numpy as np
import torch
import torch.nn.functional as F

PAD, EOS, MASKED, EPS = 0, 4, -1e9, 1e-5


class TestbedVlm:
    def __init__(self, wdir):
        self.cfg = json.load(open(os.path.join(wdir, "config.json")))
        names = open(os.path.join(wdir, "parameters.txt")).read().split()
        self.p = {n: torch.from_numpy(np.load(os.path.join(wdir, n + ".npy"))) for n in names}
        c = self.cfg
        self.d, self.heads, self.layers = c["hiddenSize"], c["numHeads"], c["numLayers"]
        self.prefix, self.size, self.max_text = c["prefixTokens"], c["imageSize"], c["maxTextTokens"]
        self.max_pos = self.prefix + self.max_text
        self.grid = int(math.isqrt(self.prefix))
        self.patch = self.size // self.grid
        attention = c.get("promptAttention", "causal")
        if attention not in ("causal", "prefix"):
            raise SystemExit("prompt attention %r is not implemented in the PyTorch baseline" % attention)
        self.prefix_lm = attention == "prefix"

    def w(self, name):
        return self.p[name]

    def linear(self, x, name, bias=True):
        return F.linear(x, self.w(name + "_weight"), self.w(name + "_bias") if bias else None)

    def norm(self, x, name):
        return F.layer_norm(x, (self.d,), self.w(name + "_gamma"), self.w(name + "_beta"), EPS)

    def patches(self, images):
        """[B, S*S*3] byte values -> [B, P, patch*patch*3] in [-1, 1], grid row-major, pixels row-major, RGB."""
        b, g, p = images.shape[0], self.grid, self.patch
        x = images.reshape(b, g, p, g, p, 3).transpose(0, 1, 3, 2, 4, 5).reshape(b, g * g, p * p * 3)
        return torch.from_numpy(np.ascontiguousarray(x / 127.5 - 1.0, dtype=np.float32))

    def embed_image(self, patches):
        encoder = self.cfg.get("imageEncoder", "patch-mlp")
        if encoder in ("patch-mlp", "patch-mlp-norm"):
            h = F.gelu(self.linear(patches, "image_encoder_patch_projection"))
            h = self.linear(h, "image_encoder_patch_mlp")
            if encoder == "patch-mlp":
                return h
            return self.norm(h, "image_encoder_output_norm") / math.sqrt(self.d)
        if encoder == "patch-window":
            b, g, p = patches.shape[0], self.grid, self.patch
            image = patches.reshape(b, g, g, p, p, 3).permute(0, 5, 1, 3, 2, 4).reshape(b, 3, self.size, self.size)
            h = F.gelu(F.conv2d(image, self.w("image_encoder_window_weight"), self.w("image_encoder_window_bias"),
                                stride=p, padding=p))
            return self.linear(h.reshape(b, self.d, g * g).transpose(1, 2), "image_encoder_cell_projection")
        raise SystemExit("image encoder %r is not implemented in the PyTorch baseline" % encoder)

    def block(self, l, x, mask, cache):
        b, n, d, hs = x.shape[0], x.shape[1], self.d, self.d // self.heads
        pre = "decoder_%d_" % l
        q, k, v = self.linear(self.norm(x, pre + "attention_norm"), pre + "attention_qkv").split(d, dim=2)
        q, k, v = (t.reshape(b, n, self.heads, hs).transpose(1, 2) for t in (q, k, v))
        if l in cache:
            k, v = torch.cat([cache[l][0], k], 2), torch.cat([cache[l][1], v], 2)
        cache[l] = (k, v)
        scores = q @ k.transpose(2, 3) * (1.0 / math.sqrt(hs)) + mask
        ctx = (scores.softmax(3) @ v).transpose(1, 2).reshape(b, n, d)
        x = x + self.linear(ctx, pre + "attention_output")
        m = F.gelu(self.linear(self.norm(x, pre + "mlp_norm"), pre + "mlp_input"))
        return x + self.linear(m, pre + "mlp_output")


def generate(model, images, prompts, max_new, layers):
    """Greedy generation of one left-padded batch, as models' GreedyDecoder/DecodingState do it.
    Returns per sample (tokens, {layer: [tokens, D] predicting states})."""
    b, pre = len(prompts), model.prefix
    longest = max(len(p) for p in prompts)
    pad = [longest - len(p) for p in prompts]
    limits = [min(max_new, model.max_text - len(p) + 1) for p in prompts]
    steps = max(limits)
    text = np.zeros((b, longest + steps), dtype=np.int64)
    for i, p in enumerate(prompts):
        text[i, pad[i]:longest] = p
    length, cache, frm = longest, {}, 0
    out = [([], {l: [] for l in layers}, False) for _ in range(b)]
    done = [False] * b
    patches = model.patches(images)
    for t in range(steps):
        if all(done):
            break
        to = pre + length
        x = model.w("token_embedding")[torch.from_numpy(text[:, max(frm, pre) - pre:length])]
        if frm < pre:
            x = torch.cat([model.embed_image(patches), x], 1)
        pos, mask = window(b, pre, pad, frm, to, model.max_pos, pre + longest if model.prefix_lm else None)
        x = x + model.w("position_embedding")[pos]
        kept = {}
        if 0 in layers:
            kept[0] = x[:, -1, :]
        for l in range(1, model.layers + 1):
            x = model.block(l, x, mask, cache)
            kept[l] = x[:, -1, :]
        normed = model.norm(x[:, -1:, :], "final_norm")
        kept[model.layers + 1] = normed[:, 0, :]
        nxt = model.linear(normed, "lm_head", bias=False).argmax(2)[:, 0].numpy()
        rows = {l: kept[l].numpy() for l in layers}
        for i in range(b):
            if done[i]:
                continue
            if nxt[i] == EOS:
                done[i] = True
                continue
            out[i][0].append(int(nxt[i]))
            for l in layers:
                out[i][1][l].append(rows[l][i].copy())
            done[i] = len(out[i][0]) >= limits[i]
        text[:, length] = nxt
        length += 1
        frm = to
    return [(toks, states) for toks, states, _ in out]


def window(b, pre, pad, frm, to, max_pos, prompt_end=None):
    """Position ids [B, n] and additive mask [B, 1, n, to] for queries [frm, to) over keys [0, to); with
    prompt_end (prefix-LM attention) valid image and prompt queries see every valid key before prompt_end."""
    n = to - frm
    q = np.arange(frm, to)[None, :].repeat(b, 0)
    padv = np.array(pad)[:, None]
    valid_q = (q < pre) | (q - pre >= padv)
    pos = np.where(q < pre, q, np.where(valid_q, np.minimum(q - padv, max_pos - 1), 0))
    k = np.arange(to)
    valid_k = (k[None, :] < pre) | (k[None, :] - pre >= padv)  # [B, to]
    qq = q[:, :, None]
    seen = qq if prompt_end is None else np.where((qq < prompt_end) & valid_q[:, :, None], prompt_end - 1, qq)
    masked = (k[None, None, :] > seen) | (~valid_k[:, None, :] & (k[None, None, :] != qq))
    mask = np.where(masked, MASKED, 0.0).astype(np.float32)[:, None, :, :]
    return torch.from_numpy(pos.astype(np.int64)), torch.from_numpy(mask)


def run_all(model, images, prompts, max_new, layers, batch):
    results = []
    for s in range(0, len(prompts), batch):
        results += generate(model, images[s:s + batch], prompts[s:s + batch], max_new, layers)
    return results


def check(model, inputs, images, prompts, max_new, layers, resolved):
    ref_tokens = np.load(os.path.join(inputs, "djl_tokens.npy")).astype(np.int64)
    n = ref_tokens.shape[0]
    ours = run_all(model, images[:n], prompts[:n], max_new, resolved, 32)
    same = sum(1 for i in range(n) if ours[i][0] == [int(t) for t in ref_tokens[i] if t >= 0])
    diffs = {}
    for req, res in zip(layers, resolved):
        ref = np.load(os.path.join(inputs, "djl_states_%d.npy" % req))
        mine = np.concatenate([np.array(o[1][res]).reshape(-1, model.d) for o in ours], 0) if same == n else None
        diffs[str(req)] = float(np.abs(mine - ref).max()) if mine is not None and mine.shape == ref.shape else None
    return {"samples": n, "identical_token_sequences": same, "max_abs_state_diff": diffs}


def main():
    wdir, inputs, max_new, layers, batches, reps, threads, do_check = sys.argv[1:9]
    torch.set_num_threads(int(threads))
    torch.manual_seed(0)
    max_new, reps = int(max_new), int(reps)
    layers = [int(l) for l in layers.split(",")]
    model = TestbedVlm(wdir)
    resolved = [model.layers + 1 if l == -1 else l for l in layers]
    images = np.load(os.path.join(inputs, "images.npy"))
    prompts = [[int(t) for t in row if t >= 0] for row in np.load(os.path.join(inputs, "prompts.npy"))]
    result = {"torch": torch.__version__, "threads": torch.get_num_threads()}
    with torch.inference_mode():
        if do_check == "1":
            result["check"] = check(model, inputs, images, prompts, max_new, layers, resolved)
        timing = {}
        for b in (int(x) for x in batches.split(",")):
            run_all(model, images, prompts, max_new, resolved, b)  # warm-up
            seconds, tokens = [], 0
            for _ in range(reps):
                t0 = time.perf_counter()
                out = run_all(model, images, prompts, max_new, resolved, b)
                seconds.append(time.perf_counter() - t0)
                tokens = sum(len(o[0]) for o in out)
            timing[str(b)] = {"seconds": seconds, "tokens": tokens}
        result["timing"] = timing
    print(json.dumps(result))


if __name__ == "__main__":
    main()
