"""The tutorial "PyTorch: 池化-线性-激活函数层" as one script, run by torch 1.13.1 / torchvision 0.14.1.

`ember tutorial` (dev.ember.examples.Tutorial) runs the same steps in the same order and must print
the same lines; file paths aside. The transcript of this script is committed as
examples/src/test/resources/tutorial/torch-1.13.1.txt:

    /usr/bin/python3 tools/tutorial/tutorial.py --image io/src/main/resources/dev/ember/io/image/sample.png \
        --out tutorial-out --digests examples/src/test/resources/tutorial/torch-1.13.1-pixels.txt \
        > examples/src/test/resources/tutorial/torch-1.13.1.txt

Differences from the original, all forced: the picture is Ember's CC0 sample (512x512, like
lena.png), the matplotlib windows are PNG files, and the sections the original switches on and off
with `flag` all run, followed by an unpooling of the picture and each activation on a sample tensor.
"""
import argparse
import hashlib
import os
import random

import numpy as np
import torch
import torch.nn as nn
from PIL import Image
from torchvision import transforms

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.normpath(os.path.join(HERE, "..", "..", "io", "src", "main", "resources", "dev", "ember", "io", "image", "sample.png"))


def set_seed(seed=1):  # common_tools.set_seed
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def transform_invert(img_, transform_train):  # common_tools.transform_invert (no Normalize here)
    img_ = img_.transpose(0, 2).transpose(0, 1)  # C*H*W --> H*W*C
    if "ToTensor" in str(transform_train):
        img_ = np.array(img_) * 255
    if img_.shape[2] == 3:
        img_ = Image.fromarray(img_.astype("uint8")).convert("RGB")
    elif img_.shape[2] == 1:
        img_ = Image.fromarray(img_.astype("uint8").squeeze())
    else:
        raise Exception("Invalid img shape, expected 1 or 3 in axis 2, but got {}!".format(img_.shape[2]))
    return img_


