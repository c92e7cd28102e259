package dev.ember.io.image;

/** How {@link Images#read(java.nio.file.Path, ImageMode)} treats the file's channels. */
public enum ImageMode {
    /**
     * {@code ToTensor()(Image.open(f))}: the channels PIL opens the file with. Greyscale gives 1
     * channel, grey+alpha 2, RGB 3, RGBA 4; a palette image gives 1 channel holding the palette
     * <em>indices</em> divided by 255, exactly as torchvision does.
     */
    AS_IS,
    /**
     * {@code ToTensor()(Image.open(f).convert('RGB'))}: always 3 channels. Alpha is dropped (not
     * composited), grey is repeated, palette indices are looked up.
     */
    RGB
}