class Pictures:
    """Saves pictures and remembers the digest of their pixels, for the Java test."""

    def __init__(self, out):
        self.out, self.digests = out, []

    def save(self, name, *images):
        """One image, or several side by side at the height of the tallest (nearest neighbour)."""
        h = max(im.height for im in images)
        scaled = [im.resize((im.width * h // im.height, h), Image.NEAREST) for im in images]
        fig = Image.new("RGB", (sum(im.width for im in scaled), h), "white")
        x = 0
        for im in scaled:
            fig.paste(im, (x, 0))
            x += im.width
        path = os.path.join(self.out, name)
        fig.save(path)
        if len(images) == 1:
            self.digests.append("%s %s" % (name, hashlib.sha256(np.array(images[0]).tobytes()).hexdigest()))
        print("saved: {}".format(path))


    def plot_activations(self, name):
        """The six activations and their autograd derivatives, plainly drawn (there is no matplotlib here)."""
        from PIL import ImageDraw
        x = torch.linspace(-4, 4, 401)
        layers = [nn.Sigmoid(), nn.Tanh(), nn.ReLU(), nn.LeakyReLU(), nn.PReLU(), nn.RReLU()]
        fig = Image.new("RGB", (3 * 480, 2 * 360), "white")
        d = ImageDraw.Draw(fig)
        for k, layer in enumerate(layers):
            ox, oy = (k % 3) * 480, (k // 3) * 360

            def px(xv, yv):
                return ox + 40 + (xv + 4) / 8 * 420, oy + 40 + (4 - yv) / 5.5 * 290
            d.text((ox + 40, oy + 12), str(layer), fill="black")
            d.line([px(-4, 0), px(4, 0)], fill="gray")
            d.line([px(0, -1.5), px(0, 4)], fill="gray")
            curves = [(layer, "#1f77b4", "#ff7f0e")]
            if isinstance(layer, nn.RReLU):
                curves = [(layer, "#2ca02c", "#d62728"), (nn.RReLU().eval(), "#1f77b4", "#ff7f0e")]
            for module, colour, grad_colour in curves:
                xi = x.clone().requires_grad_()
                y = module(xi)
                y.backward(torch.ones_like(y))
                for values, c in ((y.detach(), colour), (xi.grad, grad_colour)):
                    points = [px(float(a), float(b)) for a, b in zip(x, values)]
                    if module.training and isinstance(module, nn.RReLU):
                        for p in points:
                            d.point(p, fill=c)
                    else:
                        d.line(points, fill=c, width=2)
        path = os.path.join(self.out, name)
        fig.save(path)
        print("saved: {}".format(path))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--image", default=SAMPLE)
    ap.add_argument("--out", default="tutorial-out")
    ap.add_argument("--digests")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    pictures = Pictures(args.out)

    print("# ================================= set_seed(1): torch.manual_seed(1), the random examples repeat")
    set_seed(1)  # 设置随机种子

    # ================================= load img ==================================
    print("# ================================= load img: {}".format(args.image))
    img = Image.open(args.image).convert('RGB')  # 0~255
    img_transform = transforms.Compose([transforms.ToTensor()])
    img_tensor = img_transform(img)
    img_tensor.unsqueeze_(dim=0)  # C*H*W to B*C*H*W

    print("# ================ maxpool")
    maxpool_layer = nn.MaxPool2d((2, 2), stride=(2, 2))  # input:(i, o, size) weights:(o, i , h, w)
    img_maxpool = maxpool_layer(img_tensor)
    print("池化前尺寸:{}\n池化后尺寸:{}".format(img_tensor.shape, img_maxpool.shape))
    img_raw = transform_invert(img_tensor.squeeze(), img_transform)
    pictures.save("img_maxpool.png", transform_invert(img_maxpool[0, 0:3, ...], img_transform))

    print("# ================ avgpool")
    avgpool_layer = nn.AvgPool2d((2, 2), stride=(2, 2))
    img_avgpool = avgpool_layer(img_tensor)
    print("池化前尺寸:{}\n池化后尺寸:{}".format(img_tensor.shape, img_avgpool.shape))
    pictures.save("img_avgpool.png", transform_invert(img_avgpool[0, 0:3, ...], img_transform))
    pictures.save("pooling.png", img_raw, transform_invert(img_maxpool[0, 0:3, ...], img_transform),
                  transform_invert(img_avgpool[0, 0:3, ...], img_transform))

    print("# ================ avgpool on ones")
    img_tensor = torch.ones((1, 1, 4, 4))
    avgpool_layer = nn.AvgPool2d((2, 2), stride=(2, 2))
    img_pool = avgpool_layer(img_tensor)
    print("raw_img:\n{}\npooling_img:\n{}".format(img_tensor, img_pool))

    print("# ================ avgpool divisor_override=3")
    avgpool_layer = nn.AvgPool2d((2, 2), stride=(2, 2), divisor_override=3)
    img_pool = avgpool_layer(img_tensor)
    print("raw_img:\n{}\npooling_img:\n{}".format(img_tensor, img_pool))

    print("# ================ max unpool")
    # pooling
    img_tensor = torch.randint(high=5, size=(1, 1, 4, 4), dtype=torch.float)
    maxpool_layer = nn.MaxPool2d((2, 2), stride=(2, 2), return_indices=True)
    img_pool, indices = maxpool_layer(img_tensor)
    # unpooling
    img_reconstruct = torch.randn_like(img_pool, dtype=torch.float)
    maxunpool_layer = nn.MaxUnpool2d((2, 2), stride=(2, 2))
    img_unpool = maxunpool_layer(img_reconstruct, indices)
    print("raw_img:\n{}\nimg_pool:\n{}".format(img_tensor, img_pool))
    print("img_reconstruct:\n{}\nimg_unpool:\n{}".format(img_reconstruct, img_unpool))

    print("# ================ max unpool of the picture")
    picture = img_transform(img).unsqueeze(0)
    img_pool, indices = maxpool_layer(picture)
    img_unpool = maxunpool_layer(img_pool, indices)
    print("img_pool:{} indices:{} img_unpool:{}".format(img_pool.shape, indices.dtype, img_unpool.shape))
    print("nonzero in img_unpool: {} of {}".format(int((img_unpool != 0).sum()), img_unpool.numel()))
    pictures.save("img_unpool.png", transform_invert(img_unpool[0], img_transform))
    pictures.save("maxunpool.png", img_raw, transform_invert(img_pool[0], img_transform),
                  transform_invert(img_unpool[0], img_transform))

    print("# ================ linear")
    inputs = torch.tensor([[1., 2, 3]])
    linear_layer = nn.Linear(3, 4)
    linear_layer.weight.data = torch.tensor([[1., 1., 1.],
                                             [2., 2., 2.],
                                             [3., 3., 3.],
                                             [4., 4., 4.]])
    linear_layer.bias.data.fill_(0.5)
    output = linear_layer(inputs)
    print(inputs, inputs.shape)
    print(linear_layer.weight.data, linear_layer.weight.data.shape)
    print(output, output.shape)

    print("# ================ activations: y = layer(x) and dy/dx from backward()")
    x = torch.tensor([-3., -2., -1., -0.5, 0., 0.5, 1., 2., 3.])
    print("x: {}".format(x))
    layers = [nn.Sigmoid(), nn.Tanh(), nn.ReLU(), nn.LeakyReLU(), nn.PReLU(), nn.RReLU(), nn.RReLU().eval()]
    for layer in layers:
        xi = x.clone().requires_grad_()
        y = layer(xi)
        y.backward(torch.ones_like(y))
        print("{} training={}".format(layer, layer.training))
        print("y: {}".format(y))
        print("dy/dx: {}".format(xi.grad))
        if isinstance(layer, nn.PReLU):
            print("dy/dweight: {}".format(layer.weight.grad))

    pictures.plot_activations("activations.png")

    if args.digests:
        with open(args.digests, "w") as f:
            f.write("\n".join(pictures.digests) + "\n")


if __name__ == "__main__":
    main()
